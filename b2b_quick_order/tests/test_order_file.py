import io
import time
import zipfile

import openpyxl
import xlwt

from odoo.tests.common import BaseCase

from ..tools.order_file import (
    MAX_FILE_BYTES,
    OLE_MAGIC,
    find_columns,
    read_order_file,
    sniff_delimiter,
)
from ..tools.order_text import MAX_LINES, Issue, Row


def xlsx_bytes(rows, merged=(), patch=None):
    """An XLSX built with openpyxl; ``patch(sheet_xml) -> sheet_xml`` edits
    the first sheet's XML (cached formula values, a lying dimension)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    if not patch:
        return buffer.getvalue()
    source = zipfile.ZipFile(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                content = patch(content)
            target.writestr(name, content)
    return out.getvalue()


def xls_bytes(rows):
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Order")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes(members, big_member=None, big_size=0):
    """A zip with small ``members`` and one member of ``big_size`` zeros,
    written by chunks (never held in memory)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
        if big_member:
            with archive.open(big_member, "w", force_zip64=True) as member:
                chunk = bytes(1024 * 1024)
                for _i in range(big_size // len(chunk)):
                    member.write(chunk)
    return buffer.getvalue()


WORKBOOK_PARTS = {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}


class TestOrderFile(BaseCase):
    """Uploaded order files, without a database."""

    def assertRefused(self, result, code):
        self.assertEqual(result.rows, [])
        self.assertEqual(result.errors, [Issue(0, code)])

    def keys(self, result):
        self.assertEqual(result.errors, [])
        return [(row.key, row.qty) for row in result.rows]

    # CSV

    def test_csv_utf8_comma(self):
        data = "SKU,Qty,Comment\nA-1,3,\nБ-2,4,срочно\n".encode()
        result = read_order_file("order.csv", data)
        self.assertEqual(
            result.rows, [Row(2, "A-1", 3, None, ""), Row(3, "Б-2", 4, None, "срочно")]
        )
        self.assertEqual(result.notes, [Issue(1, "header_skipped")])

    def test_csv_utf8_sig(self):
        data = "\ufeffАртикул;Количество\nA-1;2\n".encode()
        result = read_order_file("order.csv", data)
        self.assertEqual(result.rows, [Row(2, "A-1", 2, None, "")])
        self.assertEqual(result.notes, [Issue(1, "header_skipped")])

    def test_csv_cp1251_russian_header(self):
        data = "Наименование;Артикул;Кол-во;Ед. изм.\nБолт;Б-8;12,5;шт\n".encode(
            "cp1251"
        )
        result = read_order_file("ЗАКАЗ.CSV", data)
        self.assertEqual(result.rows, [Row(2, "Б-8", 12.5, "pcs", "")])

    def test_csv_semicolon_and_tab(self):
        for delimiter in (";", "\t", "|"):
            with self.subTest(delimiter=repr(delimiter)):
                data = (
                    delimiter.join(["A-1", "5"]).encode()
                    + b"\r\nB 2"
                    + (delimiter + "7,5").encode()
                )
                self.assertEqual(
                    self.keys(read_order_file("o.csv", data)),
                    [("A-1", 5), ("B 2", 7.5)],
                )

    def test_csv_comma_decimal_quoted_or_not(self):
        data = b'SKU,Qty\nA,"12,5"\nB,3,5\nC,4\n'
        self.assertEqual(
            self.keys(read_order_file("o.csv", data)),
            [("A", 12.5), ("B", 3.5), ("C", 4)],
        )

    def test_csv_without_header_guesses_columns(self):
        data = "Болт М8;шт;10\nГайка М8;шт;20\nШайба;шт;\n".encode()
        result = read_order_file("o.csv", data)
        self.assertEqual(
            [(row.key, row.qty) for row in result.rows],
            [("Болт М8", 10), ("Гайка М8", 20), ("Шайба", 1)],
        )
        self.assertEqual(result.notes, [Issue(3, "qty_defaulted", "Шайба")])

    def test_csv_single_column_or_spaces(self):
        self.assertEqual(
            self.keys(read_order_file("o.txt", b"A-1 3\nB-2\n")),
            [("A-1", 3), ("B-2", 1)],
        )

    def test_csv_duplicates_merged_and_errors(self):
        data = b"sku;qty\nA;1\nb;2\na ;3\nB;x\n"
        result = read_order_file("o.csv", data)
        self.assertEqual(
            result.rows, [Row(2, "A", 4, None, ""), Row(3, "b", 2, None, "")]
        )
        self.assertIn(Issue(2, "merged", (2, 4)), result.notes)
        self.assertEqual(result.errors, [Issue(5, "bad_quantity", "x")])

    def test_csv_binary_content_refused(self):
        self.assertRefused(read_order_file("o.csv", b"%PDF-1.4\n..."), "wrong_format")
        self.assertRefused(read_order_file("o.csv", b"A\x00B\x00"), "wrong_format")

    def test_sniff_delimiter(self):
        self.assertEqual(sniff_delimiter(["A;12,5", "B;1"]), ";")
        self.assertEqual(sniff_delimiter(["A\t12,5", "B\t1"]), "\t")
        self.assertEqual(sniff_delimiter(["A,1", "B,2"]), ",")
        self.assertIsNone(sniff_delimiter(["A 1", "B"]))

    # XLSX

    def test_xlsx_formula_and_merged_header(self):
        rows = [
            ["Заказ поставщику"],
            ["Артикул", "Количество", None, "Комментарий"],
            ["A-1", 2, None, "до пятницы"],
            ["A-2", "=2*3"],
            [12345678, "5 шт"],
            [None, None],
            ["A-1", 1.5],
        ]
        data = xlsx_bytes(
            rows,
            merged=["A1:D1", "B2:C2"],
            patch=lambda xml: xml.replace(b"<f>2*3</f><v></v>", b"<f>2*3</f><v>6</v>"),
        )
        result = read_order_file("order.xlsx", data)
        self.assertEqual(
            result.rows,
            [
                Row(3, "A-1", 3.5, None, "до пятницы"),
                Row(4, "A-2", 6, None, ""),
                Row(5, "12345678", 5, "pcs", ""),
            ],
        )
        self.assertEqual(result.errors, [])
        # the title above the header is named, not dropped unsaid
        self.assertEqual(
            result.notes,
            [
                Issue(1, "title_skipped"),
                Issue(2, "header_skipped"),
                Issue(3, "merged", (3, 7)),
            ],
        )

    def test_xlsx_without_header(self):
        data = xlsx_bytes([["A-1", "Болт", 4], ["A-2", "Гайка", 2.5]])
        self.assertEqual(
            self.keys(read_order_file("o.xlsx", data)), [("A-1", 4), ("A-2", 2.5)]
        )

    def test_xlsx_barcode_column(self):
        data = xlsx_bytes([["Штрихкод", "Кол-во"], [4600000000017, 3]])
        self.assertEqual(
            self.keys(read_order_file("o.xlsx", data)), [("4600000000017", 3)]
        )

    def test_fake_xlsx_text(self):
        data = b"SKU;Qty\nA;1\n"
        self.assertRefused(read_order_file("order.xlsx", data), "wrong_format")

    def test_xlsx_plain_zip_refused(self):
        data = zip_bytes({"readme.txt": "hello"})
        self.assertRefused(read_order_file("order.xlsx", data), "wrong_format")

    def test_broken_workbook_refused(self):
        data = zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<"})
        self.assertRefused(read_order_file("order.xlsx", data), "wrong_format")
        data = xlsx_bytes(
            [["SKU", "Qty"], ["A", 1]],
            patch=lambda xml: xml.replace(b"<sheetData>", b"<sheetData><row><c r="),
        )
        self.assertRefused(read_order_file("order.xlsx", data), "wrong_format")

    def test_xlsx_named_xls_refused(self):
        data = xlsx_bytes([["A", 1]])
        self.assertRefused(read_order_file("order.xls", data), "wrong_format")

    def test_zip_bomb_ratio(self):
        data = zip_bytes(WORKBOOK_PARTS, "xl/worksheets/sheet1.xml", 4 * 1024 * 1024)
        start = time.perf_counter()
        self.assertRefused(read_order_file("bomb.xlsx", data), "archive_bomb")
        self.assertLess(time.perf_counter() - start, 2)

    def test_zip_bomb_total_size(self):
        data = zip_bytes(WORKBOOK_PARTS, "xl/worksheets/sheet1.xml", 101 * 1024 * 1024)
        self.assertLess(len(data), MAX_FILE_BYTES)
        start = time.perf_counter()
        self.assertRefused(read_order_file("bomb.xlsx", data), "archive_bomb")
        self.assertLess(time.perf_counter() - start, 2)

    def test_xlsx_dimension_claims_too_many_rows(self):
        data = xlsx_bytes(
            [["SKU", "Qty", "Note"], ["A", 1, "x"]],
            patch=lambda xml: xml.replace(
                b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:C1000000"/>'
            ),
        )
        start = time.perf_counter()
        self.assertRefused(read_order_file("o.xlsx", data), "too_many_lines")
        self.assertLess(time.perf_counter() - start, 2)

    def test_xlsx_real_rows_over_the_limit(self):
        rows = [[f"S{n}", 1] for n in range(MAX_LINES + 1)]
        data = xlsx_bytes(rows, patch=lambda xml: xml.replace(b"<dimension", b"<x"))
        result = read_order_file("o.xlsx", data)
        self.assertEqual(result.rows, [])
        self.assertEqual([e.code for e in result.errors], ["too_many_lines"])

    def test_encrypted_workbook(self):
        data = OLE_MAGIC + bytes(500) + "EncryptedPackage".encode("utf-16-le")
        self.assertRefused(read_order_file("secret.xlsx", data), "encrypted")
        self.assertRefused(read_order_file("secret.xls", data), "encrypted")

    def test_ole_file_named_xlsx(self):
        data = xls_bytes([["A", 1]])
        self.assertRefused(read_order_file("o.xlsx", data), "wrong_format")

    # XLS

    def test_xls(self):
        data = xls_bytes(
            [
                ["Код", "Кол-во", "Ед"],
                ["A-1", 3, "кор"],
                [777, 2.5, None],
                ["a-1", 1, "box"],
            ]
        )
        result = read_order_file("order.XLS", data)
        self.assertEqual(
            result.rows, [Row(2, "A-1", 4, "box", ""), Row(3, "777", 2.5, None, "")]
        )
        self.assertIn(Issue(2, "merged", (2, 4)), result.notes)

    def test_xls_without_header(self):
        data = xls_bytes([["A-1", 3], ["A-2", "4,5"]])
        self.assertEqual(
            self.keys(read_order_file("o.xls", data)), [("A-1", 3), ("A-2", 4.5)]
        )

    def test_pdf_named_xls(self):
        data = b"%PDF-1.7\n1 0 obj << >> endobj\n"
        self.assertRefused(read_order_file("order.xls", data), "wrong_format")

    def test_broken_ole_named_xls(self):
        data = OLE_MAGIC + bytes(1000)
        self.assertRefused(read_order_file("order.xls", data), "wrong_format")

    # any file

    def test_empty_file(self):
        for name in ("o.csv", "o.xlsx", "o.xls"):
            with self.subTest(name=name):
                self.assertRefused(read_order_file(name, b""), "empty")

    def test_file_too_large(self):
        data = b"A;1\n" * (MAX_FILE_BYTES // 4 + 1)
        self.assertRefused(read_order_file("o.csv", data), "file_too_large")

    def test_unsupported_format(self):
        for name in ("order.pdf", "order", "order.docx", None):
            with self.subTest(name=name):
                self.assertRefused(read_order_file(name, b"A;1"), "unsupported_format")

    def test_find_columns(self):
        self.assertEqual(
            find_columns(["№", "Наименование", "Артикул", "Кол-во, шт", "Примечание"]),
            {"key": 2, "qty": 3, "comment": 4},
        )
        self.assertEqual(
            find_columns(["Штрих-код", "Артикул", None, "Кол-во", "Ед. изм."]),
            {"key": 1, "barcode": 0, "qty": 3, "unit": 4},
        )
        self.assertIsNone(find_columns(["A-1", 3]))


class TestOrderFileNothingLost(BaseCase):
    """Every non-blank line of a file is a row, an error or a named note."""

    SKIPPED = ("header_skipped", "title_skipped", "example_skipped")

    def accounted(self, result):
        lines = {row.line_no for row in result.rows}
        lines |= {issue.line_no for issue in result.errors}
        lines |= {n.line_no for n in result.notes if n.code in self.SKIPPED}
        for note in result.notes:
            if note.code == "merged":
                lines |= set(note.detail)
        return lines

    def test_txt_with_a_header_on_line_8(self):
        lines = [f"ANC-0200{n};{n}" for n in range(1, 8)]
        data = "\n".join([*lines, "Артикул;Кол-во", "ANC-02009;9", ""]).encode()
        result = read_order_file("order.txt", data)
        self.assertEqual(
            [(row.line_no, row.key, row.qty) for row in result.rows],
            [(n, f"ANC-0200{n}", n) for n in range(1, 8)] + [(9, "ANC-02009", 9)],
        )
        self.assertEqual(result.errors, [])
        self.assertEqual(result.notes, [Issue(8, "header_skipped")])
        self.assertEqual(self.accounted(result), set(range(1, 10)))

    def test_order_lines_with_errors_above_a_header_are_reported(self):
        data = b"A-1;2\nA-2;0\n\nSKU;Qty\nA-3;1\n"
        result = read_order_file("order.txt", data)
        self.assertEqual([row.key for row in result.rows], ["A-1", "A-3"])
        self.assertEqual(result.errors, [Issue(2, "not_positive", "0")])
        self.assertEqual(self.accounted(result), {1, 2, 4, 5})

    def test_title_rows_above_a_header_are_named(self):
        data = (
            "Заказ ООО «Ромашка»\nот 01.12.2026;менеджер Иванов\n"
            "Артикул;Кол-во\nA-1;3\n"
        ).encode()
        result = read_order_file("order.csv", data)
        self.assertEqual(result.rows, [Row(4, "A-1", 3, None, "")])
        self.assertEqual(
            result.notes,
            [
                Issue(1, "title_skipped"),
                Issue(2, "title_skipped"),
                Issue(3, "header_skipped"),
            ],
        )
        self.assertEqual(self.accounted(result), {1, 2, 3, 4})

    def test_xlsx_title_above_the_header(self):
        data = xlsx_bytes([["Заказ №15"], [], ["Артикул", "Кол-во"], ["A-1", 2]])
        result = read_order_file("o.xlsx", data)
        self.assertEqual(result.rows, [Row(4, "A-1", 2, None, "")])
        self.assertEqual(
            result.notes, [Issue(1, "title_skipped"), Issue(3, "header_skipped")]
        )

    def test_a_row_with_a_quantity_is_no_header(self):
        # "SKU" and "code" are header words, but these rows hold quantities
        data = b"A-1;1\nSKU;5\ncode;2\n"
        result = read_order_file("order.txt", data)
        self.assertEqual([row.key for row in result.rows], ["A-1", "SKU", "code"])
        self.assertEqual(result.notes, [])

    # values in double quotes
    def test_csv_quoted_values(self):
        for data, expected in (
            (b'"ANC-02001";"4"\n', [("ANC-02001", 4)]),
            (b'"ANC-02002","1 500,5"\n', [("ANC-02002", 1500.5)]),
            ('"Артикул";"Кол-во"\n"ANC-02001"; "4"\n'.encode(), [("ANC-02001", 4)]),
            (
                '"Артикул","Кол-во"\n"ANC-02002","1 500,5"\n'.encode("cp1251"),
                [("ANC-02002", 1500.5)],
            ),
        ):
            with self.subTest(data=data):
                result = read_order_file("order.csv", data)
                self.assertEqual(result.errors, [])
                self.assertEqual([(r.key, r.qty) for r in result.rows], expected)

    # a decimal comma in a comma-separated file
    def test_decimal_comma_read_by_the_header(self):
        data = "Артикул,Кол-во,Ед.\nSKU,2,5,шт\nB,3,уп\n".encode()
        result = read_order_file("order.csv", data)
        self.assertEqual(result.errors, [])
        self.assertEqual(
            result.rows, [Row(2, "SKU", 2.5, "pcs", ""), Row(3, "B", 3, "pack", "")]
        )

    def test_columns_of_the_header_are_not_joined(self):
        # as many cells as header titles: 5 is the price, not a decimal
        data = "Артикул,Кол-во,Цена\nA,2,5\n".encode()
        result = read_order_file("order.csv", data)
        self.assertEqual(result.rows, [Row(2, "A", 2, None, "")])

    def test_decimal_comma_without_a_header_is_said(self):
        data = "SKU,2,5,шт\nB,1,шт\n".encode()
        result = read_order_file("order.csv", data)
        self.assertEqual(result.errors, [Issue(1, "decimal_comma", "2,5")])
        self.assertNotIn("unknown_unit", [e.code for e in result.errors])
        # what was read is kept for a fix in place
        self.assertEqual(result.raw[1], ("SKU", "2,5"))
        self.assertEqual([(r.key, r.qty) for r in result.rows], [("B", 1)])

    def test_unit_column_guessed_without_a_header(self):
        data = "A,2,шт\nB,3,кор\n".encode()
        self.assertEqual(
            [(r.key, r.qty, r.unit) for r in read_order_file("o.csv", data).rows],
            [("A", 2, "pcs"), ("B", 3, "box")],
        )

    def test_example_rows_of_a_file_skipped(self):
        data = "Артикул;Кол-во;Комментарий\nA;1;# пример — замените\nB;2;\n".encode()
        result = read_order_file("order.csv", data)
        self.assertEqual([row.key for row in result.rows], ["B"])
        self.assertIn(Issue(2, "example_skipped"), result.notes)
