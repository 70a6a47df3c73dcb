from odoo import http

from ..models.b2b_api_orders import ApiOrderFilters
from ..tools.errors import ApiError
from ..tools.openapi import Param
from ..tools.paging import decode_cursor, encode_cursor
from ..tools.schema import parse_datetime
from . import order_schemas as schemas
from .framework import api_route


class B2bApiOrders(http.Controller):
    """The entity's orders, as its portal order list shows them."""

    @api_route(
        "/orders",
        summary="The entity's orders, oldest first, a page at a time",
        params=(
            Param(
                "updated_since",
                {"type": "string", "format": "date-time"},
                "Only orders changed since (UTC)",
            ),
            Param("cursor", {"type": "string", "maxLength": 200}, "next_cursor"),
            Param(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": 200, "default": 50},
                "Orders per page (at most 200)",
            ),
        ),
        response_schema=schemas.ORDERS_PAGE,
        tags=("orders",),
    )
    def b2b_api_orders(self, call):
        params = call.params
        filters = {"updated_since": params.get("updated_since")}
        after = 0
        if params.get("cursor"):
            try:
                after = decode_cursor(params["cursor"], filters)
            except ValueError as error:
                raise ApiError(
                    422,
                    "invalid_cursor",
                    call.env._(
                        "This cursor is not one of these filters: start again "
                        "without a cursor."
                    ),
                ) from error
        Orders = call.env["b2b.api.orders"]
        orders, more = Orders._b2b_orders(
            call.entity,
            ApiOrderFilters(
                updated_since=params.get("updated_since")
                and parse_datetime(params["updated_since"]),
                after=after,
                limit=params.get("limit") or 50,
            ),
        )
        return {
            "orders": [Orders._b2b_order_dict(o, details=False) for o in orders],
            "next_cursor": encode_cursor(orders[-1].id, filters) if more else None,
        }

    @api_route(
        "/orders/{id}",
        summary="One order with its lines' status and its deliveries",
        params=(Param("id", {"type": "integer"}, "The order's id"),),
        response_schema=schemas.ORDER,
        tags=("orders",),
    )
    def b2b_api_order(self, call, id):
        Orders = call.env["b2b.api.orders"]
        return Orders._b2b_order_dict(Orders._b2b_order(call.entity, id))
