import uuid

from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity
from odoo.addons.b2b_portal.models.sale_order_rules import B2bOrderRulesError
from odoo.addons.b2b_portal.tools.plurals import format_plural
from odoo.addons.b2b_portal.tools.quantities import parse_quantity
from odoo.addons.portal.controllers.portal import CustomerPortal


def _qty_messages(env):
    return {
        "not_a_number": env._("%(product)s: “%(text)s” is not a quantity."),
        "not_positive": env._(
            "%(product)s: the quantity must be more than zero; tick “remove” "
            "to take the line out."
        ),
        "too_large": env._(
            "%(product)s: %(text)s is more than can be ordered at once."
        ),
        "not_whole": env._("%(product)s: sold in whole units, not %(text)s."),
    }


def _ids(values):
    """Integer ids from form values; anything else is dropped."""
    return [int(v) for v in values if isinstance(v, str) and v.isdigit()][:1000]


class B2bCartPortal(CustomerPortal):
    """/my/b2b/carts: the named carts of the ACTIVE entity."""

    # -- lookups -----------------------------------------------------------------
    def _b2b_cart(self, cart_id, entity, mode="read"):
        """An open cart of ``entity`` the user owns or that is shared with
        them (sudo, after the check); 404 for anything else, 403 when the
        user may only read it and ``mode`` is "edit"."""
        user = request.env.user
        cart = (
            request.env["sale.order"]
            .sudo()
            .search(
                [
                    ("id", "=", cart_id),
                    *user._b2b_open_carts_domain(entity),
                ],
                limit=1,
            )
        )
        access = cart and cart._b2b_cart_access(user)
        if not access:
            raise NotFound()
        if mode == "edit" and access != "edit":
            raise Forbidden()
        return cart

    # -- pages -------------------------------------------------------------------
    def _b2b_carts_values(self, entity, **extra):
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
            token=uuid.uuid4().hex,
            errors=[],
        )
        values.update(extra)
        return values

    def _b2b_render_carts(self, entity, status=200, **extra):
        values = self._prepare_portal_layout_values()
        values.update(self._b2b_carts_values(entity, **extra))
        return request.render("b2b_multicart.portal_b2b_carts", values, status=status)

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
            token=uuid.uuid4().hex,
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

    def _b2b_render_cart(self, entity, cart, status=200, **extra):
        values = self._prepare_portal_layout_values()
        values.update(self._b2b_cart_values(entity, cart, **extra))
        return request.render("b2b_multicart.portal_b2b_cart", values, status=status)

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
        return self._b2b_render_carts(
            entity, done_order=order.sudo(), summed=kw.get("summed")
        )

    @http.route(
        "/my/b2b/carts/<int:cart_id>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_cart_page(self, cart_id, **kw):
        entity = b2b_active_entity("read")
        cart = self._b2b_cart(cart_id, entity)
        split = cart._b2b_split_preview() if kw.get("split") == "1" else False
        return self._b2b_render_cart(
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

    # -- list actions ------------------------------------------------------------
    def _b2b_try(self, action, on_error):
        """Run ``action`` in a savepoint: on a refusal nothing it wrote stays
        and ``on_error(message)`` answers."""
        try:
            with request.env.cr.savepoint():
                return action()
        except (UserError, ValidationError) as error:
            return on_error(str(error))

    @http.route(
        "/my/b2b/carts/create", type="http", auth="user", methods=["POST"], website=True
    )
    def b2b_cart_create(self, name=None, request_ref=None, **kw):
        entity = b2b_active_entity("order")
        user = request.env.user

        def create():
            cart = user._b2b_new_cart(entity, name, request_ref=request_ref)
            return request.redirect(f"/my/b2b/carts/{cart.id}", 303)

        return self._b2b_try(
            create,
            lambda message: self._b2b_render_carts(
                entity, status=400, errors=[message], typed_name=(name or "")[:200]
            ),
        )

    @http.route(
        "/my/b2b/carts/merge", type="http", auth="user", methods=["POST"], website=True
    )
    def b2b_carts_merge(self, token=None, **kw):
        entity = b2b_active_entity("order")
        user = request.env.user
        done = request.env["sale.order"]._b2b_order_by_token(token)
        if done:
            # the same form sent again: the cart it made (or its order), if ours
            if done.b2b_entity_id != entity or done.b2b_buyer_id != user:
                raise NotFound()
            return request.redirect(done.access_url, 303)
        ids = _ids(request.httprequest.form.getlist("cart_ids"))
        carts = request.env["sale.order"].sudo()
        for cart_id in dict.fromkeys(ids):
            carts |= self._b2b_cart(cart_id, entity, mode="edit")

        def merge():
            # a cart to review: contract, address, date and comment are
            # chosen at its checkout, nothing is ordered yet
            cart, summed = carts._b2b_merge(user, token)
            return request.redirect(
                f"/my/b2b/carts/{cart.id}?merged={len(carts)}&summed={summed}", 303
            )

        return self._b2b_try(
            merge,
            lambda message: self._b2b_render_carts(
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

    # -- cart actions ------------------------------------------------------------
    def _b2b_cart_action(self, cart_id, action, redirect=None, capability="order"):
        """Check membership, role and the user's access to the cart, then run
        ``action(entity, cart)``; a refusal re-renders the cart page (400)."""
        entity = b2b_active_entity(capability)
        cart = self._b2b_cart(cart_id, entity, mode="edit")

        def run():
            result = action(entity, cart)
            return result or request.redirect(
                redirect or f"/my/b2b/carts/{cart.id}", 303
            )

        def refuse(message):
            if not cart._b2b_is_open_cart() or cart.state != "draft":
                return self._b2b_render_carts(entity, status=400, errors=[message])
            return self._b2b_render_cart(entity, cart, status=400, errors=[message])

        return self._b2b_try(run, refuse)

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
        cart = self._b2b_cart(cart_id, entity)
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
        entity = b2b_active_entity("order")
        cart = self._b2b_cart(cart_id, entity, mode="edit")
        if cart.b2b_buyer_id != request.env.user:
            raise Forbidden()
        return self._b2b_cart_action(
            cart_id,
            lambda entity, cart: cart._b2b_delete(
                confirm=confirm == "1", version=version or ""
            ),
            redirect="/my/b2b/carts",
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
        cart = self._b2b_cart(cart_id, entity, mode="edit")
        if cart.b2b_buyer_id != request.env.user:
            raise Forbidden()
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
        def update(entity, cart):
            lines = cart._b2b_product_lines()
            by_id = {line.id: line for line in lines}
            removed = cart.env["sale.order.line"]
            quantities, errors = {}, []
            messages = _qty_messages(request.env)
            whole_products = lines.product_id._b2b_whole_units()
            for key, text in post.items():
                prefix, _sep, raw_id = key.partition("_")
                if prefix not in ("qty", "remove"):
                    continue
                line = by_id.get(int(raw_id)) if raw_id.isdigit() else None
                if not line:
                    raise UserError(
                        request.env._("A line is not in this cart; reload the page.")
                    )
                if prefix == "remove":
                    removed |= line
                    continue
                whole = (
                    line.product_id in whole_products
                    and line.product_uom_id == line.product_id.uom_id
                )
                qty, code = parse_quantity(text, whole=whole)
                if code or not qty:
                    errors.append(
                        messages[code or "not_positive"]
                        % {
                            "product": line.product_id.display_name,
                            "text": (text or "")[:30],
                        }
                    )
                else:
                    quantities[line] = qty
            if errors:
                return self._b2b_render_cart(
                    entity, cart, status=400, errors=errors, typed=post
                )
            try:
                cart._b2b_update_lines(quantities, removed, version or "")
            except B2bOrderRulesError as error:
                # refused before any write: the page as typed, one line each
                return self._b2b_render_cart(
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
            target = self._b2b_cart(
                int(target_id) if (target_id or "").isdigit() else 0, entity, "edit"
            )
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
        cart = self._b2b_cart(cart_id, entity, mode="edit")
        if cart.b2b_buyer_id != request.env.user:
            raise Forbidden()
        if mode not in ("read", "edit", "none"):
            return self._b2b_render_cart(
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

        return self._b2b_cart_action(cart_id, share)

    @http.route(
        "/my/b2b/carts/<int:cart_id>/split",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_split(self, cart_id, version=None, submit=None, token=None, **kw):
        """Split by availability; with ``submit``, order both parts."""
        if submit == "1":
            entity = b2b_active_entity("order")
            done = request.env["sale.order"]._b2b_order_by_token(f"{token}:later")
            if token and done:
                # the same form sent again: the orders it made, if ours
                if done.b2b_entity_id != entity:
                    raise NotFound()
                return request.redirect("/my/orders", 303)

        def split(entity, cart):
            preorder = cart._b2b_split(
                request.env.user,
                version=version or "",
                token=(token or uuid.uuid4().hex) if submit == "1" else None,
            )
            if submit == "1":
                return request.redirect("/my/orders", 303)
            return request.redirect(f"/my/b2b/carts/{preorder.id}", 303)

        return self._b2b_cart_action(cart_id, split)

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
