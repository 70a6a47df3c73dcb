from odoo.tests.common import BaseCase

from ..tools.language import back_path, one_line
from ..tools.numbers import format_qty
from ..tools.plurals import choose_plural, plural_index

NBSP = "\u00a0"


class TestNumbers(BaseCase):
    def test_quantity_without_trailing_zeros(self):
        self.assertEqual(format_qty(12.0), "12")
        self.assertEqual(format_qty(500.0), "500")
        self.assertEqual(format_qty(2.5, ","), "2,5")
        self.assertEqual(format_qty(0.125, ","), "0,125")
        self.assertEqual(format_qty(1.0004, ","), "1")
        self.assertEqual(format_qty(0), "0")
        self.assertEqual(format_qty(None), "0")
        self.assertEqual(format_qty(-0.0001), "0")
        self.assertEqual(format_qty(-2.5, ","), "-2,5")
        self.assertEqual(format_qty("3"), "3")  # a count from a URL

    def test_thousands(self):
        self.assertEqual(format_qty(1200, ",", NBSP), f"1{NBSP}200")
        self.assertEqual(format_qty(1234567.5, ",", NBSP), f"1{NBSP}234{NBSP}567,5")
        self.assertEqual(format_qty(1234567.5, ".", ","), "1,234,567.5")
        self.assertEqual(format_qty(999, ",", NBSP), "999")
        self.assertEqual(format_qty(1200, ",", ""), "1200")
        # Indian grouping: 3, then 2 repeated
        self.assertEqual(format_qty(12345678, ".", ",", (3, 2, 0)), "1,23,45,678")
        self.assertEqual(format_qty(12345678, ".", ",", (3, -1)), "12345,678")
        self.assertEqual(format_qty(12345678, ".", ",", ()), "12345678")

    def test_russian_plural(self):
        forms = "строка|строки|строк"
        expected = {
            1: "строка",
            21: "строка",
            101: "строка",
            2: "строки",
            4: "строки",
            22: "строки",
            5: "строк",
            11: "строк",
            12: "строк",
            13: "строк",
            14: "строк",
            111: "строк",
            0: "строк",
            2.5: "строки",
        }
        for count, form in expected.items():
            with self.subTest(count=count):
                self.assertEqual(choose_plural(forms, count, "ru_RU"), form)

    def test_english_plural(self):
        self.assertEqual(choose_plural("line|lines", 1, "en_US"), "line")
        self.assertEqual(choose_plural("line|lines", 13, "en_US"), "lines")
        self.assertEqual(choose_plural("line|lines", 0, "en_US"), "lines")
        self.assertEqual(choose_plural(["line", "lines"], 21, "en_US"), "lines")
        # an untranslated (English) pair in Russian: the last form stands
        self.assertEqual(choose_plural("line|lines", 3, "ru_RU"), "lines")
        self.assertEqual(plural_index(5, 2, None), 1)
        self.assertEqual(plural_index("3", 3, "ru_RU"), 1)

    def test_back_path(self):
        codes = ["ru", "en"]
        self.assertEqual(back_path("/my/orders?page=2", codes), "/my/orders?page=2")
        self.assertEqual(back_path("/ru/my/b2b", codes), "/my/b2b")
        self.assertEqual(back_path("/en", codes), "/")
        for bad in (
            "",
            None,
            "//evil.example/x",
            "https://evil.example/my/orders",
            "my",
            "/\\evil",
        ):
            with self.subTest(target=bad):
                self.assertEqual(back_path(bad, codes), "/my")

    def test_one_line(self):
        self.assertEqual(
            one_line("ул. Ленина, 1\n\nМосква   101000\n  \nРоссия"),
            "ул. Ленина, 1, Москва 101000, Россия",
        )
        self.assertEqual(one_line("\n , \n"), "")
        self.assertEqual(one_line(None), "")
