import datetime

from odoo import Command

from ..tools.reconciliation import money
from .common import EdoCommon

D = datetime.date


class ReconCommon(EdoCommon):
    """Entity A's books for the 3rd quarter of 2026: an invoice of June (the
    opening balance, half paid in June), in the quarter an invoice, a
    partial payment of it and a refund; entity B's invoice, which no act of
    A may show. Amounts with kopecks, to be summed exactly."""

    Q_START, Q_END = D(2026, 7, 1), D(2026, 9, 30)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_a.user_id = cls.manager
        cls.income = cls.env["account.account"].search(
            [
                ("account_type", "=", "income"),
                ("company_ids", "in", cls.env.company.id),
            ],
            limit=1,
        )
        cls.june_invoice = cls.invoice(cls.entity_a, D(2026, 6, 10), 1000.10)
        cls.pay(cls.june_invoice, D(2026, 6, 20), 400.05)
        cls.july_invoice = cls.invoice(cls.entity_a, D(2026, 7, 15), 2500.33)
        cls.august_payment = cls.pay(cls.july_invoice, D(2026, 8, 1), 1200.11)
        cls.september_refund = cls.invoice(
            cls.entity_a, D(2026, 9, 5), 100.01, "out_refund"
        )
        cls.invoice(cls.entity_b, D(2026, 7, 20), 777.77)

    @classmethod
    def invoice(cls, entity, date, amount, move_type="out_invoice", due=None):
        """A posted customer invoice (or refund) of one untaxed line."""
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": entity.id,
                "invoice_date": date,
                "date": date,
                "invoice_date_due": due or date,
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Goods",
                            "quantity": 1,
                            "price_unit": amount,
                            "account_id": cls.income.id,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def books(self, domain):
        """What the entity's receivable move lines sum to: the reference."""
        [(balance, debit, credit)] = self.env["account.move.line"]._read_group(
            [
                ("parent_state", "=", "posted"),
                ("account_id.account_type", "=", "asset_receivable"),
                ("partner_id.commercial_partner_id", "=", self.entity_a.id),
                *domain,
            ],
            aggregates=["balance:sum", "debit:sum", "credit:sum"],
        )
        return money(balance), money(debit), money(credit)

    @classmethod
    def receivable_line(cls, move):
        return move.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )

    @classmethod
    def pay(cls, invoice, date, amount):
        """A bank receipt of ``amount`` set against ``invoice`` (a partial
        reconciliation), as bank reconciliation leaves it."""
        receivable = cls.receivable_line(invoice)
        bank = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.env.company.id)], limit=1
        )
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": bank.id,
                "date": date,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": receivable.account_id.id,
                            "partner_id": invoice.commercial_partner_id.id,
                            "credit": amount,
                            "name": "Payment",
                        }
                    ),
                    Command.create(
                        {
                            "account_id": bank.default_account_id.id,
                            "debit": amount,
                            "name": "Payment",
                        }
                    ),
                ],
            }
        )
        move.action_post()
        (receivable | cls.receivable_line(move)).reconcile()
        return move
