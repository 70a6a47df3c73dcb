from odoo.tests import tagged
from odoo.tests.common import BaseCase

from ..tools.plurals import format_plural, plural_index


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
