"""Invoices (b2b_portal) and the documents registry (b2b_edo, when
installed) for the API: searched as the buyer, so that the portal's record
rules on ``account.move`` and ``b2b.document`` decide, on top of the
entity's filter; files read sudo after that check."""

from odoo import api, models
from odoo.fields import Domain

from ..tools.errors import ApiError


def _iso(value):
    return value.isoformat() if value else None


class B2bApiDocuments(models.AbstractModel):
    _name = "b2b.api.documents"
    _description = "B2B API invoices and documents"

    # -- invoices ---------------------------------------------------------------
    @api.model
    def _b2b_invoices_domain(self, entity):
        """The entity's posted invoices and credit notes, as /my/invoices
        lists them for a role with "documents"."""
        return (
            Domain("commercial_partner_id", "=", entity.id)
            & Domain("move_type", "in", ("out_invoice", "out_refund"))
            & Domain("state", "=", "posted")
        )

    @api.model
    def _b2b_invoices(self, entity, after=0, limit=50):
        domain = self._b2b_invoices_domain(entity)
        if after:
            domain &= Domain("id", ">", after)
        moves = self.env["account.move"].search(domain, order="id", limit=limit + 1)
        return moves[:limit], len(moves) > limit

    @api.model
    def _b2b_invoice(self, entity, move_id):
        move = self.env["account.move"].search(
            self._b2b_invoices_domain(entity) & Domain("id", "=", move_id), limit=1
        )
        if not move:
            raise ApiError(404, "not_found", self.env._("This invoice does not exist."))
        return move

    def _b2b_invoice_dict(self, move):
        move = move.sudo()
        currency = move.currency_id
        orders = move.line_ids.sale_line_ids.order_id
        return {
            "id": move.id,
            "name": move.name,
            "type": "credit_note" if move.move_type == "out_refund" else "invoice",
            "date": _iso(move.invoice_date),
            "due_date": _iso(move.invoice_date_due),
            "currency": currency.name,
            "amount_untaxed": currency.round(move.amount_untaxed),
            "amount_total": currency.round(move.amount_total),
            "amount_residual": currency.round(move.amount_residual),
            "payment_state": move.payment_state,
            "orders": [{"id": o.id, "name": o.name} for o in orders],
        }

    def _b2b_invoice_pdf(self, move):
        """``(content, file name)``: Odoo's invoice PDF of ``move`` (checked)."""
        move = move.sudo()
        content, _kind = (
            self.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("account.account_invoices", move.ids)
        )
        return content, f"{(move.name or 'invoice').replace('/', '_')}.pdf"

    # -- the documents registry (b2b_edo) ---------------------------------------
    @api.model
    def _b2b_documents(self, entity, filters, after=0, limit=50):
        """A page of the entity's documents as its documents section lists
        them (``b2b.document._b2b_portal_domain``), in id order."""
        Document = self.env["b2b.document"]
        domain = Domain(Document._b2b_portal_domain(entity, **filters))
        if after:
            domain &= Domain("id", ">", after)
        documents = Document.search(domain, order="id", limit=limit + 1)
        return documents[:limit], len(documents) > limit

    @api.model
    def _b2b_document(self, entity, document_id):
        Document = self.env["b2b.document"]
        document = Document.search(
            Domain(Document._b2b_portal_domain(entity))
            & Domain("id", "=", document_id),
            limit=1,
        )
        if not document:
            raise ApiError(
                404, "not_found", self.env._("This document does not exist.")
            )
        return document

    def _b2b_document_dict(self, document):
        document = document.sudo()
        xml = getattr(document, "xml_attachment_id", None)
        types = dict(document._fields["document_type"]._description_selection(self.env))
        return {
            "id": document.id,
            "type": document.document_type,
            "type_name": types.get(document.document_type, document.document_type),
            "number": document.number or None,
            "name": document.name,
            "date": _iso(document.date),
            "state": document.state,
            "order": document.order_id
            and {"id": document.order_id.id, "name": document.order_id.name}
            or None,
            "invoice": document.invoice_id
            and {"id": document.invoice_id.id, "name": document.invoice_id.name}
            or None,
            "file": document.attachment_id.name or None,
            "file_mimetype": document.attachment_id.mimetype or None,
            "xml": bool(xml),
            "sha256": document.file_sha256 or None,
        }

    def _b2b_document_file(self, document, kind):
        """``(content, file name, mimetype)`` of the document's file
        (``kind`` "pdf": its file; "xml": a UPD's XML), read sudo after the
        check; 404 when it has none."""
        document = document.sudo()
        attachment = (
            getattr(document, "xml_attachment_id", None)
            if kind == "xml"
            else document.attachment_id
        )
        if not attachment:
            raise ApiError(
                404, "no_file", self.env._("This document has no such file.")
            )
        return attachment.raw, attachment.name, attachment.mimetype
