from odoo.tests.common import BaseCase

from odoo.addons.b2b_portal.tools import quantities

from ..tools.order_text import (
    MAX_LINES,
    MAX_QUANTITY,
    Issue,
    Row,
    line_ranges,
    parse_order_text,
    parse_qty,
)


class TestOrderText(BaseCase):
    """Pasted order lines, without a database."""

    def rows(self, text):
        result = parse_order_text(text)
        self.assertEqual(result.errors, [])
        return [(row.key, row.qty, row.unit) for row in result.rows]

    def codes(self, result, kind="errors"):
        return [(issue.line_no, issue.code) for issue in getattr(result, kind)]

    def test_separators(self):
        for text in (
            "A-1;12",
            "A-1,12",
            "A-1\t12",
            "A-1|12",
            "A-1    12",
            "A-1 12",
            " A-1 ; 12 ",
        ):
            with self.subTest(text=text):
                self.assertEqual(self.rows(text), [("A-1", 12, None)])

    def test_separator_detected_per_line(self):
        text = "A;1\nB,2\nC\t3\nD|4\nE  5\nF 6"
        self.assertEqual(
            self.rows(text),
            [("A", 1, None), ("B", 2, None), ("C", 3, None), ("D", 4, None)]
            + [("E", 5, None), ("F", 6, None)],
        )

    def test_sku_with_single_spaces(self):
        self.assertEqual(self.rows("Болт М8 100 12"), [("Болт М8 100", 12, None)])
        self.assertEqual(self.rows("Болт М8 100;12"), [("Болт М8 100", 12, None)])
        self.assertEqual(self.rows("AB 12 шт"), [("AB", 12, "pcs")])

    def test_decimal_comma(self):
        self.assertEqual(self.rows("A;12,5"), [("A", 12.5, None)])
        self.assertEqual(self.rows("A\t0,25"), [("A", 0.25, None)])
        self.assertEqual(self.rows("A;12.5"), [("A", 12.5, None)])
        self.assertEqual(self.rows("A;1 200"), [("A", 1200, None)])

    def test_comma_separator_with_decimal_comma(self):
        self.assertEqual(self.rows("SKU-1,12,5"), [("SKU-1", 12.5, None)])
        self.assertEqual(self.rows("SKU-1,12,5 кор"), [("SKU-1", 12.5, "box")])
        result = parse_order_text("SKU-1,12, urgent")
        self.assertEqual(result.rows, [Row(1, "SKU-1", 12, None, "urgent")])

    def test_unit_words(self):
        cases = {
            "A;12 шт": "pcs",
            "A;12шт.": "pcs",
            "A;12 pcs": "pcs",
            "A;2 кор": "box",
            "A;2 box": "box",
            "A;3 упак": "pack",
            "A;3 pack": "pack",
            "A;1 палл": "pallet",
            "A;1 pallet": "pallet",
            "A;1;шт": "pcs",
            "A;12": None,
        }
        for text, unit in cases.items():
            with self.subTest(text=text):
                self.assertEqual(parse_order_text(text).rows[0].unit, unit)

    def test_unknown_unit(self):
        result = parse_order_text("A;3 кг")
        self.assertEqual(result.rows, [])
        self.assertEqual(result.errors, [Issue(1, "unknown_unit", "3 кг")])

    def test_comment_column(self):
        result = parse_order_text("A;2;кор;до пятницы\nB;1;срочно")
        self.assertEqual(
            result.rows,
            [Row(1, "A", 2, "box", "до пятницы"), Row(2, "B", 1, None, "срочно")],
        )

    def test_headers_skipped(self):
        for header in (
            "Артикул; Кол-во",
            "SKU, Qty",
            "Код;Количество",
            "SKU\tQuantity\tUnit\tComment",
            "sku qty",
            "Штрихкод | Кол-во",
        ):
            with self.subTest(header=header):
                result = parse_order_text(f"{header}\nA-1;3")
                self.assertEqual(result.rows, [Row(2, "A-1", 3, None, "")])
                self.assertEqual(self.codes(result, "notes"), [(1, "header_skipped")])

    def test_header_only_on_first_line(self):
        result = parse_order_text("A-1;3\nSKU;Qty")
        self.assertEqual(self.codes(result), [(2, "bad_quantity")])

    def test_data_line_is_not_a_header(self):
        result = parse_order_text("Код-1;2")
        self.assertEqual(result.rows, [Row(1, "Код-1", 2, None, "")])
        self.assertEqual(result.notes, [])

    def test_blank_lines_and_bom(self):
        result = parse_order_text("\ufeffA;1\n\n   \r\nB;2\r\n\n")
        self.assertEqual(
            [(row.line_no, row.key) for row in result.rows], [(1, "A"), (4, "B")]
        )
        self.assertEqual(result.errors, [])

    def test_bom_before_header(self):
        result = parse_order_text("\ufeffАртикул;Кол-во\nA;1")
        self.assertEqual(self.codes(result, "notes"), [(1, "header_skipped")])
        self.assertEqual(len(result.rows), 1)

    def test_sku_alone_defaults_to_one(self):
        result = parse_order_text("A-1\n12345\nA-2;")
        self.assertEqual(
            [(row.key, row.qty) for row in result.rows][:2],
            [
                ("A-1", 1),
                ("12345", 1),
            ],
        )
        self.assertEqual(
            result.notes,
            [
                Issue(1, "qty_defaulted", "A-1"),
                Issue(2, "qty_defaulted", "12345"),
                Issue(3, "qty_defaulted", "A-2"),
            ],
        )

    def test_duplicates_merged(self):
        result = parse_order_text("a-1;2\nB;1\n A-1 ;3,5\nA-1\tx\na-1;1;note")
        self.assertEqual(
            result.rows,
            [Row(1, "a-1", 6.5, None, "note"), Row(2, "B", 1, None, "")],
        )
        self.assertIn(Issue(1, "merged", (1, 3, 5)), result.notes)
        self.assertEqual(self.codes(result), [(4, "bad_quantity")])

    def test_duplicates_with_other_units_kept_apart(self):
        result = parse_order_text("A;2 кор\nA;5 шт\nA;1 кор")
        self.assertEqual(
            [(row.key, row.qty, row.unit) for row in result.rows],
            [("A", 3, "box"), ("A", 5, "pcs")],
        )
        self.assertEqual(result.notes, [Issue(1, "merged", (1, 3))])

    def test_merged_total_too_large(self):
        result = parse_order_text(f"A;{MAX_QUANTITY}\nA;1")
        self.assertEqual(result.rows, [])
        self.assertEqual(self.codes(result), [(1, "too_large")])

    def test_quantity_errors(self):
        cases = {
            "A;abc": "bad_quantity",
            "A;12.5.1": "bad_quantity",
            "A;nan": "bad_quantity",
            "A;1e5": "bad_quantity",
            "A;0": "not_positive",
            "A;-3": "not_positive",
            "A;0,0": "not_positive",
            f"A;{MAX_QUANTITY + 1}": "too_large",
            "A;1 000 001": "too_large",
        }
        for text, code in cases.items():
            with self.subTest(text=text):
                result = parse_order_text(text)
                self.assertEqual(result.rows, [])
                self.assertEqual(self.codes(result), [(1, code)])

    def test_quantity_limit_accepted(self):
        self.assertEqual(self.rows(f"A;{MAX_QUANTITY}"), [("A", MAX_QUANTITY, None)])

    def test_missing_key(self):
        result = parse_order_text(";12\nB;1\n\t5")
        self.assertEqual(self.codes(result), [(1, "missing_key"), (3, "missing_key")])
        self.assertEqual([row.key for row in result.rows], ["B"])

    def test_errors_keep_the_good_lines(self):
        result = parse_order_text("A;1\nB;zero\nC;3")
        self.assertEqual([row.key for row in result.rows], ["A", "C"])
        self.assertEqual(result.errors, [Issue(2, "bad_quantity", "zero")])
        # what was typed on the refused line is kept, for a fix in place
        self.assertEqual(result.raw, {2: ("B", "zero")})

    def test_too_many_lines(self):
        lines = "\n".join(f"SKU-{n};1" for n in range(MAX_LINES))
        self.assertEqual(len(parse_order_text(lines).rows), MAX_LINES)
        result = parse_order_text("SKU;Qty\n" + lines + "\nONE-MORE;1")
        self.assertEqual(result.rows, [])
        self.assertEqual(self.codes(result), [(MAX_LINES + 2, "too_many_lines")])

    def test_empty_text(self):
        for text in ("", None, "\n \n\ufeff"):
            with self.subTest(text=text):
                result = parse_order_text(text)
                self.assertEqual((result.rows, result.errors), ([], []))

    def test_parse_qty_cells(self):
        self.assertEqual(parse_qty(12.0), (12, None, None))
        self.assertEqual(parse_qty(2.5), (2.5, None, None))
        self.assertEqual(parse_qty(True), (None, None, "bad_quantity"))
        self.assertEqual(parse_qty(float("inf")), (None, None, "bad_quantity"))
        self.assertEqual(parse_qty("1\u00a0200 шт"), (1200, "pcs", None))

    # values in double quotes, as spreadsheets copy them
    def test_quoted_values(self):
        cases = {
            '"ANC-02001";"4"': ("ANC-02001", 4, None),
            '"ANC-02002","1 500,5"': ("ANC-02002", 1500.5, None),
            '"ANC-02003"\t"2,5"\t"кор"': ("ANC-02003", 2.5, "box"),
            '"ANC-02004"; "7"': ("ANC-02004", 7, None),
            '"ANC; 5";3': ("ANC; 5", 3, None),
            '"Труба 1/2""";2': ('Труба 1/2"', 2, None),
            'Труба 1/2";2': ('Труба 1/2"', 2, None),
            '"ANC-02005" 6': ("ANC-02005", 6, None),
        }
        for text, row in cases.items():
            with self.subTest(text=text):
                self.assertEqual(self.rows(text), [row])

    def test_quoted_comma_is_no_decimal_comma(self):
        # the quotes say where the values are: "1" is the quantity
        result = parse_order_text('"A","1","5"')
        self.assertEqual(result.rows, [Row(1, "A", 1, None, "5")])

    def test_decimal_comma_and_unit_in_a_comma_separated_paste(self):
        self.assertEqual(self.rows("SKU,2,5,шт"), [("SKU", 2.5, "pcs")])

    def test_a_line_with_a_quantity_is_no_header(self):
        result = parse_order_text("SKU;2\nCODE;3")
        self.assertEqual(
            [(row.key, row.qty) for row in result.rows], [("SKU", 2), ("CODE", 3)]
        )
        self.assertEqual(result.notes, [])

    def test_example_rows_skipped(self):
        result = parse_order_text(
            "A;1\nB;1;# пример — замените своей строкой\nC;2;# Example"
        )
        self.assertEqual([row.key for row in result.rows], ["A"])
        self.assertEqual(
            self.codes(result, "notes"),
            [(2, "example_skipped"), (3, "example_skipped")],
        )

    def test_line_ranges(self):
        self.assertEqual(line_ranges([5, 1, 2, 3, 3, 9, 10]), "1–3, 5, 9–10")
        self.assertEqual(line_ranges([7]), "7")

    def test_one_maximum_for_the_suite(self):
        # the catalog, the carts and the quick order refuse the same quantity
        self.assertIs(MAX_QUANTITY, quantities.MAX_QUANTITY)
        self.assertEqual(
            quantities.parse_quantity(str(MAX_QUANTITY + 1)), (None, "too_large")
        )
