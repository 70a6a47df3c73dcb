from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class B2bCustomerPortal(CustomerPortal):
    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        # Entities are read as the user: the portal rule on res.partner lets a
        # member read the entities of their memberships, nothing more.
        values["b2b_entities"] = request.env.user._b2b_entities()
        return values
