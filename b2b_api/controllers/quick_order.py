from odoo import http

from . import order_schemas as schemas
from .framework import ApiResponse, api_route


class B2bApiQuickOrder(http.Controller):
    """b2b_quick_order's preview and confirmation (when it is installed)."""

    @api_route(
        "/quick-order/preview",
        ["POST"],
        summary="Check order lines: status, product, price and stock per line",
        description="Lines (SKU or barcode or the entity's own code, "
        "quantity, unit) or pasted text, resolved, priced and checked "
        "against the order rules and the stock as the portal's quick order "
        "does; nothing is written. Up to 10,000 lines.",
        request_schema=schemas.QUICK_ORDER_REQUEST,
        response_schema=schemas.QUICK_ORDER_PREVIEW,
        scope="order",
        max_body=11 * 1024 * 1024,
        requires="b2b.quick.order",
        tags=("quick order",),
    )
    def b2b_api_quick_preview(self, call):
        _preview, answer = call.env["b2b.api.orders"]._b2b_quick_preview(
            call.entity, call.body
        )
        return answer

    @api_route(
        "/quick-order/confirm",
        ["POST"],
        summary="Add the orderable lines of a quick order to a cart",
        description="The lines are checked again on the server (nothing of "
        "an earlier preview is trusted); the orderable ones go into "
        "`cart_id`, a new cart `cart_name` or the current cart, all or "
        "nothing under the order rules.",
        request_schema=schemas.QUICK_ORDER_REQUEST,
        response_schema=schemas.QUICK_ORDER_CONFIRM,
        scope="order",
        idempotent=True,
        status=201,
        max_body=11 * 1024 * 1024,
        requires="b2b.quick.order",
        tags=("quick order",),
    )
    def b2b_api_quick_confirm(self, call):
        Orders = call.env["b2b.api.orders"]
        cart, added, skipped = Orders._b2b_quick_confirm(
            call.user, call.entity, call.body
        )
        return ApiResponse(
            {"cart": Orders._b2b_cart_dict(cart), "added": added, "skipped": skipped},
            status=201,
        )
