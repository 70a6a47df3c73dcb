from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _b2b_role_capabilities(self):
        """``founding_upload``: send the entity's founding documents to the
        supplier (owners and accountants; a viewer reads them)."""
        capabilities = dict(super()._b2b_role_capabilities())
        for role in ("owner", "accountant"):
            if role in capabilities:
                capabilities[role] = capabilities[role] | {"founding_upload"}
        return capabilities
