from odoo import fields, models

from ..models.b2b_quick_order import ORDERABLE

STATUSES = [
    ("ok", "OK"),
    ("short", "More than in stock"),
    ("unknown", "Unknown"),
    ("ambiguous", "Ambiguous"),
    ("not_in_assortment", "Not in the assortment"),
    ("archived", "Archived"),
    ("merged", "Merged"),
    ("unit_unsupported", "Unit not supported"),
    ("too_large", "Too large"),
    ("not_whole", "Not a whole number"),
    ("below_min", "Below the minimum"),
    ("not_multiple", "Not a multiple"),
    ("short_stock", "Not enough in stock"),
    ("error", "Error"),
]


class B2bQuickOrderWizardLine(models.TransientModel):
    _name = "b2b.quick.order.wizard.line"
    _description = "Quick order wizard: preview line"
    _order = "line_no, id"

    wizard_id = fields.Many2one(
        "b2b.quick.order.wizard", required=True, index=True, ondelete="cascade"
    )
    line_no = fields.Integer(string="Line", readonly=True)
    key = fields.Char(string="SKU or code")
    qty = fields.Float(string="Quantity", digits="Product Unit")
    unit = fields.Char(readonly=True)
    comment = fields.Char(readonly=True)
    status = fields.Selection(STATUSES, readonly=True)
    is_orderable = fields.Boolean(compute="_compute_is_orderable")
    product_id = fields.Many2one("product.product", readonly=True)
    uom_id = fields.Many2one("uom.uom", string="Unit of measure", readonly=True)
    currency_id = fields.Many2one(related="wizard_id.currency_id")
    price_unit = fields.Monetary(string="Unit price", readonly=True)
    subtotal = fields.Monetary(readonly=True)
    message = fields.Char(readonly=True)
    # what the last check saw: a line edited since is checked again
    checked_key = fields.Char(readonly=True)
    checked_qty = fields.Float(readonly=True, digits="Product Unit")

    def _compute_is_orderable(self):
        for line in self:
            line.is_orderable = line.status in ORDERABLE

    def _b2b_is_edited(self):
        self.ensure_one()
        return (self.key or "").strip() != (self.checked_key or "").strip() or (
            self.qty != self.checked_qty
        )
