from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from .entities import b2b_member_entity

MEMBERS_URL = "/my/b2b/entities/%s/members"


class B2bMembersPortal(CustomerPortal):
    """An owner's colleagues in a legal entity: invite, change a role,
    remove access. Every route checks the ``manage`` capability first."""

    def _b2b_members_page(self, entity, error=None, typed=None, done=None):
        env = request.env
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_entity_members",
                "entity": entity,
                # the user is an owner: render colleagues' names and logins,
                # which a buyer may not read, as superuser
                "memberships": env["b2b.membership"]
                .sudo()
                .search([("entity_id", "=", entity.id)], order="id"),
                # of a pending invitation the owner sees the e-mail they typed
                "invitations": env["b2b.membership"]._b2b_pending_of(entity),
                "roles": env["b2b.membership"]
                ._fields["role"]
                ._description_selection(env),
                "error": error,
                "typed": typed or {},
                "done": done,
            }
        )
        return request.render(
            "b2b_portal.portal_b2b_entity_members",
            values,
            status=400 if error else 200,
        )

    def _b2b_members_membership(self, entity, membership_id):
        """A membership of ``entity``, never one of another entity."""
        membership = (
            request.env["b2b.membership"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("id", "=", membership_id),
                    ("entity_id", "=", entity.id),
                    "|",
                    ("active", "=", True),
                    ("pending", "=", True),
                ]
            )
        )
        if not membership:
            raise NotFound()
        return membership

    def _b2b_members_write(self, entity, write, done, typed=None):
        """Run ``write`` in a savepoint: back to the list, or the page with
        the error and nothing written."""
        try:
            with request.env.cr.savepoint():
                write()
        except UserError as error:
            return self._b2b_members_page(entity, error=str(error), typed=typed)
        return request.redirect(MEMBERS_URL % entity.id + f"?done={done}", 303)

    @http.route(
        "/my/b2b/entities/<int:entity_id>/members",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_entity_members(self, entity_id, done=None, **kw):
        entity = b2b_member_entity(entity_id, "manage")
        return self._b2b_members_page(entity, done=done)

    @http.route(
        "/my/b2b/entities/<int:entity_id>/members/invite",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_entity_members_invite(self, entity_id, email="", name="", role="", **kw):
        entity = b2b_member_entity(entity_id, "manage")
        email, name = email.strip()[:200], name.strip()[:200]
        return self._b2b_members_write(
            entity,
            lambda: request.env["b2b.membership"]
            .sudo()
            ._b2b_invite(entity.sudo(), email, role, name=name),
            "invited",
            typed={"email": email, "name": name, "role": role},
        )

    @http.route(
        "/my/b2b/entities/<int:entity_id>/members/<int:membership_id>/role",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_entity_members_role(self, entity_id, membership_id, role="", **kw):
        entity = b2b_member_entity(entity_id, "manage")
        membership = self._b2b_members_membership(entity, membership_id)
        return self._b2b_members_write(
            entity, lambda: membership._b2b_set_role(role), "role"
        )

    @http.route(
        "/my/b2b/entities/<int:entity_id>/members/<int:membership_id>/remove",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_entity_members_remove(self, entity_id, membership_id, **kw):
        entity = b2b_member_entity(entity_id, "manage")
        membership = self._b2b_members_membership(entity, membership_id)
        return self._b2b_members_write(entity, membership._b2b_revoke, "removed")

    # -- the invitee's side --------------------------------------------------------
    @http.route(
        "/my/b2b/invitations/<int:membership_id>/<any(accept,decline):answer>",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_invitation_answer(self, membership_id, answer, **kw):
        """The invited buyer accepts or declines an invitation of theirs."""
        invitation = (
            request.env["b2b.membership"]
            ._b2b_invitations(request.env.user)
            .filtered(lambda m: m.id == membership_id)
        )
        if not invitation:
            raise NotFound()
        invitation._b2b_answer(answer == "accept")
        done = "joined" if answer == "accept" else "declined"
        return request.redirect(f"/my/b2b/entities?done={done}", 303)
