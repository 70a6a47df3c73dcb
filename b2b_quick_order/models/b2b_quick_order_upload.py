from odoo import fields, models


class B2bQuickOrderUpload(models.Model):
    """One confirmed quick order: what was sent, by whom, and what came of
    it. Written with the cart lines, in the same transaction, never before
    (a preview writes nothing)."""

    _name = "b2b.quick.order.upload"
    _description = "B2B quick order history"
    _order = "create_date desc, id desc"

    entity_id = fields.Many2one(
        "res.partner",
        string="Legal entity",
        required=True,
        index=True,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users", string="Sent by", required=True, ondelete="cascade"
    )
    source = fields.Selection(
        [
            ("paste", "Pasted lines"),
            ("file", "Uploaded file"),
            ("catalog", "Catalog"),
            ("backoffice", "Back office"),
        ],
        required=True,
    )
    file_name = fields.Char()
    line_count = fields.Integer(string="Lines", help="Lines read from the input.")
    added_count = fields.Integer(string="Added", help="Order lines written.")
    skipped_count = fields.Integer(
        string="Skipped", help="Lines left out: unknown, refused or not orderable."
    )
    order_id = fields.Many2one("sale.order", string="Cart", ondelete="set null")
    amount = fields.Monetary(string="Amount of the added lines")
    currency_id = fields.Many2one("res.currency")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
