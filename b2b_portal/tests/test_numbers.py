from odoo.tests.common import BaseCase

from ..tools.language import back_path, one_line
from ..tools.numbers import NumberFormat, format_amount, format_qty

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

    def test_amount_with_fixed_decimals(self):
        self.assertEqual(format_amount(197.05, 2, ","), "197,05")
        self.assertEqual(
            format_amount(1234567.5, 2, ",", NBSP), f"1{NBSP}234{NBSP}567,50"
        )
        self.assertEqual(format_amount(1234.5, 2, ".", ","), "1,234.50")
        self.assertEqual(format_amount(1234.5, 2, ",", " "), f"1{NBSP}234,50")
        self.assertEqual(format_amount(-3, 2, ","), "-\ufeff3,00")
        self.assertEqual(format_amount(-0.001, 2, ","), "0,00")
        self.assertEqual(format_amount(12.5, 0), "12")  # rounds half to even
        self.assertEqual(format_amount(None), "0.00")

    def test_money_as_the_monetary_widget(self):
        class Currency:
            decimal_places, symbol, position = 2, "₽", "after"

            def round(self, value):
                return round(value, 2)

        fmt = NumberFormat(",", NBSP, (3, 0))
        self.assertEqual(
            fmt.money(1197.054, Currency()),
            f'<span class="oe_currency_value">1{NBSP}197,05</span>{NBSP}₽',
        )
        dollar = Currency()
        dollar.symbol, dollar.position = "$", "before"
        self.assertEqual(
            NumberFormat().money(9.3, dollar),
            f'${NBSP}<span class="oe_currency_value">9.30</span>',
        )
        self.assertEqual(fmt.qty(1200.5), f"1{NBSP}200,5")
        self.assertEqual(fmt.qty(1200.5, grouping=False), "1200,5")
        self.assertEqual(fmt.amount(2.5), "2,50")

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
