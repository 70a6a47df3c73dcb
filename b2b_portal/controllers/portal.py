from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class B2bCustomerPortal(CustomerPortal):
    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        # Entities are read as the user: the portal rule on res.partner lets a
        # member read the entities of their memberships, nothing more.
        user = request.env.user
        values["b2b_entities"] = entities = user._b2b_entities()
        values["b2b_active_entity"] = entities and user._b2b_active_entity()
        return values
