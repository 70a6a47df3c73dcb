import io

import openpyxl

from odoo.tests.common import BaseCase

from ..tools.order_file import read_order_file
from ..tools.order_template import (
    CODES_SHEET,
    HEADER,
    ORDER_SHEET,
    TemplateRow,
    TooManyRows,
    rows_to_csv,
    rows_to_xlsx,
)
from ..tools.order_text import MAX_LINES, Issue, Row

ROWS = [
    TemplateRow("DRL-100", "Дрель; ударная", 3, "pcs", "Наша-дрель", "срочно"),
    TemplateRow("SND-1", "Песок\tмешок", 12.5, "", "", ""),
    TemplateRow("4600000000017", "Коробка болтов", 2, "box", "", "на склад №2"),
    TemplateRow("AB 100", "Name, with comma", 1200, "pack"),
]
EXPECTED = [
    Row(2, "DRL-100", 3, "pcs", "срочно"),
    Row(3, "SND-1", 12.5, None, ""),
    Row(4, "4600000000017", 2, "box", "на склад №2"),
    Row(5, "AB 100", 1200, "pack", ""),
]


class TestOrderTemplate(BaseCase):
    """Rows written by order_template are read back by order_file."""

    def read_back(self, filename, data):
        result = read_order_file(filename, data)
        self.assertEqual(result.errors, [])
        self.assertEqual(result.notes, [Issue(1, "header_skipped")])
        return result.rows

    def test_xlsx_round_trip(self):
        self.assertEqual(self.read_back("order.xlsx", rows_to_xlsx(ROWS)), EXPECTED)

    def test_csv_round_trip(self):
        self.assertEqual(self.read_back("order.csv", rows_to_csv(ROWS)), EXPECTED)

    def test_csv_is_excel_russian(self):
        data = rows_to_csv(ROWS)
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM")
        lines = data[3:].decode("utf-8").split("\r\n")
        self.assertEqual(lines[0], ";".join(HEADER))
        self.assertEqual(lines[1], 'DRL-100;"Дрель; ударная";3;шт;Наша-дрель;срочно')
        self.assertEqual(lines[2], "SND-1;Песок мешок;12,5;;;", "decimal comma")

    def test_xlsx_header_numbers_and_sheets(self):
        codes = [("Наша-дрель", "DRL-100", "Дрель", "pcs")]
        workbook = openpyxl.load_workbook(io.BytesIO(rows_to_xlsx(ROWS, codes)))
        self.assertEqual(workbook.sheetnames, [ORDER_SHEET, CODES_SHEET])
        order = list(workbook[ORDER_SHEET].iter_rows(values_only=True))
        self.assertEqual(order[0], HEADER)
        self.assertEqual(order[2][2], 12.5, "quantities are numbers")
        self.assertEqual(
            list(workbook[CODES_SHEET].iter_rows(values_only=True))[1],
            ("Наша-дрель", "DRL-100", "Дрель", "шт"),
        )

    def test_codes_sheet_is_not_read_back(self):
        codes = [(f"C-{n}", f"SKU-{n}", "x", "pcs") for n in range(50)]
        rows = self.read_back("order.xlsx", rows_to_xlsx(ROWS[:1], codes))
        self.assertEqual(rows, EXPECTED[:1])

    def test_text_never_becomes_a_formula(self):
        rows = [TemplateRow("F-1", "=HYPERLINK(1)", 1, "pcs", "+7", "@me")]
        sheet = openpyxl.load_workbook(io.BytesIO(rows_to_xlsx(rows))).active
        cell = sheet["B2"]
        self.assertEqual((cell.value, cell.data_type), ("=HYPERLINK(1)", "s"))
        line = rows_to_csv(rows)[3:].decode("utf-8").split("\r\n")[1]
        self.assertEqual(line, "F-1;'=HYPERLINK(1);1;шт;'+7;'@me")

    def test_empty_quantity_stays_empty(self):
        rows = [TemplateRow("DRL-100", "Дрель", None, "pcs")]
        result = read_order_file("t.csv", rows_to_csv(rows))
        self.assertEqual(result.rows, [Row(2, "DRL-100", 1, "pcs", "")])
        self.assertEqual(result.notes[-1], Issue(2, "qty_defaulted", "DRL-100"))

    def test_large_file_round_trip(self):
        rows = [
            TemplateRow(f"BLK-{n:05d}", f"Item {n}", n + 1, "pcs")
            for n in range(MAX_LINES)
        ]
        result = read_order_file("big.xlsx", rows_to_xlsx(rows))
        self.assertEqual(len(result.rows), MAX_LINES)
        self.assertEqual(
            result.rows[-1], Row(MAX_LINES + 1, "BLK-09999", 10000, "pcs", "")
        )

    def test_too_many_rows(self):
        rows = [TemplateRow(f"S-{n}", "", 1, "pcs") for n in range(MAX_LINES + 1)]
        with self.assertRaises(TooManyRows):
            rows_to_csv(rows)
        with self.assertRaises(TooManyRows):
            rows_to_xlsx(rows[:1], [(r.sku, r.sku, "", "pcs") for r in rows])

    def test_example_rows_never_ordered(self):
        examples = [
            TemplateRow("DRL-100", "Дрель", 1, "pcs", "", "замените", example=True),
            TemplateRow("SND-1", "Песок", 1, "", "", "", example=True),
        ]
        for filename, data in (
            ("t.xlsx", rows_to_xlsx(examples + ROWS)),
            ("t.csv", rows_to_csv(examples + ROWS)),
        ):
            with self.subTest(filename=filename):
                result = read_order_file(filename, data)
                self.assertEqual(result.errors, [])
                # the other rows are read back unchanged, two lines further
                self.assertEqual(
                    result.rows,
                    [row._replace(line_no=row.line_no + 2) for row in EXPECTED],
                )
                self.assertEqual(
                    result.notes,
                    [
                        Issue(1, "header_skipped"),
                        Issue(2, "example_skipped"),
                        Issue(3, "example_skipped"),
                    ],
                )
        line = rows_to_csv(examples[:1])[3:].decode().split("\r\n")[1]
        self.assertEqual(line, "DRL-100;Дрель;1;шт;;# пример — замените")
