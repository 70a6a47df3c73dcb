from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..tools.entity_form import CHANGE_KEYS, REGISTRATION_KEYS


def b2b_member_entity(entity_id, capability):
    """The legal entity ``entity_id`` of a portal route, as the user.

    404 unless the user is an active member of it (another holding's entity
    looks like an unknown one), 403 unless their role allows ``capability``.
    """
    user = request.env.user
    entity = request.env["res.partner"].browse(entity_id)
    if entity not in user._b2b_entities():
        raise NotFound()
    if not user._b2b_can(entity, capability):
        raise Forbidden()
    return entity


class B2bEntitiesPortal(CustomerPortal):
    """A buyer's legal entities: the list, registration, change requests."""

    @http.route(
        "/my/b2b/entities", type="http", auth="user", methods=["GET"], website=True
    )
    def b2b_entities(self, done=None, **kw):
        env = request.env
        user = env.user
        entities = user._b2b_entities()
        # searched as the user: the portal rule shows the requests of the
        # entities they are a member of
        change_requests = env["b2b.change.request"].search(
            [("entity_id", "in", entities.ids)], limit=50
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_entities",
                "entities": entities,
                "roles": {entity: user._b2b_role(entity) for entity in entities},
                "can_manage": {
                    entity: user._b2b_can(entity, "manage") for entity in entities
                },
                "role_labels": dict(
                    env["b2b.membership"]._fields["role"]._description_selection(env)
                ),
                "state_labels": dict(
                    env["res.partner"]._fields["b2b_state"]._description_selection(env)
                ),
                "request_state_labels": dict(
                    env["b2b.change.request"]
                    ._fields["state"]
                    ._description_selection(env)
                ),
                "change_requests": change_requests,
                "invitations": env["b2b.membership"]._b2b_invitations(user),
                "done": done,
            }
        )
        return request.render("b2b_portal.portal_my_b2b_entities", values)

    @http.route(
        "/my/b2b/entities/<int:entity_id>/resubmit",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_entity_resubmit(self, entity_id, **post):
        """The owner sends a rejected entity to verification again."""
        entity = b2b_member_entity(entity_id, "manage")
        if entity.sudo().b2b_state != "rejected":
            return request.redirect("/my/b2b/entities", 303)
        # the owner may not write on partners: narrow write after the checks
        entity.sudo().action_b2b_submit()
        return request.redirect("/my/b2b/entities?done=resubmitted", 303)

    # -- registration ------------------------------------------------------------
    @http.route(
        "/my/b2b/entities/register",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def b2b_entity_register(self, **post):
        """Register a legal entity: it is pending until a B2B manager approves
        it, the user is its owner. Nothing is written on any error."""
        Partner = request.env["res.partner"]
        errors = {}
        if request.httprequest.method == "POST":
            values, errors = Partner._b2b_registration_check(post)
            if not errors:
                try:
                    with request.env.cr.savepoint():
                        # buyers may not create partners: superuser for the
                        # checked values, the user becomes the owner
                        Partner.sudo()._b2b_register(values, request.env.user)
                except UserError as error:
                    errors[""] = str(error)
                else:
                    return request.redirect("/my/b2b/entities?done=registered", 303)
        values = self._prepare_portal_layout_values()
        env = request.env
        values.update(
            {
                "page_name": "b2b_entity_register",
                "typed": {key: post.get(key, "") for key in REGISTRATION_KEYS},
                "errors": errors,
                "labels": Partner._b2b_form_labels(),
                "tax_systems": Partner._fields["b2b_tax_system"]._description_selection(
                    env
                ),
            }
        )
        return request.render(
            "b2b_portal.portal_b2b_entity_register",
            values,
            status=400 if errors else 200,
        )

    # -- change requests ---------------------------------------------------------
    @http.route(
        "/my/b2b/entities/<int:entity_id>/change",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def b2b_entity_change(self, entity_id, **post):
        """Ask for changes of the entity's data; an owner only. They apply
        once a B2B manager approves them."""
        entity = b2b_member_entity(entity_id, "manage")
        # the user is an owner of the entity: read its bank accounts and
        # addresses, and write the request, as superuser
        entity_sudo = entity.sudo()
        ChangeRequest = request.env["b2b.change.request"].sudo()
        typed = entity_sudo._b2b_change_form_values()
        errors = {}
        if request.httprequest.method == "POST":
            _values, errors, changes, new_delivery = ChangeRequest._b2b_portal_check(
                entity_sudo, post
            )
            if not errors:
                with request.env.cr.savepoint():
                    ChangeRequest._b2b_create_from_portal(
                        entity_sudo, request.env.user, changes, new_delivery
                    )
                return request.redirect("/my/b2b/entities?done=requested", 303)
            typed = {key: post.get(key, "") for key in CHANGE_KEYS}
            typed["delivery_new"] = post.get("delivery_new") == "1"
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_entity_change",
                "entity": entity,
                "typed": typed,
                "errors": errors,
                "labels": entity._b2b_form_labels(),
            }
        )
        return request.render(
            "b2b_portal.portal_b2b_entity_change",
            values,
            status=400 if errors else 200,
        )
