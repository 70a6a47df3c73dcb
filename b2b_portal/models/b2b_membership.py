from odoo import api, fields, models
from odoo.exceptions import ValidationError


class B2bMembership(models.Model):
    _name = "b2b.membership"
    _description = "Buyer membership in a legal entity"
    _order = "entity_id, user_id"
    _rec_name = "entity_id"

    user_id = fields.Many2one(
        "res.users",
        string="Buyer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("share", "=", True)],
    )
    entity_id = fields.Many2one(
        "res.partner",
        string="Legal entity",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    role = fields.Selection(
        [
            ("owner", "Owner"),
            ("buyer", "Buyer"),
            ("accountant", "Accountant"),
            ("viewer", "Viewer"),
        ],
        required=True,
        default="buyer",
        help="Owner: everything, manages colleagues. Buyer: catalog, carts, orders. "
        "Accountant: documents and finances only. Viewer: read only.",
    )
    active = fields.Boolean(default=True)

    _user_entity_uniq = models.Constraint(
        "UNIQUE(user_id, entity_id)",
        "This buyer is already a member of this legal entity.",
    )

    @api.constrains("entity_id")
    def _check_entity_is_company(self):
        for membership in self:
            if not membership.entity_id.is_company:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is a person, not a legal entity.",
                        partner=membership.entity_id.display_name,
                    )
                )
