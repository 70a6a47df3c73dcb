"""The checkout of a cart: contract, delivery address (choose one of the
entity's, or add one), desired date and comment, then the order. A refused
checkout shows the form again as it was typed."""

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity
from odoo.addons.b2b_portal.tools.entity_form import DELIVERY_KEYS

from .cart_page import B2bCartPage

CHECKOUT_KEYS = ("contract_id", "shipping_id", "date", "note")


class B2bCartCheckout(B2bCartPage):
    def _b2b_cart_checkout_typed(self, cart, post):
        """The checkout form as typed, over the cart's own values."""
        typed = cart._b2b_checkout_defaults()
        typed.update(
            {key: (post.get(key) or "")[:2000] for key in CHECKOUT_KEYS if key in post}
        )
        return typed

    def _b2b_cart_checkout_refused(self, entity, cart, post, message, **extra):
        return self._b2b_cart_render(
            entity,
            cart,
            status=400,
            errors=[message],
            checkout=self._b2b_cart_checkout_typed(cart, post),
            **extra,
        )

    @http.route(
        "/my/b2b/carts/<int:cart_id>/checkout",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_checkout(self, cart_id, token=None, version=None, **post):
        entity = b2b_active_entity("order")
        user = request.env.user
        try:
            done = request.env["sale.order"]._b2b_submit_token_done(token, entity)
        except AccessError as error:
            raise NotFound() from error
        if done and not done._b2b_is_open_cart():
            # the same form sent again: the order it made
            return request.redirect(done.get_portal_url(), 303)
        cart = (
            request.env["sale.order"]
            .sudo()
            .search(
                [
                    ("id", "=", cart_id),
                    ("b2b_is_cart", "=", True),
                    ("partner_id", "=", entity.id),
                ]
            )
        )
        if cart and cart.state != "draft" and cart.b2b_buyer_id == user:
            # submitted from another tab already: show that order (or the
            # cart it was merged into)
            return request.redirect((cart.b2b_merged_into_id or cart).access_url, 303)
        cart = self._b2b_cart_get(entity, cart_id, mode="edit")
        typed = self._b2b_cart_checkout_typed(cart, post)
        try:
            with request.env.cr.savepoint():
                contract = entity.sudo().b2b_contract_ids.filtered(
                    lambda c: str(c.id) == typed["contract_id"]
                )
                shipping = entity._b2b_delivery_addresses().filtered(
                    lambda p: str(p.id) == typed["shipping_id"]
                )
                if typed["shipping_id"] and not shipping:
                    raise UserError(
                        request.env._("Choose a delivery address of your legal entity.")
                    )
                try:
                    desired = fields.Date.to_date(typed["date"]) or False
                except ValueError as error:
                    raise UserError(
                        request.env._("The desired date is not a date.")
                    ) from error
                order = cart._b2b_checkout(
                    token,
                    contract,
                    shipping=shipping,
                    date=desired,
                    note=typed["note"],
                    version=version or "",
                )
        except UserError as error:
            if not cart._b2b_is_open_cart() or cart.state != "draft":
                return self._b2b_cart_render_list(
                    entity, status=400, errors=[str(error)]
                )
            return self._b2b_cart_checkout_refused(entity, cart, post, str(error))
        return request.redirect(order.get_portal_url(), 303)

    @http.route(
        "/my/b2b/carts/<int:cart_id>/address",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_cart_address(self, cart_id, **post):
        """Add a delivery address from the checkout form (sent with it, so
        what was typed there stays): usable at once, or asked of the
        supplier when they review addresses."""
        entity = b2b_active_entity("order")
        cart = self._b2b_cart_get(entity, cart_id, mode="edit")
        new_address = {key: (post.get(key) or "")[:200] for key in DELIVERY_KEYS}
        try:
            with request.env.cr.savepoint():
                address, change = entity._b2b_add_delivery_address(
                    request.env.user, post
                )
        except UserError as error:
            return self._b2b_cart_checkout_refused(
                entity, cart, post, str(error), new_address=new_address
            )
        typed = self._b2b_cart_checkout_typed(cart, post)
        if address:
            typed["shipping_id"] = str(address.id)
            notice = request.env._(
                "The delivery address is added and chosen for this order."
            )
        else:
            notice = request.env._(
                "The new delivery address is sent to your supplier (request "
                "%(request)s); once approved, it can be chosen here.",
                request=change.display_name,
            )
        return self._b2b_cart_render(entity, cart, checkout=typed, notices=[notice])
