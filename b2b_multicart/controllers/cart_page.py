"""/my/b2b/carts/<id>: one cart's page and what is done to it (update,
move or copy lines, rename, duplicate, share, delete, choose as current,
split). Each route checks the membership and role, looks the cart up
(``res.users._b2b_cart_by_id``), reads the form and calls one method of the
cart; a refusal shows the page again (400)."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity
from odoo.addons.b2b_portal.models.sale_order_rules import B2bOrderRulesError
from odoo.addons.b2b_portal.tools.plurals import format_plural
from odoo.addons.b2b_portal.tools.quantities import quantity_inputs

from .carts import B2bCartPortal, _ids


class B2bCartPage(B2bCartPortal):
    """One named cart of the ACTIVE entity."""

    # -- the page ----------------------------------------------------------------
    def _b2b_cart_values(self, entity, cart, **extra):
        user = request.env.user
        access = cart._b2b_cart_access(user)
        targets = user._b2b_carts(entity).filtered(
            lambda c: c != cart and c._b2b_cart_access(user) == "edit"
        )
        colleagues = (
            entity.sudo()
            .b2b_membership_ids.filtered(lambda m: m.active and m.user_id != user)
            .user_id
        )
        values = dict(
            page_name="b2b_cart",
            entity=entity,
            cart=cart,
            rows=cart._b2b_cart_page_lines(),
            can_edit=access == "edit",
            is_owner=cart.b2b_buyer_id == user,
            targets=targets,
            contracts=entity.sudo().b2b_contract_ids.filtered(
                lambda c: c._b2b_is_valid()
            ),
            addresses=entity._b2b_delivery_addresses(),
            colleagues=colleagues,
            shares={s.user_id: s.mode for s in cart.b2b_share_ids},
            split=False,
            token=request.env["sale.order"]._b2b_submit_token_new(),
            errors=[],
            notices=[],
            typed={},
            checkout=cart._b2b_checkout_defaults(),
            new_address={},
            address_reviewed=entity._b2b_addresses_reviewed(),
            export_url=cart._b2b_export_url(user),
        )
        values.update(extra)
        return values

    def _b2b_cart_render(self, entity, cart, status=200, **extra):
        values = self._prepare_portal_layout_values()
        values.update(self._b2b_cart_values(entity, cart, **extra))
        return request.render("b2b_multicart.portal_b2b_cart", values, status=status)

    @http.route(
        "/my/b2b/carts/<int:cart_id>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_cart_page(self, cart_id, **kw):
        entity = b2b_active_entity("read")
        cart = self._b2b_cart_get(entity, cart_id)
        split = cart._b2b_split_preview() if kw.get("split") == "1" else False
        return self._b2b_cart_render(
            entity,
            cart,
            split=split,
            saved=kw.get("saved"),
            notices=self._b2b_cart_notices(entity, cart, kw),
        )

    def _b2b_cart_notices(self, entity, cart, kw):
        """What the last action on this cart did, from the redirect's query.
        Each message is "one|other" in English, with three forms in Russian
        (b2b_portal's tools/plurals.py picks one)."""
        env = request.env
        notices = []
        merged, summed = kw.get("merged") or "", kw.get("summed") or ""
        if merged.isdigit():
            text = env._(
                "%(count)s cart is merged into this one.|"
                "%(count)s carts are merged into this one."
            )
            notices.append(format_plural(text, int(merged)))
            if summed.isdigit() and int(summed):
                text = env._(
                    "%(count)s product was on several lines: its quantities are "
                    "summed.|%(count)s products were on several lines: their "
                    "quantities are summed."
                )
                notices.append(format_plural(text, int(summed)))
            notices.append(
                env._(
                    "Check the lines, then choose the contract, the delivery "
                    "address and the date below and place the order."
                )
            )
        moved, to = kw.get("moved") or "", kw.get("to") or ""
        target = env["sale.order"]
        if moved.isdigit() and to.isdigit():
            target = env.user._b2b_carts(entity).filtered(lambda c: c.id == int(to))
        if target and kw.get("copied") == "1":
            text = env._(
                "%(count)s line copied to “%(cart)s”.|"
                "%(count)s lines copied to “%(cart)s”."
            )
            notices.append(
                format_plural(text, int(moved), cart=target._b2b_cart_label())
            )
        elif target:
            text = env._(
                "%(count)s line moved to “%(cart)s”.|"
                "%(count)s lines moved to “%(cart)s”."
            )
            notices.append(
                format_plural(text, int(moved), cart=target._b2b_cart_label())
            )
        return notices

    # -- cart actions ------------------------------------------------------------
    def _b2b_cart_action(
        self, cart_id, action, redirect=None, capability="order", mode="edit"
    ):
        """Check membership, role and the user's access to the cart (``mode``:
        "edit" or "own"), then run ``action(entity, cart)``; a refusal
        re-renders the cart page (400)."""
        entity = b2b_active_entity(capability)
        cart = self._b2b_cart_get(entity, cart_id, mode=mode)

        def run():
            result = action(entity, cart)
            return result or request.redirect(
                redirect or f"/my/b2b/carts/{cart.id}", 303
            )

        def refuse(message):
            if not cart._b2b_is_open_cart() or cart.state != "draft":
                return self._b2b_cart_render_list(entity, status=400, errors=[message])
            return self._b2b_cart_render(entity, cart, status=400, errors=[message])

        return self._b2b_cart_try(run, refuse)

    @http.route(
        "/my/b2b/carts/<int:cart_id>/rename",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_rename(
        self, cart_id, name=None, request_ref=None, note=None, version=None, **kw
    ):
        return self._b2b_cart_action(
            cart_id,
            lambda entity, cart: cart._b2b_rename(
                name, request_ref=request_ref, note=note, version=version or ""
            ),
        )

    @http.route(
        "/my/b2b/carts/<int:cart_id>/duplicate",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_duplicate(self, cart_id, **kw):
        entity = b2b_active_entity("order")
        cart = self._b2b_cart_get(entity, cart_id)
        copy = cart._b2b_duplicate(request.env.user)
        return request.redirect(f"/my/b2b/carts/{copy.id}", 303)

    @http.route(
        "/my/b2b/carts/<int:cart_id>/delete",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_delete(self, cart_id, confirm=None, version=None, **kw):
        return self._b2b_cart_action(
            cart_id,
            lambda entity, cart: cart._b2b_delete(
                confirm=confirm == "1", version=version or ""
            ),
            redirect="/my/b2b/carts",
            mode="own",
        )

    @http.route(
        "/my/b2b/carts/<int:cart_id>/select",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_select(self, cart_id, **kw):
        entity = b2b_active_entity("order")
        cart = self._b2b_cart_get(entity, cart_id, mode="own")
        request.env.user._b2b_select_cart(cart)
        return request.redirect("/my/b2b/carts", 303)

    @http.route(
        "/my/b2b/carts/<int:cart_id>/update",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_update(self, cart_id, version=None, **post):
        inputs, unknown = quantity_inputs(post.items(), ("qty", "remove"))
        typed = {
            line_id: text for (kind, line_id), text in inputs.items() if kind == "qty"
        }
        # ids that are no number are refused as lines not in this cart
        removed_ids = [line_id for kind, line_id in inputs if kind == "remove"]

        def update(entity, cart):
            quantities, removed, errors = cart._b2b_parse_line_quantities(
                typed, removed_ids + unknown
            )
            if errors:
                return self._b2b_cart_render(
                    entity, cart, status=400, errors=errors, typed=post
                )
            try:
                cart._b2b_update_lines(quantities, removed, version or "")
            except B2bOrderRulesError as error:
                # refused before any write: the page as typed, one line each
                return self._b2b_cart_render(
                    entity,
                    cart,
                    status=400,
                    errors=error.report.messages(),
                    typed=post,
                )
            return request.redirect(f"/my/b2b/carts/{cart.id}?saved=1", 303)

        return self._b2b_cart_action(cart_id, update)

    @http.route(
        "/my/b2b/carts/<int:cart_id>/move",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_move(self, cart_id, target_id=None, mode=None, version=None, **kw):
        line_ids = _ids(request.httprequest.form.getlist("line_ids"))

        def move(entity, cart):
            target = self._b2b_cart_get(entity, target_id, "edit")
            lines = cart._b2b_product_lines().filtered(lambda line: line.id in line_ids)
            if len(lines) != len(set(line_ids)):
                raise UserError(
                    request.env._("A line is not in this cart; reload the page.")
                )
            cart._b2b_move_lines(
                lines, target, copy=mode == "copy", version=version or ""
            )
            copied = "1" if mode == "copy" else "0"
            return request.redirect(
                f"/my/b2b/carts/{cart.id}?moved={len(lines)}&to={target.id}"
                f"&copied={copied}",
                303,
            )

        return self._b2b_cart_action(cart_id, move)

    @http.route(
        "/my/b2b/carts/<int:cart_id>/share",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_share(self, cart_id, user_id=None, mode=None, **kw):
        entity = b2b_active_entity("order")
        cart = self._b2b_cart_get(entity, cart_id, mode="own")
        if mode not in ("read", "edit", "none"):
            return self._b2b_cart_render(
                entity, cart, status=400, errors=[request.env._("Choose how to share.")]
            )
        colleague = (
            request.env["res.users"]
            .sudo()
            .browse(int(user_id) if (user_id or "").isdigit() else 0)
            .exists()
        )

        def share(entity, cart):
            if not colleague or entity not in colleague._b2b_entities():
                raise UserError(
                    request.env._("Choose a colleague of your legal entity.")
                )
            cart._b2b_share(colleague, mode)

        return self._b2b_cart_action(cart_id, share, mode="own")

    @http.route(
        "/my/b2b/carts/<int:cart_id>/split",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_split(self, cart_id, version=None, submit=None, token=None, **kw):
        """Split by availability; with ``submit``, order both parts."""
        Order = request.env["sale.order"]
        if submit == "1" and token:
            entity = b2b_active_entity("order")
            try:
                done = Order._b2b_submit_token_done(f"{token}:later", entity)
            except AccessError as error:
                raise NotFound() from error
            if done:
                # the same form sent again: the orders it made
                return request.redirect("/my/orders", 303)

        def split(entity, cart):
            preorder = cart._b2b_split(
                request.env.user,
                version=version or "",
                token=(token or Order._b2b_submit_token_new())
                if submit == "1"
                else None,
            )
            if submit == "1":
                return request.redirect("/my/orders", 303)
            return request.redirect(f"/my/b2b/carts/{preorder.id}", 303)

        return self._b2b_cart_action(cart_id, split)
