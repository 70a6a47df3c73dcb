from odoo import http

from ..tools.openapi import Param
from ..tools.paging import encode_cursor
from . import order_schemas as schemas
from .documents import CURSOR, LIMIT, _after
from .framework import ApiResponse, api_route


class B2bApiClaims(http.Controller):
    """Claims on delivered goods (b2b_claims, when installed): every role
    reads the entity's claims, owners and buyers file them."""

    @api_route(
        "/claims",
        summary="The entity's claims",
        params=(CURSOR, LIMIT),
        response_schema=schemas.CLAIMS_PAGE,
        requires="b2b.claim",
        tags=("claims",),
    )
    def b2b_api_claims(self, call):
        Claims = call.env["b2b.api.claims"]
        claims, more = Claims._b2b_claims(
            call.entity, _after(call, {}), call.params.get("limit") or 50
        )
        return {
            "claims": [Claims._b2b_claim_dict(claim) for claim in claims],
            "next_cursor": encode_cursor(claims[-1].id, {}) if more else None,
            "types": Claims._b2b_claim_types(),
        }

    @api_route(
        "/claims/claimable",
        summary="The delivered lines of an order or delivery that may be claimed",
        params=(
            Param("order_id", {"type": "integer", "minimum": 1}, "An order"),
            Param("picking_id", {"type": "integer", "minimum": 1}, "A delivery"),
        ),
        response_schema=schemas.CLAIMABLE,
        capability="claims",
        requires="b2b.claim",
        tags=("claims",),
    )
    def b2b_api_claimable(self, call):
        lines = call.env["b2b.api.claims"]._b2b_claimable(
            call.entity,
            call.params.get("order_id") or 0,
            call.params.get("picking_id") or 0,
        )
        return {"lines": lines}

    @api_route(
        "/claims",
        ["POST"],
        summary="File a claim on delivered goods",
        description="The checks of the portal's claim form: the lines "
        "delivered to this entity, no more than is left to claim, the "
        "demand's amount; a refusal writes nothing.",
        request_schema=schemas.CLAIM_REQUEST,
        response_schema=schemas.CLAIM,
        scope="order",
        capability="claims",
        idempotent=True,
        status=201,
        requires="b2b.claim",
        tags=("claims",),
    )
    def b2b_api_claim_file(self, call):
        Claims = call.env["b2b.api.claims"]
        claim = Claims._b2b_file(call.user, call.entity, call.body)
        return ApiResponse(Claims._b2b_claim_dict(claim), status=201)
