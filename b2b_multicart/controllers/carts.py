"""/my/b2b/carts: the list of the named carts of the ACTIVE entity and what
is done from it (a new cart, a merge, the reminders); the lookup of a cart by
id and the savepoint every cart route runs in. One cart's page and actions
are in cart_page.py, its checkout in checkout.py."""

from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity
from odoo.addons.portal.controllers.portal import CustomerPortal


def _ids(values):
    """Integer ids from form values; anything else is dropped."""
    return [int(v) for v in values if isinstance(v, str) and v.isdigit()][:1000]


class B2bCartPortal(CustomerPortal):
    """/my/b2b/carts: the named carts of the ACTIVE entity."""

    # -- lookups -----------------------------------------------------------------
    def _b2b_cart_get(self, entity, cart_id, mode="read"):
        """An open cart of ``entity`` the user owns or that is shared with
        them (sudo, after the check: ``res.users._b2b_cart_by_id``); 404 for
        anything else, 403 when the user may not ``mode`` it ("edit",
        "own")."""
        try:
            return request.env.user._b2b_cart_by_id(entity, cart_id, mode)
        except MissingError as error:
            raise NotFound() from error
        except AccessError as error:
            raise Forbidden() from error

    def _b2b_cart_try(self, action, on_error):
        """Run ``action`` in a savepoint: on a refusal nothing it wrote stays
        and ``on_error(message)`` answers."""
        try:
            with request.env.cr.savepoint():
                return action()
        except (UserError, ValidationError) as error:
            return on_error(str(error))

    # -- the list ----------------------------------------------------------------
    def _b2b_cart_list_values(self, entity, **extra):
        user = request.env.user
        carts = user._b2b_carts(entity)
        counts = dict(
            request.env["sale.order.line"]
            .sudo()
            ._read_group(
                [("order_id", "in", carts.ids), ("display_type", "=", False)],
                ["order_id"],
                ["__count"],
            )
        )
        values = dict(
            page_name="b2b_carts",
            entity=entity,
            carts=carts,
            line_counts={cart.id: counts.get(cart, 0) for cart in carts},
            current=user._b2b_current_cart(entity),
            can_order=user._b2b_can(entity, "order"),
            reminders=user.sudo().b2b_cart_reminders,
            token=request.env["sale.order"]._b2b_submit_token_new(),
            errors=[],
        )
        values.update(extra)
        return values

    def _b2b_cart_render_list(self, entity, status=200, **extra):
        values = self._prepare_portal_layout_values()
        values.update(self._b2b_cart_list_values(entity, **extra))
        return request.render("b2b_multicart.portal_b2b_carts", values, status=status)

    @http.route(
        "/my/b2b/carts", type="http", auth="user", methods=["GET"], website=True
    )
    def b2b_carts(self, **kw):
        entity = b2b_active_entity("read")
        order = request.env["sale.order"]
        if (kw.get("order") or "").isdigit():
            # searched as the user: an order of another entity is not shown
            order = order.search(
                [("id", "=", int(kw["order"])), ("b2b_entity_id", "=", entity.id)]
            )
        return self._b2b_cart_render_list(
            entity, done_order=order.sudo(), summed=kw.get("summed")
        )

    # -- list actions ------------------------------------------------------------
    @http.route(
        "/my/b2b/carts/create", type="http", auth="user", methods=["POST"], website=True
    )
    def b2b_cart_create(self, name=None, request_ref=None, **kw):
        entity = b2b_active_entity("order")
        user = request.env.user

        def create():
            cart = user._b2b_new_cart(entity, name, request_ref=request_ref)
            return request.redirect(f"/my/b2b/carts/{cart.id}", 303)

        return self._b2b_cart_try(
            create,
            lambda message: self._b2b_cart_render_list(
                entity, status=400, errors=[message], typed_name=(name or "")[:200]
            ),
        )

    @http.route(
        "/my/b2b/carts/merge", type="http", auth="user", methods=["POST"], website=True
    )
    def b2b_carts_merge(self, token=None, **kw):
        entity = b2b_active_entity("order")
        user = request.env.user
        try:
            done = request.env["sale.order"]._b2b_submit_token_done(token, entity, user)
        except AccessError as error:
            raise NotFound() from error
        if done:
            # the same form sent again: the cart it made (or its order)
            return request.redirect(done.access_url, 303)
        ids = _ids(request.httprequest.form.getlist("cart_ids"))
        carts = request.env["sale.order"].sudo()
        for cart_id in dict.fromkeys(ids):
            carts |= self._b2b_cart_get(entity, cart_id, mode="edit")

        def merge():
            # a cart to review: contract, address, date and comment are
            # chosen at its checkout, nothing is ordered yet
            cart, summed = carts._b2b_merge(user, token)
            return request.redirect(
                f"/my/b2b/carts/{cart.id}?merged={len(carts)}&summed={summed}", 303
            )

        return self._b2b_cart_try(
            merge,
            lambda message: self._b2b_cart_render_list(
                entity, status=400, errors=[message]
            ),
        )

    @http.route(
        "/my/b2b/carts/reminders",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_reminders(self, enabled=None, **kw):
        b2b_active_entity("read")
        # a portal user may not write on res.users: narrow write of their own flag
        request.env.user.sudo().b2b_cart_reminders = enabled == "1"
        return request.redirect("/my/b2b/carts", 303)

    # -- home -----------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "b2b_cart_count" in counters:
            try:
                entity = request.env.user._b2b_active_entity()
            except AccessError:
                values["b2b_cart_count"] = 0
            else:
                values["b2b_cart_count"] = len(request.env.user._b2b_carts(entity))
        return values
