from odoo.tests.common import BaseCase

from ..tools.quantities import (
    MAX_QUANTITY,
    check_quantity,
    parse_quantity,
    quantity_inputs,
    to_number,
)


class TestQuantities(BaseCase):
    def test_accepted(self):
        self.assertEqual(parse_quantity("12"), (12, None))
        self.assertEqual(parse_quantity(" 1 200 "), (1200, None))
        self.assertEqual(parse_quantity("12,5", whole=False), (12.5, None))
        self.assertEqual(parse_quantity("0.25", whole=False), (0.25, None))
        self.assertEqual(parse_quantity("10,0"), (10, None))

    def test_empty_means_not_filled(self):
        self.assertEqual(parse_quantity(""), (0, None))
        self.assertEqual(parse_quantity("   "), (0, None))
        self.assertEqual(parse_quantity(None), (0, None))

    def test_refused(self):
        cases = {
            "abc": "not_a_number",
            "1e12": "too_large",
            "nan": "not_a_number",
            "12 шт": "not_a_number",
            "0": "not_positive",
            "-3": "not_positive",
            "12,5": "not_whole",
            str(MAX_QUANTITY + 1): "too_large",
        }
        for text, code in cases.items():
            with self.subTest(text=text):
                self.assertEqual(parse_quantity(text), (None, code))

    def test_number_kernel(self):
        self.assertEqual(to_number("1\u00a0200,5"), 1200.5)
        self.assertEqual(to_number(" 12 "), 12.0)
        self.assertIsNone(to_number("12 шт"))
        self.assertIsNone(to_number("inf"))
        self.assertIsNone(to_number(None))
        self.assertEqual(check_quantity(None), "not_a_number")
        self.assertEqual(check_quantity(0.5), "not_whole")
        self.assertIsNone(check_quantity(0.5, whole=False))
        self.assertIsNone(check_quantity(MAX_QUANTITY))
        self.assertEqual(check_quantity(MAX_QUANTITY + 1), "too_large")
        self.assertEqual(check_quantity(5, maximum=4), "too_large")

    def test_quantity_inputs(self):
        typed, unknown = quantity_inputs(
            [
                ("qty_12", "3"),
                ("remove_7", "1"),
                ("qty_x1", "2"),
                ("search", "болт"),
                ("qty", "9"),
                ("csrf_token", "t"),
            ],
            ("qty", "remove"),
        )
        self.assertEqual(typed, {("qty", 12): "3", ("remove", 7): "1"})
        self.assertEqual(unknown, ["qty_x1"])
        typed, unknown = quantity_inputs([("remove_7", "1"), ("qty_3", "")])
        self.assertEqual((typed, unknown), ({("qty", 3): ""}, []))
