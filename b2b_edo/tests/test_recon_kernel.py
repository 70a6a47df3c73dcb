import datetime
import io
from decimal import Decimal

import openpyxl

from odoo.tests import BaseCase

from ..tools import debt_report
from ..tools import reconciliation as recon
from ..tools.recon_xlsx import act_xlsx, debt_xlsx

D = datetime.date
LABELS = {
    "title": "Act",
    "period": "Period",
    "supplier_side": "Supplier",
    "buyer_side": "Buyer",
    "date": "Date",
    "document": "Document",
    "debit": "Debit",
    "credit": "Credit",
    "opening": "Opening",
    "turnover": "Turnover",
    "closing": "Closing",
    "conclusion": "Conclusion",
    "sign_supplier": "Supplier signs",
    "sign_buyer": "Buyer signs",
    "kinds": {"sale": "Sale", "payment": "Payment", "refund": "Refund"},
}


def xlsx_figures(content, labels=("Opening", "Turnover", "Closing")):
    """The figure rows of an act's XLSX, read back: {label: (debit, credit)}."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return {
        row[0].value: (row[2].value, row[3].value)
        for row in sheet.iter_rows(min_row=6)
        if row[0].value in labels
    }


class TestReconKernel(BaseCase):
    def act(self, opening, rows):
        return recon.build_act(
            recon.Party("Supplier"),
            recon.Party("Buyer"),
            D(2026, 7, 1),
            D(2026, 9, 30),
            "RUB",
            opening,
            rows,
        )

    def test_turnovers_closing_and_creditor_to_the_kopeck(self):
        act = self.act(
            600.05,
            [
                (D(2026, 9, 5), "refund", "RINV/1", 0, 100.01),
                (D(2026, 7, 15), "sale", "INV/2", 2500.33, 0),
                (D(2026, 8, 1), "payment", "BNK/1", 0, 1200.11),
            ],
        )
        self.assertEqual(
            [line.reference for line in act.lines], ["INV/2", "BNK/1", "RINV/1"]
        )
        self.assertEqual(act.debit_turnover, Decimal("2500.33"))
        self.assertEqual(act.credit_turnover, Decimal("1300.12"))
        self.assertEqual(act.closing, Decimal("1800.26"))
        self.assertEqual(
            (act.closing_debit, act.closing_credit), (Decimal("1800.26"), 0)
        )
        self.assertEqual(act.creditor, "supplier")
        # floats that do not add up in binary add up here: 0.1 + 0.2
        self.assertEqual(
            self.act(
                0,
                [
                    (D(2026, 7, 1), "sale", "a", 0.1, 0),
                    (D(2026, 7, 2), "sale", "b", 0.2, 0),
                ],
            ).closing,
            Decimal("0.30"),
        )

    def test_advance_and_no_debt(self):
        advance = self.act(0, [(D(2026, 7, 1), "payment", "BNK/2", 0, 50)])
        self.assertEqual(advance.creditor, "buyer")
        self.assertEqual(
            (advance.closing_debit, advance.closing_credit), (0, Decimal("50.00"))
        )
        settled = self.act(-50, [(D(2026, 7, 2), "sale", "INV/3", 50, 0)])
        self.assertEqual(settled.opening_credit, Decimal("50.00"))
        self.assertEqual(settled.creditor, "")

    def test_periods(self):
        today = D(2026, 12, 2)
        self.assertEqual(
            recon.parse_period("quarter", "2026", "3", today=today),
            (D(2026, 7, 1), D(2026, 9, 30)),
        )
        self.assertEqual(
            recon.parse_period("quarter", "2024", "1", today=today),
            (D(2024, 1, 1), D(2024, 3, 31)),
        )
        self.assertEqual(
            recon.parse_period("year", "2025", today=today),
            (D(2025, 1, 1), D(2025, 12, 31)),
        )
        self.assertEqual(
            recon.parse_period(
                "custom", date_from="2026-02-03", date_to="2026-02-28", today=today
            ),
            (D(2026, 2, 3), D(2026, 2, 28)),
        )
        for args, code in (
            (("quarter", "2026", "5"), "quarter"),
            (("quarter", "abc", "1"), "year"),
            (("year", "2027"), "year"),
            (("custom", None, None, "2026-03-01", "2026-02-01"), "order"),
            (("custom", None, None, "2026-03-01", ""), "dates"),
            (("custom", None, None, "2020-01-01", "2026-01-01"), "long"),
            (("custom", None, None, "2026-12-10", "2026-12-31"), "future"),
            (("week",), "dates"),
        ):
            with self.assertRaises(recon.PeriodError) as caught:
                recon.parse_period(*args, today=today)
            self.assertEqual(caught.exception.code, code, args)

    def test_act_xlsx_reads_back_the_figures(self):
        act = self.act(
            -10.5,
            [
                (D(2026, 7, 15), "sale", "INV/2", 2500.33, 0),
                (D(2026, 8, 1), "payment", "BNK/1", 0, 1200.11),
            ],
        )
        figures = xlsx_figures(act_xlsx(act, LABELS))
        self.assertEqual(
            {
                label: tuple(
                    Decimal(str(v or 0)).quantize(Decimal("0.01")) for v in pair
                )
                for label, pair in figures.items()
            },
            {
                "Opening": (act.opening_debit, act.opening_credit),
                "Turnover": (act.debit_turnover, act.credit_turnover),
                "Closing": (act.closing_debit, act.closing_credit),
            },
        )
        sheet = openpyxl.load_workbook(io.BytesIO(act_xlsx(act, LABELS))).active
        self.assertEqual(sheet.cell(7, 2).value, "Sale (INV/2)")
        self.assertEqual(sheet.cell(7, 1).value.date(), D(2026, 7, 15))


class TestDebtKernel(BaseCase):
    def test_aging_boundaries(self):
        today = D(2026, 12, 2)
        expected = {
            0: "0_30",
            30: "0_30",
            31: "31_60",
            60: "31_60",
            61: "61_90",
            90: "61_90",
            91: "over_90",
            400: "over_90",
        }
        for days, bucket in expected.items():
            due = today - datetime.timedelta(days=days)
            self.assertEqual(debt_report.days_overdue(due, today), days)
            self.assertEqual(
                debt_report.bucket_of(debt_report.days_overdue(due, today)),
                bucket,
                days,
            )
        # not due yet: 0 days overdue, first bucket
        self.assertEqual(
            debt_report.days_overdue(today + datetime.timedelta(days=5), today), 0
        )

    def test_report_totals_credit_left_and_xlsx(self):
        today = D(2026, 12, 2)
        report = debt_report.build_debt_report(
            "Buyer",
            today,
            "RUB",
            [
                ("INV/1", D(2026, 8, 1), D(2026, 8, 31), 12000, 12000),  # 93 days
                ("INV/2", D(2026, 11, 20), D(2026, 12, 20), 180000, 172200),  # not due
                ("BNK/9", D(2026, 11, 30), None, -5000, -5000),  # not allocated
                ("INV/0", D(2026, 1, 1), D(2026, 1, 1), 10, 0),  # paid
            ],
            credit_limit=300000,
        )
        self.assertEqual([item.reference for item in report.items], ["INV/1", "INV/2"])
        self.assertEqual(report.total, Decimal("179200.00"))
        # the unallocated 5 000 lowers the overdue first
        self.assertEqual(report.overdue, Decimal("7000.00"))
        self.assertEqual(report.buckets()["over_90"], Decimal("12000.00"))
        self.assertEqual(report.buckets()["0_30"], Decimal("172200.00"))
        self.assertEqual(report.credit_left, Decimal("120800.00"))
        labels = {
            key: key
            for key in (
                "title",
                "document",
                "date",
                "due_date",
                "amount",
                "residual",
                "days_overdue",
                "bucket",
                "total",
                "overdue",
                "unallocated",
                "credit_limit",
                "credit_left",
            )
        }
        labels["buckets"] = {key: key for key, _a, _b in debt_report.BUCKETS}
        sheet = openpyxl.load_workbook(io.BytesIO(debt_xlsx(report, labels))).active
        values = {
            row[0].value: row[4].value
            for row in sheet.iter_rows(min_row=4)
            if row[0].value
        }
        self.assertEqual(values["total"], 179200.0)
        self.assertEqual(values["overdue"], 7000.0)
        self.assertEqual(values["credit_left"], 120800.0)
        self.assertEqual(values["INV/1"], 12000.0)
