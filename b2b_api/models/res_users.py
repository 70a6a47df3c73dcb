from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _b2b_role_capabilities(self):
        """Owners manage the entity's API keys ("api")."""
        capabilities = super()._b2b_role_capabilities()
        capabilities["owner"] = capabilities["owner"] | {"api"}
        return capabilities
