from werkzeug.wrappers import Response

from odoo import http
from odoo.http import content_disposition

from ..tools.errors import ApiError
from ..tools.openapi import Param
from ..tools.paging import decode_cursor, encode_cursor
from . import order_schemas as schemas
from .framework import api_route

ID = Param("id", {"type": "integer"}, "The id")
CURSOR = Param("cursor", {"type": "string", "maxLength": 200}, "next_cursor")
LIMIT = Param(
    "limit",
    {"type": "integer", "minimum": 1, "maximum": 200, "default": 50},
    "Items per page (at most 200)",
)


def _after(call, filters):
    if not call.params.get("cursor"):
        return 0
    try:
        return decode_cursor(call.params["cursor"], filters)
    except ValueError as error:
        raise ApiError(
            422,
            "invalid_cursor",
            call.env._(
                "This cursor is not one of these filters: start again without a cursor."
            ),
        ) from error


def _file(content, name, mimetype):
    return Response(
        content,
        status=200,
        headers=[
            ("Content-Type", mimetype),
            ("Content-Disposition", content_disposition(name)),
            ("X-Content-Type-Options", "nosniff"),
        ],
    )


class B2bApiDocuments(http.Controller):
    """Invoices for every portal; the documents registry with b2b_edo.
    A role without "documents" (a buyer) reads none, as in the portal."""

    @api_route(
        "/invoices",
        summary="The entity's invoices and credit notes",
        params=(CURSOR, LIMIT),
        response_schema=schemas.INVOICES_PAGE,
        capability="documents",
        tags=("documents",),
    )
    def b2b_api_invoices(self, call):
        Docs = call.env["b2b.api.documents"]
        moves, more = Docs._b2b_invoices(
            call.entity, _after(call, {}), call.params.get("limit") or 50
        )
        return {
            "invoices": [Docs._b2b_invoice_dict(move) for move in moves],
            "next_cursor": encode_cursor(moves[-1].id, {}) if more else None,
        }

    @api_route(
        "/invoices/{id}/pdf",
        summary="An invoice's PDF",
        params=(ID,),
        capability="documents",
        raw_response="application/pdf",
        tags=("documents",),
    )
    def b2b_api_invoice_pdf(self, call, id):
        Docs = call.env["b2b.api.documents"]
        content, name = Docs._b2b_invoice_pdf(Docs._b2b_invoice(call.entity, id))
        return _file(content, name, "application/pdf")

    @api_route(
        "/documents",
        summary="The entity's documents (UPD, acts, contracts…) as listed "
        "on its documents page",
        params=(
            Param("doc_type", {"type": "string", "maxLength": 64}, "A document type"),
            Param("state", {"type": "string", "maxLength": 64}, "A state"),
            Param("date_from", {"type": "string", "format": "date"}, "From date"),
            Param("date_to", {"type": "string", "format": "date"}, "To date"),
            CURSOR,
            LIMIT,
        ),
        response_schema=schemas.DOCUMENTS_PAGE,
        capability="documents",
        requires="b2b.document",
        tags=("documents",),
    )
    def b2b_api_documents(self, call):
        filters = {
            name: call.params[name]
            for name in ("doc_type", "state", "date_from", "date_to")
            if call.params.get(name)
        }
        Docs = call.env["b2b.api.documents"]
        documents, more = Docs._b2b_documents(
            call.entity, filters, _after(call, filters), call.params.get("limit") or 50
        )
        return {
            "documents": [Docs._b2b_document_dict(d) for d in documents],
            "next_cursor": encode_cursor(documents[-1].id, filters) if more else None,
        }

    @api_route(
        "/documents/{id}/pdf",
        summary="A document's file (its PDF)",
        params=(ID,),
        capability="documents",
        raw_response="application/pdf",
        requires="b2b.document",
        tags=("documents",),
    )
    def b2b_api_document_pdf(self, call, id):
        Docs = call.env["b2b.api.documents"]
        return _file(
            *Docs._b2b_document_file(Docs._b2b_document(call.entity, id), "pdf")
        )

    @api_route(
        "/documents/{id}/xml",
        summary="A UPD's XML file (the format of the tax service)",
        params=(ID,),
        capability="documents",
        raw_response="application/xml",
        requires="b2b.document",
        tags=("documents",),
    )
    def b2b_api_document_xml(self, call, id):
        Docs = call.env["b2b.api.documents"]
        return _file(
            *Docs._b2b_document_file(Docs._b2b_document(call.entity, id), "xml")
        )
