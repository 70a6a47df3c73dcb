from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _b2b_role_capabilities(self):
        """Owners and buyers file claims ("claims"); every role reads the
        claims of its entities (their "read")."""
        capabilities = dict(super()._b2b_role_capabilities())
        for role in ("owner", "buyer"):
            if role in capabilities:
                capabilities[role] = capabilities[role] | {"claims"}
        return capabilities
