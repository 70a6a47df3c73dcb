from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.order_rules import validate_rule


class ProductTemplate(models.Model):
    _inherit = "product.template"

    b2b_min_qty = fields.Float(
        string="Minimum order quantity",
        digits="Product Unit",
        help="B2B buyers order at least this much, in the product's unit; 0: "
        "no minimum.",
    )
    b2b_multiple = fields.Float(
        string="Sold by",
        digits="Product Unit",
        help="B2B buyers order a multiple of this quantity (12: 12, 24, 36…), "
        "in the product's unit; 0: any quantity.",
    )

    @api.constrains("b2b_min_qty", "b2b_multiple")
    def _check_b2b_order_rule(self):
        for template in self:
            code = validate_rule(template.b2b_min_qty, template.b2b_multiple)
            if code == "negative":
                raise ValidationError(
                    self.env._(
                        "%(product)s: the minimum and the multiple cannot be negative.",
                        product=template.display_name,
                    )
                )
            if code == "min_not_multiple":
                raise ValidationError(
                    self.env._(
                        "%(product)s: the minimum %(min)s is not a multiple of "
                        "%(multiple)s, so it could never be ordered.",
                        product=template.display_name,
                        min=self.env["res.lang"]._b2b_format_qty(template.b2b_min_qty),
                        multiple=self.env["res.lang"]._b2b_format_qty(
                            template.b2b_multiple
                        ),
                    )
                )
