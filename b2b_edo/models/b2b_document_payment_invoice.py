# b2b_document.py holds the registry (the core part); what an invoice for
# payment adds to a document lives here
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models

from ..tools import amount_words, payment_invoice, ru_dates
from .res_partner_bank import GOST_QR

PAYMENT_INVOICE = "payment_invoice"


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
