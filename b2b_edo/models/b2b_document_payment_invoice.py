# b2b_document.py holds the registry (the core part); what an invoice for
# payment adds to a document lives here
# pylint: disable=consider-merging-classes-inherited
import logging

from odoo import api, fields, models
from odoo.http import request
from odoo.tools import config

from ..tools import amount_words, payment_invoice, ru_dates
from .res_partner_bank import GOST_QR

_logger = logging.getLogger(__name__)

PAYMENT_INVOICE = "payment_invoice"
RENDER_PARAM = "b2b_edo.render_in_background"


class B2bDocument(models.Model):
    _inherit = "b2b.document"

    b2b_content_hash = fields.Char(
        string="Content hash",
        readonly=True,
        copy=False,
        help="SHA-256 of what an invoice for payment prints about its order "
        "(lines, totals, parties, contract): the same content makes no new "
        "version.",
    )

    # one invoice for payment per order and version, whoever retries
    _b2b_payment_invoice_version_uniq = models.UniqueIndex(
        "(order_id, version) WHERE document_type = 'payment_invoice'",
        "An order has one invoice for payment per version.",
    )

    # -- the PDF: now, or after the transaction by the cron worker --------------
    def _b2b_edo_render_in_background(self):
        """Whether the PDF of a new invoice for payment is left to the cron
        worker (``_cron_b2b_edo_render``) instead of being rendered in this
        transaction. The system parameter ``b2b_edo.render_in_background``
        says "1" (always) or "0" (never); unset, it is rendered in the
        background when this runs in an HTTP worker of a multi-process
        server (``--workers``): ``wkhtmltopdf`` fetches the report's styles
        over HTTP from the same Odoo, so checkouts rendering in every worker
        at once would each wait for a worker none of them frees, until
        ``limit_time_real`` kills them all."""
        value = (
            self.env["ir.config_parameter"].sudo().get_param(RENDER_PARAM) or ""
        ).strip()
        if value in ("0", "1"):
            return value == "1"
        return bool(config["workers"]) and bool(request)

    def _b2b_edo_render_later(self):
        """Leave these drafts to the cron worker, woken up now: they stay
        drafts without a file (the order page says the invoice is being
        prepared) until it renders and sends them."""
        self.env.ref("b2b_edo.ir_cron_b2b_edo_render").sudo()._trigger()

    def _b2b_payment_invoice_render(self):
        """Render each draft invoice for payment to PDF (a Russian form:
        units and product names in Russian where it is active), store it and
        send the document to the buyer."""
        lang = "ru_RU" if self.env["res.lang"]._get_data(code="ru_RU") else None
        report = (
            self.env["ir.actions.report"]
            .sudo()
            .with_context(lang=lang or self.env.lang)
        )
        for document in self:
            content, kind = report._render_qweb_pdf(
                "b2b_edo.payment_invoice_report", res_ids=document.ids
            )
            document._b2b_attach(
                content,
                f"{document.number}.{kind}",
                "application/pdf" if kind == "pdf" else "text/html",
            )
            document.action_send()

    @api.model
    def _b2b_edo_render_pending_domain(self):
        """The invoices for payment waiting for their PDF."""
        return [
            ("document_type", "=", PAYMENT_INVOICE),
            ("state", "=", "draft"),
            ("attachment_id", "=", False),
        ]

    @api.model
    def _cron_b2b_edo_render(self, batch_size=20):
        """Render and send the invoices for payment left to the background,
        oldest first, one commit each, skipping those another worker holds.
        A draft replaced by a newer version before its turn (its order
        changed again) or whose order is no longer confirmed is cancelled,
        never sent; one that fails to render is logged and left for the next
        run, the others go on."""
        domain = self._b2b_edo_render_pending_domain()
        failed = []
        while True:
            documents = (
                self.sudo()
                .search(
                    domain + [("id", "not in", failed)], order="id", limit=batch_size
                )
                .try_lock_for_update()
            )
            if not documents:
                return
            # what is left, once per batch (not a count per document)
            self.env["ir.cron"]._commit_progress(
                remaining=max(self.sudo().search_count(domain) - len(failed), 0)
            )
            for document in documents:
                if document.next_ids or document.order_id.state != "sale":
                    document.action_cancel()
                else:
                    try:
                        with self.env.cr.savepoint():
                            document._b2b_payment_invoice_render()
                    except Exception:  # pylint: disable=broad-except
                        _logger.exception(
                            "Invoice for payment %s (document %s) not rendered",
                            document.number,
                            document.id,
                        )
                        failed.append(document.id)
                if self.env["ir.cron"]._commit_progress(1) <= 0:
                    return

    # -- what the form prints --------------------------------------------------
    def _b2b_workflow_fields(self, vals):
        """A sent invoice for payment learns, once, the Odoo invoice posted
        after it (``account.move._b2b_on_invoice_posted``): the one link it
        may take after it left the draft; never once it is in the chain."""
        allowed = super()._b2b_workflow_fields(vals)
        if (
            self.document_type == "payment_invoice"
            and not self.invoice_id
            and not self.b2b_chain_hash
            and set(vals) <= {"invoice_id"}
        ):
            allowed.add("invoice_id")
        return allowed

    def _b2b_payment_invoice_due_date(self):
        """The last due date of the contract's (or the order's) payment
        terms from the invoice's date; None without payment terms."""
        self.ensure_one()
        order = self.order_id
        term = self.contract_id.payment_term_id or order.payment_term_id
        if not term.line_ids:
            return None
        return max(line._get_due_date(self.date) for line in term.line_ids)

    def _b2b_payment_invoice_qr(self, bank, total):
        """The GOST payment QR code of ``total`` to ``bank`` as a data URI,
        None when the account is not eligible (not a Russian account, not in
        roubles)."""
        order = self.order_id
        if not bank:
            return None
        # the purpose of a Russian payment order is Russian whoever prints
        purpose = (
            f"Оплата по счёту № {self.number or ''} от {ru_dates.short_date(self.date)}"
        )
        return bank.build_qr_code_base64(
            total,
            purpose,
            None,
            order.currency_id,
            order.partner_invoice_id,
            qr_method=GOST_QR,
        )

    def _b2b_payment_invoice_values(self):
        """Everything the QWeb form prints, formatted as a Russian form."""
        self.ensure_one()
        order = self.order_id.sudo()
        company = order.company_id
        supplier = company._b2b_requisites()
        entity = self.entity_id.sudo()
        content = order._b2b_payment_invoice_content()
        total = content["total"]
        bank = supplier["bank"]
        due = self._b2b_payment_invoice_due_date()
        contract = self.contract_id
        return {
            "number": self.number or "",
            "date": ru_dates.long_date(self.date),
            "version": self.version,
            "bank": bank,
            "supplier": supplier,
            "supplier_partner": company.partner_id,
            "company": company,
            "buyer": entity,
            "buyer_address": entity._b2b_address_line(),
            "contract": contract,
            "contract_date": ru_dates.short_date(contract.date),
            "lines": [
                dict(
                    line,
                    quantity=amount_words.format_quantity(line["quantity"]),
                    price=amount_words.format_amount(line["price"]),
                    amount=amount_words.format_amount(line["amount"]),
                )
                for line in content["lines"]
            ],
            "count": len(content["lines"]),
            "total": amount_words.format_amount(total),
            "vat": [
                (payment_invoice.rate_label(rate), amount_words.format_amount(tax))
                for rate, tax in content["vat"]
            ],
            "words": amount_words.amount_in_words(total),
            "due_date": ru_dates.short_date(due),
            "qr": self._b2b_payment_invoice_qr(bank, total),
            "order_name": order.name,
        }
