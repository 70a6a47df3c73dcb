from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    b2b_membership_ids = fields.One2many(
        "b2b.membership", "user_id", string="B2B memberships"
    )

    def _b2b_entities(self):
        """Legal entities this user may act for (active memberships only)."""
        self.ensure_one()
        return self.b2b_membership_ids.filtered("active").entity_id
