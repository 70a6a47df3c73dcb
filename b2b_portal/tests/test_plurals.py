from odoo.tests import tagged
from odoo.tests.common import BaseCase

from ..tools.plurals import choose_plural, format_plural, plural_index


@tagged("post_install", "-at_install")
class TestFormatPlural(BaseCase):
    def test_russian_three_forms(self):
        forms = {
            n: plural_index(n, 3, "ru_RU")
            for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 111)
        }
        self.assertEqual(
            forms,
            {1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 12: 2, 14: 2, 21: 0, 22: 1, 25: 2, 111: 2},
        )

    def test_english_two_forms_and_formatting(self):
        text = (
            "%(count)s line moved to “%(cart)s”.|%(count)s lines moved to “%(cart)s”."
        )
        self.assertEqual(format_plural(text, 1, cart="A"), "1 line moved to “A”.")
        self.assertEqual(format_plural(text, 3, cart="A"), "3 lines moved to “A”.")
        ru = "%(count)s строка|%(count)s строки|%(count)s строк"
        self.assertEqual(
            [format_plural(ru, n, "ru_RU") for n in (1, 3, 5)],
            ["1 строка", "3 строки", "5 строк"],
        )

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


class TestPlurals(BaseCase):
    RU = "товар|товара|товаров"

    def test_russian_forms(self):
        cases = {
            0: "товаров",
            1: "товар",
            2: "товара",
            4: "товара",
            5: "товаров",
            11: "товаров",
            12: "товаров",
            14: "товаров",
            21: "товар",
            22: "товара",
            25: "товаров",
            101: "товар",
            111: "товаров",
            1234: "товара",
        }
        for n, form in cases.items():
            with self.subTest(n=n):
                self.assertEqual(choose_plural(self.RU, n, "ru_RU"), form)

    def test_english_and_untranslated(self):
        self.assertEqual(choose_plural("product|products", 1, "en_US"), "product")
        self.assertEqual(choose_plural("product|products", 21, "en_US"), "products")
        self.assertEqual(choose_plural("product|products", 0, "en_US"), "products")
        # a Russian page with the English text still reads correctly
        self.assertEqual(choose_plural("product|products", 21, "ru_RU"), "products")
        self.assertEqual(choose_plural("product|products", 1, "ru_RU"), "product")
        self.assertEqual(choose_plural("товар", 5, "ru_RU"), "товар")
        self.assertEqual(plural_index(3, 3, None), 1)
