from odoo import http

from ..models.product_product import ApiCatalogFilters
from ..tools.errors import ApiError
from ..tools.openapi import Param
from ..tools.paging import decode_cursor, encode_cursor
from ..tools.schema import parse_datetime
from . import schemas
from .framework import api_route

MAX_LIMIT = 500


class B2bApiCatalog(http.Controller):
    """Read endpoints: the entities of the key, the catalog with the
    entity's prices and stock, one product, a price check."""

    @api_route(
        "/entities",
        summary="The legal entities this key acts for",
        entity=False,
        response_schema=schemas.ENTITIES,
        tags=("entities",),
    )
    def b2b_api_entities(self, call):
        """Each entity with the buyer's role there and its default contract.
        Name one of them (INN or id) in ``X-B2B-Entity`` on other calls."""
        user = call.user
        entities = user._b2b_entities()
        if call.key.entity_id:
            entities &= call.key.entity_id
        capabilities = user._b2b_role_capabilities()
        answer = []
        for entity in entities.sudo():
            role = user._b2b_role(entity)
            contract = entity._b2b_default_contract()
            answer.append(
                {
                    "id": entity.id,
                    "name": entity.name,
                    "inn": entity.vat or None,
                    "kpp": entity.b2b_kpp or None,
                    "ogrn": entity.company_registry or None,
                    "verification": entity.b2b_state,
                    "role": role,
                    "capabilities": sorted(capabilities.get(role, ())),
                    "can_order": "order" in capabilities.get(role, ())
                    and call.key.access == "order",
                    "contract": contract
                    and {"id": contract.id, "name": contract.name}
                    or None,
                }
            )
        return {"entities": answer}

    @api_route(
        "/catalog",
        summary="The entity's catalog with its prices and stock",
        params=(
            Param(
                "search",
                {"type": "string", "maxLength": 1000},
                "SKUs or barcodes (a list), or words of the name or SKU",
            ),
            Param(
                "category",
                {"type": "integer", "minimum": 1},
                "A category id: its products and its subcategories'",
            ),
            Param("in_stock", {"type": "boolean"}, "Only products with free stock"),
            Param(
                "updated_since",
                {"type": "string", "format": "date-time"},
                "Only products changed since (UTC); prices are not product "
                "changes: check them with POST /prices",
            ),
            Param(
                "cursor",
                {"type": "string", "maxLength": 200},
                "next_cursor of the previous page",
            ),
            Param(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 100},
                "Products per page (at most 500)",
            ),
        ),
        response_schema=schemas.CATALOG_PAGE,
        tags=("catalog",),
    )
    def b2b_api_catalog(self, call):
        """The products the entity may order, in a stable order (by id), a
        page at a time: the price of one unit under the entity's default
        contract, quantity breaks, minimum and multiple (with price types
        installed), free stock and the next incoming supply."""
        params = call.params
        filters = {
            key: params.get(key)
            for key in ("search", "category", "in_stock", "updated_since")
        }
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
        page = call.env["product.product"]._b2b_api_catalog(
            call.entity,
            ApiCatalogFilters(
                search=(params.get("search") or "").strip(),
                category=params.get("category") or 0,
                in_stock=bool(params.get("in_stock")),
                updated_since=params.get("updated_since")
                and parse_datetime(params["updated_since"]),
                after=after,
                limit=params.get("limit") or 100,
            ),
        )
        return {
            "items": page.items,
            "next_cursor": encode_cursor(page.last_id, filters) if page.more else None,
        }

    @api_route(
        "/catalog/{sku}",
        summary="One product of the entity's catalog by its SKU",
        params=(Param("sku", {"type": "string"}, "The SKU, or else the barcode"),),
        response_schema=schemas.PRODUCT,
        tags=("catalog",),
    )
    def b2b_api_product(self, call, sku):
        item = call.env["product.product"]._b2b_api_product(call.entity, sku)
        if item is None:
            raise ApiError(
                404,
                "not_found",
                call.env._("No product %(sku)s in your catalog.", sku=sku[:100]),
            )
        return item

    @api_route(
        "/prices",
        ["POST"],
        summary="Prices of a list of (SKU, quantity, unit) for the entity",
        request_schema=schemas.PRICES_REQUEST,
        response_schema=schemas.PRICES_ANSWER,
        tags=("catalog",),
    )
    def b2b_api_prices(self, call):
        """Each line priced as a cart line of that quantity would be, with
        its status; nothing is written. Up to 1,000 lines."""
        lines = call.env["product.product"]._b2b_api_prices(
            call.entity, call.body["lines"]
        )
        return {"lines": lines}
