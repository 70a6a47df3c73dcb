import io
import zipfile

import openpyxl

from odoo.tests.common import BaseCase

from ..tools.order_file import read_order_file
from ..tools.order_text import Row
from ..tools.xlsx_sheet import column_index, sheet_rows

SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>{rows}</sheetData></worksheet>"
)
WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Заказ" sheetId="1" r:id="rId7"/></sheets></workbook>'
)
RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId7" Type="worksheet" Target="{target}"/>'
    "</Relationships>"
)


def workbook(rows, strings=None, target="worksheets/order.xml", doctype=""):
    """An XLSX written by hand, as other programs than Excel write them:
    the first sheet named by the workbook's relationships (not
    sheet1.xml), shared strings optional."""
    buffer = io.BytesIO()
    path = "xl/" + target if not target.startswith("/") else target[1:]
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", RELS.format(target=target))
        archive.writestr(path, SHEET.format(rows=rows))
        if strings is not None:
            archive.writestr(
                "xl/sharedStrings.xml",
                f'{doctype}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                f'main">{strings}</sst>',
            )
    return buffer.getvalue()


class TestXlsxSheet(BaseCase):
    def test_as_openpyxl_reads_what_it_wrote(self):
        book = openpyxl.Workbook()
        sheet = book.active
        rows = [
            ["Артикул", "Кол-во", "Ед.", "Комментарий"],
            ["A-1", 2, "шт", None],
            [4600000000017, 2.5, None, "до пятницы"],
            [None, None, None, None],
            ["A-3", True, None, "=1+1"],
            ["Болт M8×40", -3, "уп", "  пробелы  "],
        ]
        for row in rows:
            sheet.append(row)
        sheet["F9"] = "дальше"
        buffer = io.BytesIO()
        book.save(buffer)
        data = buffer.getvalue()
        theirs = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True
        )
        expected = [
            [cell for cell in row]
            for row in theirs.worksheets[0].iter_rows(values_only=True)
        ]
        ours = dict(sheet_rows(data))
        for number, cells in ours.items():
            width = len(expected[number - 1])
            self.assertEqual(
                cells + [None] * (width - len(cells)), list(expected[number - 1])
            )
        # the rows as Excel numbers them (openpyxl wrote row 4, empty);
        # rows the sheet does not hold are absent
        self.assertEqual(sorted(ours), [1, 2, 3, 4, 5, 6, 9])
        self.assertEqual(ours[4], [])
        self.assertEqual(ours[9], [None] * 5 + ["дальше"])

    def test_shared_inline_rich_and_phonetic_strings(self):
        strings = (
            "<si><t>SKU</t></si><si><t>Qty</t></si>"
            "<si><r><t>Болт </t></r><r><rPr><b/></rPr><t>M8</t></r></si>"
            "<si><t>漢字</t><rPh sb='0' eb='2'><t>かんじ</t></rPh></si>"
        )
        rows = (
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1.0</v></c>'
            '<c r="C2" t="s"><v>3</v></c></row>'
            '<row r="3"><c r="A3" t="inlineStr"><is><t>A-9</t></is></c>'
            '<c r="B3"><v>2.50</v></c><c r="C3" t="e"><v>#N/A</v></c>'
            '<c r="D3" t="str"><f>A3</f><v>A-9</v></c><c r="E3" t="b"><v>0</v></c>'
            '<c r="F3"><v>1E3</v></c></row>'
        )
        self.assertEqual(
            list(sheet_rows(workbook(rows, strings))),
            [
                (1, ["SKU", "Qty"]),
                (2, ["Болт M8", 1, "漢字"]),
                (3, ["A-9", 2.5, "#N/A", "A-9", False, 1000.0]),
            ],
        )

    def test_cells_without_references_and_an_absolute_target(self):
        rows = "<row><c><v>7</v></c><c t='inlineStr'><is><t>x</t></is></c></row>"
        rows += "<row><c r='C2'><v>1</v></c></row>"
        data = workbook(rows, target="/xl/worksheets/sheet.xml")
        self.assertEqual(list(sheet_rows(data)), [(1, [7, "x"]), (2, [None, None, 1])])

    def test_malformed_sheets_are_errors(self):
        for rows in (
            "<row r='1'><c r='1A'><v>1</v></c></row>",  # no such reference
            "<row r='1'><c r='B1'><v>1</v></c><c r='A1'><v>2</v></c></row>",
            "<row r='1'><c r='XFE1'><v>1</v></c></row>",  # past Excel's last column
            "<row r='1'><c r='A1'><v>one</v></c></row>",  # no number
            "<row r='1'><c r='A1' t='s'><v>5</v></c></row>",  # no such string
        ):
            with self.assertRaises((ValueError, IndexError), msg=rows):
                list(sheet_rows(workbook(rows, "<si><t>a</t></si>")))
        # and read_order_file refuses such a file, whole
        rows = "<row r='1'><c r='A1'><v>A-1</v></c><c r='B1'><v>1</v></c></row>"
        result = read_order_file("o.xlsx", workbook(rows))
        self.assertEqual(result.rows, [])
        self.assertEqual(result.errors[0].code, "wrong_format")

    def test_entities_are_never_expanded(self):
        data = workbook(
            "<row r='1'><c r='A1' t='s'><v>0</v></c></row>",
            "<si><t>&lol;</t></si>",
            doctype='<!DOCTYPE sst [<!ENTITY lol "lollollollollol">]>',
        )
        try:
            cells = list(sheet_rows(data))
        except SyntaxError:
            return  # refused: as good
        self.assertNotIn("lollollollollol", str(cells))

    def test_order_lines_keep_the_sheet_row_numbers(self):
        rows = (
            "<row r='3'><c r='A3' t='inlineStr'><is><t>Артикул</t></is></c>"
            "<c r='B3' t='inlineStr'><is><t>Количество</t></is></c></row>"
            "<row r='4'><c r='A4' t='inlineStr'><is><t>A-1</t></is></c>"
            "<c r='B4'><v>2</v></c></row>"
            "<row r='7'><c r='A7' t='inlineStr'><is><t>A-2</t></is></c>"
            "<c r='B7'><v>1.5</v></c></row>"
        )
        result = read_order_file("o.xlsx", workbook(rows))
        self.assertEqual(
            result.rows, [Row(4, "A-1", 2, None, ""), Row(7, "A-2", 1.5, None, "")]
        )

    def test_column_index(self):
        self.assertEqual(
            [column_index(c) for c in ("A", "Z", "AA", "XFD")], [0, 25, 26, 16383]
        )
