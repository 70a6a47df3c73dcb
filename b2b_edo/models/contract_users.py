# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models


class B2bMembership(models.Model):
    _inherit = "b2b.membership"

    b2b_can_sign = fields.Boolean(
        string="May sign documents",
        help="Set by an owner: this colleague may accept the supply contract "
        "and other documents with a simple e-signature (owners always may).",
    )


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _b2b_role_capabilities(self):
        """sign: accept contracts with a simple e-signature (the owner; a
        colleague the owner entitles, ``b2b.membership.b2b_can_sign``)."""
        capabilities = dict(super()._b2b_role_capabilities())
        capabilities["owner"] = capabilities["owner"] | {"sign"}
        return capabilities

    def _b2b_can(self, entity, capability):
        if super()._b2b_can(entity, capability):
            return True
        if capability != "sign":
            return False
        return bool(
            self.sudo().b2b_membership_ids.filtered(
                lambda m: m.active and m.entity_id == entity and m.b2b_can_sign
            )
        )
