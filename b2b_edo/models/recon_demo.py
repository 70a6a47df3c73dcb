import datetime

from odoo import Command, api, fields, models

from ..tools.reconciliation import quarter_period

ENTITY = "b2b_portal.entity_stroydvor_demo"
COMPANY = "b2b_portal.supplier_company_demo"


class B2bDemo(models.AbstractModel):
    """The reconciliation act of the last full quarter of the demo entity
    (ООО «СтройДвор»), on its own books: an invoice before the quarter paid
    in it, an invoice with a refund and a partial payment, and an invoice of
    this quarter, not due yet: 184 200 ₽ of debt, 12 000 ₽ of it overdue,
    on the dashboard (plus what other demo data invoiced)."""

    _inherit = "b2b.demo"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _b2b_edo_recon_demo(self):
        entity = self.env.ref(ENTITY, raise_if_not_found=False)
        company = self.env.ref(COMPANY, raise_if_not_found=False)
        Document = self.env["b2b.document"]
        if (
            not entity
            or not company
            or Document.search_count(
                [
                    ("document_type", "=", "reconciliation"),
                    ("entity_id", "=", entity.id),
                ],
                limit=1,
            )
        ):
            return
        today = fields.Date.context_today(self)
        this_quarter = (today.month - 1) // 3
        start, end = quarter_period(
            today.year if this_quarter else today.year - 1, this_quarter or 4
        )
        day = datetime.timedelta
        env = self.with_company(company).env
        income = env["account.account"].search(
            [("account_type", "=", "income"), ("company_ids", "in", company.id)],
            limit=1,
        )

        def invoice(date, amount, due, move_type="out_invoice"):
            return {
                "move_type": move_type,
                "partner_id": entity.id,
                "company_id": company.id,
                "invoice_date": date,
                "date": date,
                "invoice_date_due": due,
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Крепёж по договору поставки",
                            "quantity": 1,
                            "price_unit": amount,
                            "account_id": income.id,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }

        opening, sale, refund, current = env["account.move"].create(
            [
                invoice(start - day(20), 150_000, start + day(10)),
                invoice(start + day(15), 100_800, start + day(30)),
                invoice(start + day(25), 4_800, start + day(25), "out_refund"),
                invoice(max(today - day(10), end + day(1)), 172_200, today + day(20)),
            ]
        )
        (opening | sale | refund | current).action_post()
        self._b2b_edo_recon_demo_pay(company, opening, start + day(8), 150_000)
        self._b2b_edo_recon_demo_pay(company, sale, start + day(40), 84_000)
        receivable = (sale | refund).line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        )
        receivable.reconcile()
        Document.with_company(company)._b2b_recon_create(entity, start, end, company)

    @api.model
    def _b2b_edo_recon_demo_pay(self, company, invoice, date, amount):
        """A bank receipt set against ``invoice``, as bank reconciliation
        leaves it."""
        env = self.with_company(company).env
        bank = env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
        )
        receivable = invoice.line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        )
        payment = env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": bank.id,
                "company_id": company.id,
                "date": date,
                "ref": f"Оплата по счёту {invoice.name}",
                "line_ids": [
                    Command.create(
                        {
                            "account_id": receivable.account_id.id,
                            "partner_id": invoice.commercial_partner_id.id,
                            "credit": amount,
                            "name": f"Оплата по счёту {invoice.name}",
                        }
                    ),
                    Command.create(
                        {"account_id": bank.default_account_id.id, "debit": amount}
                    ),
                ],
            }
        )
        payment.action_post()
        (
            receivable
            | payment.line_ids.filtered(
                lambda line: line.account_type == "asset_receivable"
            )
        ).reconcile()
        return payment
