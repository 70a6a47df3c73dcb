from odoo import fields, models


class B2bLevelHistory(models.Model):
    _name = "b2b.level.history"
    _description = "Change of a B2B entity's turnover level"
    _order = "date desc, id desc"

    entity_id = fields.Many2one(
        "res.partner",
        string="Legal entity",
        required=True,
        index=True,
        ondelete="cascade",
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    level_id = fields.Many2one("b2b.level", string="New level", ondelete="set null")
    previous_level_id = fields.Many2one(
        "b2b.level", string="Previous level", ondelete="set null"
    )
    turnover = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id
    )
    reason = fields.Selection(
        [
            ("turnover", "Turnover"),
            ("pin", "Pinned by a manager"),
            ("pin_expired", "Pin expired"),
            ("unpin", "Pin removed"),
        ],
        required=True,
    )
    note = fields.Char()
    user_id = fields.Many2one(
        "res.users", string="By", default=lambda self: self.env.user
    )
