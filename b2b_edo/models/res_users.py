from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _b2b_role_capabilities(self):
        """Plus "decide": accept or reject a document that waits for the
        entity's answer (owner and accountant; a viewer changes nothing)."""
        capabilities = dict(super()._b2b_role_capabilities())
        for role in ("owner", "accountant"):
            if role in capabilities:
                capabilities[role] = capabilities[role] | {"decide"}
        return capabilities
