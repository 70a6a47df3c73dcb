from odoo import api, models


class IrQwebFieldB2bQty(models.AbstractModel):
    """``t-options="{'widget': 'b2b_qty'}"``: a quantity as the buyer reads
    it, "12" or "2,5", never "12.0"."""

    _name = "ir.qweb.field.b2b_qty"
    _description = "QWeb B2B quantity"
    _inherit = ["ir.qweb.field"]

    @api.model
    def value_to_html(self, value, options):
        return self.env["res.lang"]._b2b_format_qty(
            value or 0.0, grouping=options.get("grouping", True)
        )
