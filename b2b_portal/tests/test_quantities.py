from odoo.tests.common import BaseCase

from ..tools.quantities import MAX_QUANTITY, parse_quantity


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
