from odoo import http

from ..tools.openapi import Param
from . import order_schemas as schemas
from .framework import ApiResponse, api_route

CART_ID = Param("id", {"type": "integer"}, "The cart's id")
LINE_ID = Param("line_id", {"type": "integer"}, "The line's id")


class B2bApiCarts(http.Controller):
    """Carts: b2b_multicart's named (and shared) carts when installed,
    otherwise the buyer's one current cart of the entity; every change
    through the portal's methods and order rules (``b2b.api.orders``)."""

    def _b2b_api_cart(self, call, cart_id, mode="edit"):
        return call.user._b2b_cart_by_id(call.entity, cart_id, mode=mode)

    @api_route(
        "/carts",
        summary="The open carts of the buyer for the entity",
        response_schema=schemas.CARTS,
        tags=("carts",),
    )
    def b2b_api_carts(self, call):
        Orders = call.env["b2b.api.orders"]
        carts = Orders._b2b_carts(call.user, call.entity)
        return {"carts": [Orders._b2b_cart_dict(cart) for cart in carts]}

    @api_route(
        "/carts/{id}",
        summary="One cart with its lines",
        params=(CART_ID,),
        response_schema=schemas.CART,
        tags=("carts",),
    )
    def b2b_api_cart(self, call, id):
        cart = self._b2b_api_cart(call, id, mode="read")
        return call.env["b2b.api.orders"]._b2b_cart_dict(cart)

    @api_route(
        "/carts",
        ["POST"],
        summary="Create a cart",
        description="A new named cart with named carts (b2b_multicart); "
        "otherwise the buyer's one cart of the entity, made if needed.",
        request_schema=schemas.CART_CREATE,
        response_schema=schemas.CART,
        scope="order",
        idempotent=True,
        status=201,
        tags=("carts",),
    )
    def b2b_api_cart_create(self, call):
        Orders = call.env["b2b.api.orders"]
        body = call.body or {}
        cart = Orders._b2b_create_cart(
            call.user, call.entity, body.get("name"), body.get("reference")
        )
        return ApiResponse(Orders._b2b_cart_dict(cart), status=201)

    @api_route(
        "/carts/{id}/lines",
        ["POST"],
        summary="Add lines (SKU, quantity, unit) to a cart",
        description="All or nothing: an unknown SKU or unit, or a line that "
        "breaks the order rules (minimum, multiple, stock), refuses the call.",
        params=(CART_ID,),
        request_schema=schemas.CART_LINES,
        response_schema=schemas.CART,
        scope="order",
        idempotent=True,
        tags=("carts",),
    )
    def b2b_api_cart_add(self, call, id):
        cart = self._b2b_api_cart(call, id)
        Orders = call.env["b2b.api.orders"]
        Orders._b2b_api_add_lines(cart, call.body["lines"])
        return Orders._b2b_cart_dict(cart)

    @api_route(
        "/carts/{id}/lines/{line_id}",
        ["PATCH", "PUT"],
        summary="Change the quantity of a cart line (0 removes it)",
        params=(CART_ID, LINE_ID),
        request_schema=schemas.LINE_UPDATE,
        response_schema=schemas.CART,
        scope="order",
        tags=("carts",),
    )
    def b2b_api_cart_line(self, call, id, line_id):
        cart = self._b2b_api_cart(call, id)
        Orders = call.env["b2b.api.orders"]
        Orders._b2b_set_line(cart, line_id, call.body["qty"])
        return Orders._b2b_cart_dict(cart)

    @api_route(
        "/carts/{id}/lines/{line_id}",
        ["DELETE"],
        summary="Remove a cart line",
        params=(CART_ID, LINE_ID),
        response_schema=schemas.CART,
        scope="order",
        tags=("carts",),
    )
    def b2b_api_cart_line_delete(self, call, id, line_id):
        cart = self._b2b_api_cart(call, id)
        Orders = call.env["b2b.api.orders"]
        Orders._b2b_set_line(cart, line_id, 0)
        return Orders._b2b_cart_dict(cart)

    @api_route(
        "/carts/{id}/checkout",
        ["POST"],
        summary="Order a cart",
        description="The entity's order blockers and the order rules are "
        "checked as at the portal's checkout; the order is confirmed, or held "
        "for the supplier's approval over the credit limit "
        "(`awaiting_approval`).",
        params=(CART_ID,),
        request_schema=schemas.CHECKOUT,
        response_schema=schemas.CHECKOUT_ANSWER,
        scope="order",
        idempotent=True,
        status=201,
        tags=("carts",),
    )
    def b2b_api_cart_checkout(self, call, id):
        cart = self._b2b_api_cart(call, id)
        Orders = call.env["b2b.api.orders"]
        order = Orders._b2b_checkout(call.user, call.entity, cart, call.body or {})
        return ApiResponse({"order": Orders._b2b_order_dict(order)}, status=201)
