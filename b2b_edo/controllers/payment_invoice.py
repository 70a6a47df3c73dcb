from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.sale.controllers import portal as sale_portal

PAYMENT_INVOICE = "payment_invoice"


class B2bEdoPaymentInvoicePortal(sale_portal.CustomerPortal):
    """The invoice for payment of an order: its PDF, and a link to it on the
    order page (/my/orders/<id>) for a member who may see documents."""

    def _b2b_edo_payment_invoice_readable(self, document):
        """``document`` (as the user) if it is an invoice for payment this
        user may read: record rules (a member of its entity whose role has
        documents; the supplier's staff) and the role; None otherwise."""
        if (
            not document.exists()
            or document.sudo().document_type != PAYMENT_INVOICE
            or not document.has_access("read")
        ):
            return None
        try:
            request.env.user._b2b_check_documents(document.sudo().entity_id)
        except AccessError:
            return None
        return document

    @http.route(
        "/my/b2b/documents/payment-invoices/<int:document_id>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
        readonly=True,
    )
    def b2b_edo_payment_invoice_file(self, document_id, **kwargs):
        document = self._b2b_edo_payment_invoice_readable(
            request.env["b2b.document"].browse(document_id)
        )
        attachment = document and document.sudo().attachment_id
        if not attachment:
            raise NotFound()
        return (
            request.env["ir.binary"]
            ._get_stream_from(attachment)
            .get_response(as_attachment=kwargs.get("download") == "1")
        )

    def _sale_order_get_page_view_values(
        self, order_sudo, access_token, values, history_session_key, **kwargs
    ):
        values = super()._sale_order_get_page_view_values(
            order_sudo, access_token, values, history_session_key, **kwargs
        )
        invoices = order_sudo._b2b_edo_payment_invoices()
        documents = invoices.filtered(lambda d: d.state in ("sent", "accepted"))
        readable = documents[:1] and self._b2b_edo_payment_invoice_readable(
            documents[:1].with_env(request.env)
        )
        values["b2b_payment_invoice"] = readable or None
        # a new version left to the background (b2b_edo's render cron)
        pending = invoices.filtered_domain(invoices._b2b_edo_render_pending_domain())[
            :1
        ]
        values["b2b_payment_invoice_pending"] = bool(
            pending and self._b2b_edo_payment_invoice_pending_visible(pending)
        )
        return values

    def _b2b_edo_payment_invoice_pending_visible(self, pending):
        """Whether this user is told the invoice for payment is being made:
        a member of its entity whose role has documents (a draft itself is
        never readable in the portal)."""
        user = request.env.user
        entity = pending.sudo().entity_id
        if entity not in user._b2b_entities():
            return False
        try:
            user._b2b_check_documents(entity)
        except AccessError:
            return False
        return True
