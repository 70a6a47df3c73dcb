from odoo import api, fields, models


class B2bCustomerCode(models.Model):
    """A legal entity's own code for one of our products: buyers paste the
    codes of their own system, quick order resolves them for that entity
    only."""

    _name = "b2b.customer.code"
    _description = "Customer product code"
    _order = "entity_id, code"
    _rec_name = "code"

    entity_id = fields.Many2one(
        "res.partner",
        string="Legal entity",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    code = fields.Char(required=True)
    product_id = fields.Many2one(
        "product.product", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", related="product_id.company_id", store=True
    )

    # codes are matched case-insensitively, so unique case-insensitively
    _entity_code_uniq = models.UniqueIndex(
        "(entity_id, lower(code))",
        "This legal entity already has this product code.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("code"):
                vals["code"] = vals["code"].strip()
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("code"):
            vals["code"] = vals["code"].strip()
        return super().write(vals)
