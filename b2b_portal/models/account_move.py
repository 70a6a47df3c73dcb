from odoo import fields, models

# invoices whose events the suite sends: customer invoices and credit notes
B2B_EVENT_MOVE_TYPES = ("out_invoice", "out_refund")


class AccountMove(models.Model):
    _inherit = "account.move"

    b2b_paid_event = fields.Boolean(
        string="B2B payment event sent",
        copy=False,
        readonly=True,
        help="The B2B addons were told that this invoice is paid; they are "
        "told once per invoice.",
    )

    def _b2b_taxes_included(self):
        """Whether every tax of this invoice is included in its prices (the
        invoice then prints "incl. VAT", в т.ч. НДС)."""
        self.ensure_one()
        taxes = self.invoice_line_ids.tax_ids
        return bool(taxes) and all(taxes.mapped("price_include"))

    # -- document events --------------------------------------------------------
    def _b2b_event_invoices(self, move_types=B2B_EVENT_MOVE_TYPES):
        """These moves that are customer invoices (or credit notes) of B2B
        entities."""
        return self.filtered(
            lambda move: move.move_type in move_types
            and move.commercial_partner_id
            and move.commercial_partner_id._b2b_is_entity()
        )

    def _post(self, soft=True):
        drafts = self.filtered(lambda move: move.state != "posted")
        posted = super()._post(soft=soft)
        invoices = (
            (posted & drafts)
            .filtered(lambda move: move.state == "posted")
            ._b2b_event_invoices()
        )
        if invoices:
            invoices._b2b_on_invoice_posted()
        return posted

    def button_draft(self):
        posted = self.filtered(lambda move: move.state == "posted")
        result = super().button_draft()
        invoices = posted.filtered(
            lambda move: move.state == "draft"
        )._b2b_event_invoices()
        if invoices:
            invoices._b2b_on_invoice_reset()
        return result

    def _invoice_paid_hook(self):
        # Odoo calls it when an invoice becomes paid or in payment, and again
        # when "in payment" becomes "paid" (bank reconciliation) or after a
        # payment was undone and made again: the flag makes it one event
        result = super()._invoice_paid_hook()
        invoices = self.filtered(
            lambda move: not move.b2b_paid_event
            and move.state == "posted"
            and move.payment_state in ("paid", "in_payment")
        )._b2b_event_invoices(("out_invoice",))
        if invoices:
            # the payer may be a portal user paying online: the flag is the
            # suite's bookkeeping, not a change of the invoice
            invoices.sudo().with_context(skip_is_manually_modified=True).write(
                {"b2b_paid_event": True}
            )
            invoices._b2b_on_invoice_paid()
        return result

    def _b2b_on_invoice_posted(self):
        """Event: these customer invoices and credit notes of B2B entities
        were just posted, once per posting (an invoice reset to draft and
        posted again fires again, after ``_b2b_on_invoice_reset``).

        Addons extend it (b2b_pricelist: the entity's turnover level;
        b2b_edo: the invoice document) and must call ``super()``. It runs in
        the posting transaction and may run again if Odoo retries it after a
        serialization failure: write to the database only, nothing outside
        it (mail goes through the mail queue)."""
        return True

    def _b2b_on_invoice_reset(self):
        """Event: these posted customer invoices and credit notes of B2B
        entities were just reset to draft (``button_draft``): undo what
        ``_b2b_on_invoice_posted`` derived from them. Same rules: call
        ``super()``, database writes only."""
        return True

    def _b2b_on_invoice_paid(self):
        """Event: these customer invoices (not credit notes) of B2B entities
        just became paid ("paid", or "in payment" where Odoo's accounting
        shows that state), once per invoice: not again when "in payment"
        becomes "paid", nor when a payment is undone and made again. An
        invoice paid as it is posted (an online prepayment reconciled at
        posting) fires inside the posting, before ``_b2b_on_invoice_posted``.

        Addons extend it (b2b_edo: the shipping documents) and must call
        ``super()``. It runs in the reconciling transaction, as the user who
        reconciled, and may run again if Odoo retries it after a
        serialization failure: write to the database only, nothing outside
        it (mail goes through the mail queue)."""
        return True
