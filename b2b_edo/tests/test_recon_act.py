import io
from decimal import Decimal

import openpyxl
from lxml import html

from odoo.tests import tagged
from odoo.tools.pdf import PdfReader

from ..tools.reconciliation import money
from .recon_common import D, ReconCommon
from .test_recon_kernel import xlsx_figures

FIGURES = (
    "opening_debit",
    "opening_credit",
    "debit_turnover",
    "credit_turnover",
    "closing_debit",
    "closing_credit",
)


@tagged("post_install", "-at_install")
class TestReconciliationAct(ReconCommon):
    def compute(self, date_from=None, date_to=None):
        return self.env["b2b.document"]._b2b_recon_compute(
            self.entity_a,
            self.env.company,
            date_from or self.Q_START,
            date_to or self.Q_END,
        )

    def test_balances_equal_the_move_lines(self):
        act = self.compute()
        opening, _debit, _credit = self.books([("date", "<", self.Q_START)])
        _balance, debit, credit = self.books(
            [("date", ">=", self.Q_START), ("date", "<=", self.Q_END)]
        )
        closing, _debit, _credit = self.books([("date", "<=", self.Q_END)])
        # June: 1000.10 invoiced, 400.05 paid
        self.assertEqual(act.opening, opening)
        self.assertEqual(act.opening, Decimal("600.05"))
        self.assertEqual(act.debit_turnover, debit)
        self.assertEqual(act.credit_turnover, credit)
        self.assertEqual(act.credit_turnover, Decimal("1300.12"))
        self.assertEqual(act.closing, closing)
        self.assertEqual(act.closing, Decimal("1800.26"))
        self.assertEqual(
            [(line.kind, line.reference) for line in act.lines],
            [
                ("sale", self.july_invoice.name),
                ("payment", self.august_payment.name),
                ("refund", self.september_refund.name),
            ],
        )
        # entity B's invoice is nowhere
        self.assertNotIn(Decimal("777.77"), [line.debit for line in act.lines])

    def queries(self):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        act = self.compute()
        return self.env.cr.sql_log_count - before, len(act.lines)

    def test_queries_do_not_grow_with_the_lines(self):
        self.queries()  # warm-up: caches filled once per registry
        few = self.queries()
        for day in range(1, 11):
            self.invoice(self.entity_a, D(2026, 8, day), 10 + day)
        many = self.queries()
        self.assertEqual((few[1], many[1]), (3, 13))
        self.assertEqual(few[0], many[0])

    def test_storno_refund_is_a_credit(self):
        """Russian companies post refunds as a negative debit (storno): the
        act still prints them as a credit."""
        self.env.company.account_storno = True
        refund = self.invoice(self.entity_a, D(2026, 9, 20), 50.5, "out_refund")
        self.assertEqual(self.receivable_line(refund).debit, -50.5)
        line = self.compute().lines[-1]
        self.assertEqual(
            (line.kind, line.debit, line.credit), ("refund", 0, Decimal("50.50"))
        )
        self.assertEqual(self.compute().closing, Decimal("1749.76"))

    def test_a_period_before_everything_and_a_year(self):
        empty = self.compute(D(2025, 1, 1), D(2025, 12, 31))
        self.assertEqual((empty.opening, empty.lines, empty.closing), (0, (), 0))
        year = self.compute(D(2026, 1, 1), D(2026, 12, 31))
        self.assertEqual(year.opening, 0)
        self.assertEqual(len(year.lines), 5)
        self.assertEqual(year.closing, self.compute().closing)

    def test_act_document_pdf_and_xlsx_have_the_same_figures(self):
        act_document = self.env["b2b.document"]._b2b_recon_create(
            self.entity_a, self.Q_START, self.Q_END
        )
        self.assertEqual(act_document.document_type, "reconciliation")
        self.assertEqual(act_document.state, "sent")
        self.assertTrue(act_document.number)
        self.assertEqual(
            (act_document.period_start, act_document.period_end),
            (self.Q_START, self.Q_END),
        )
        # tests render the report's HTML instead of the PDF: its cells carry
        # the exact figures it prints
        page = html.fromstring(act_document.attachment_id.raw)
        printed = {
            name: Decimal(page.find_class(f"o_b2b_{name}")[0].get("data-value"))
            for name in FIGURES
        }
        self.assertEqual(printed["closing_debit"], Decimal("1800.26"))
        self.assertIn("1,800.26", page.find_class("o_b2b_conclusion")[0].text_content())
        labels = act_document._b2b_recon_labels(self.compute(), self.env.company)
        figures = xlsx_figures(
            act_document.xlsx_attachment_id.raw,
            (labels["opening"], labels["turnover"], labels["closing"]),
        )
        read_back = {
            label: [money(value or 0) for value in pair]
            for label, pair in figures.items()
        }
        self.assertEqual(
            read_back,
            {
                labels["opening"]: [
                    printed["opening_debit"],
                    printed["opening_credit"],
                ],
                labels["turnover"]: [
                    printed["debit_turnover"],
                    printed["credit_turnover"],
                ],
                labels["closing"]: [
                    printed["closing_debit"],
                    printed["closing_credit"],
                ],
            },
        )
        lines = openpyxl.load_workbook(
            io.BytesIO(act_document.xlsx_attachment_id.raw)
        ).active
        self.assertEqual(lines.cell(7, 3).value, 2500.33)

    def test_real_pdf(self):
        act_document = (
            self.env["b2b.document"]
            .with_context(force_report_rendering=True)
            ._b2b_recon_create(self.entity_a, self.Q_START, self.Q_END)
        )
        content = act_document.attachment_id.raw
        self.assertTrue(content.startswith(b"%PDF"))
        text = "".join(
            page.extract_text() for page in PdfReader(io.BytesIO(content)).pages
        )
        self.assertIn("1,800.26", text)
        self.assertIn(self.july_invoice.name, text)

    def test_rejection_reaches_the_manager(self):
        act_document = self.env["b2b.document"]._b2b_recon_create(
            self.entity_a, self.Q_START, self.Q_END
        )
        act_document.with_user(self.accountant_a).sudo()._b2b_reject(
            "Our books miss the refund of 05.09"
        )
        self.assertEqual(act_document.state, "rejected")
        self.assertEqual(act_document.decided_by_id, self.accountant_a)
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.entity_a.id)]
        )
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn("Our books miss the refund of 05.09", str(activity.note))
        self.assertIn("Accountant A", str(activity.note))

    def test_portal_actions(self):
        act_document = self.env["b2b.document"]._b2b_recon_create(
            self.entity_a, self.Q_START, self.Q_END
        )

        def labels(user):
            return [link.label for link in act_document._b2b_portal_actions(user)]

        self.assertEqual(
            labels(self.accountant_a),
            ["Download PDF", "Download XLSX", "Accept", "Reject"],
        )
        self.assertEqual(labels(self.viewer_a), ["Download PDF", "Download XLSX"])
        act_document.with_user(self.buyer_a).sudo()._b2b_accept()
        self.assertEqual(labels(self.buyer_a), ["Download PDF", "Download XLSX"])
        # the two sections of the documents page, for the roles with documents
        both = ["/my/b2b/documents/reconciliation", "/my/b2b/documents/debt"]
        sections = {  # other parts (founding documents) add their own
            user: [
                link.url
                for link in self.entity_a._b2b_edo_portal_links(user)
                if link.url in both
            ]
            for user in (self.accountant_a, self.viewer_a, self.buyer_ab)
        }
        self.assertEqual(sections[self.accountant_a], both)
        self.assertEqual(sections[self.viewer_a], both)
        self.assertEqual(sections[self.buyer_ab], [])


@tagged("post_install", "-at_install")
class TestDebtReport(ReconCommon):
    def test_open_items_aging_and_credit_limit(self):
        today = D(2026, 12, 2)
        self.contract_a.credit_limit = 5000
        overdue_95 = self.invoice(self.entity_a, D(2026, 8, 1), 300, due=D(2026, 8, 29))
        report = self.entity_a._b2b_debt_report(self.env.company, today)
        by_reference = {item.reference: item for item in report.items}
        self.assertEqual(
            set(by_reference),
            {self.june_invoice.name, self.july_invoice.name, overdue_95.name},
        )
        self.assertEqual(
            by_reference[self.july_invoice.name].residual, Decimal("1300.22")
        )
        self.assertEqual(by_reference[overdue_95.name].days_overdue, 95)
        self.assertEqual(by_reference[overdue_95.name].bucket, "over_90")
        # the refund is not set against an invoice: it lowers the debt
        self.assertEqual(report.unallocated, Decimal("-100.01"))
        closing, _debit, _credit = self.books([])
        self.assertEqual(report.total, closing)
        self.assertEqual(report.credit_left, Decimal("5000.00") - closing)
        self.assertEqual(
            self.entity_a.with_context(lang="en_US")._b2b_debt_card_text(report),
            f"Debt ${closing:,}, of which ${report.overdue:,} overdue".replace(
                "$", "$\xa0"
            ),
        )

    def test_debt_document(self):
        document = self.env["b2b.document"]._b2b_debt_create(self.entity_a)
        self.assertEqual(
            (document.document_type, document.state), ("debt_report", "sent")
        )
        page = html.fromstring(document.attachment_id.raw)
        total = Decimal(page.find_class("o_b2b_debt_total")[0].get("data-value"))
        sheet = openpyxl.load_workbook(
            io.BytesIO(document.xlsx_attachment_id.raw)
        ).active
        values = {
            row[0].value: row[4].value
            for row in sheet.iter_rows(min_row=4)
            if row[0].value
        }
        self.assertEqual(money(values["Total debt"]), total)
        self.assertEqual(total, Decimal("1800.26"))


@tagged("post_install", "-at_install")
class TestReconciliationWizard(ReconCommon):
    def test_back_office_wizard_from_a_contact_of_the_entity(self):
        contact = self.buyer_a.partner_id  # a person under entity A
        wizard = (
            self.env["b2b.reconciliation.wizard"]
            .with_user(self.manager)
            .with_context(active_model="res.partner", active_id=contact.id)
            .create({"date_from": self.Q_START, "date_to": self.Q_END})
        )
        self.assertEqual(wizard.entity_id, self.entity_a)
        action = wizard.action_create()
        act = self.env["b2b.document"].browse(action["res_id"])
        self.assertEqual((act.document_type, act.state), ("reconciliation", "sent"))
        self.assertEqual(act._b2b_recon_act().closing, Decimal("1800.26"))
