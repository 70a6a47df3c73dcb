from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _b2b_role_capabilities(self):
        """ "reconcile": accept or reject a reconciliation act for the
        entity, the owner's and the accountant's (a viewer reads acts and
        asks for them, a buyer sees none)."""
        capabilities = super()._b2b_role_capabilities()
        for role in ("owner", "accountant"):
            if role in capabilities:
                capabilities[role] = capabilities[role] | {"reconcile"}
        return capabilities
