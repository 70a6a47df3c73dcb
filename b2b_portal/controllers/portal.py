from werkzeug.exceptions import Forbidden, abort

from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

REGISTER_URL = "/my/b2b/entities/register"


def b2b_active_entity(capability="read"):
    """The active entity of the request, after the membership check and the
    check that the user's role there allows ``capability``; 403 otherwise.
    Every route of the active entity starts here.

    A user of no entity yet (a newcomer who just signed up) is sent to the
    registration form, which tells them what to do; a JSON call gets 403.
    """
    user = request.env.user
    if not user._b2b_entities() and request.dispatcher.routing_type == "http":
        abort(request.redirect(REGISTER_URL, 303))
    try:
        entity = user._b2b_active_entity()
        user._b2b_check(entity, capability)
    except AccessError as error:
        raise Forbidden(str(error)) from error
    return entity


class B2bCustomerPortal(CustomerPortal):
    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        # Entities are read as the user: the portal rule on res.partner lets a
        # member read the entities of their memberships, nothing more.
        user = request.env.user
        values["b2b_entities"] = entities = user._b2b_entities()
        values["b2b_active_entity"] = entities and user._b2b_active_entity()
        return values

    def _create_or_update_address(self, partner_sudo, **form_data):
        """Odoo's address form of a buyer of a B2B entity edits their own
        contact only: it adds no address under the entity and does not rename
        the entity (its ``company_name``); those are change requests."""
        if request.env.user.partner_id._b2b_is_entity():
            if not partner_sudo:
                raise Forbidden()
            form_data.pop("company_name", None)
        return super()._create_or_update_address(partner_sudo, **form_data)
