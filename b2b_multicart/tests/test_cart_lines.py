from odoo.tests import tagged
from odoo.tests.common import BaseCase

from ..tools.cart_lines import check_version, merge_lines, money_formatter, split_lines


@tagged("post_install", "-at_install")
class TestCartLinesKernel(BaseCase):
    def test_merge_sums_duplicates_in_first_seen_order(self):
        merged, summed = merge_lines(
            [
                (("bolt", "pc"), 2),
                (("nut", "pc"), 1),
                (("bolt", "pc"), 3),
                (("bolt", "box"), 1),
            ]
        )
        self.assertEqual(
            [(m.key, m.qty, m.sources) for m in merged],
            [(("bolt", "pc"), 5, 2), (("nut", "pc"), 1, 1), (("bolt", "box"), 1, 1)],
        )
        self.assertEqual(summed, 1)
        self.assertEqual(merge_lines([]), ([], 0))

    def test_split_takes_free_stock_in_line_order(self):
        split = split_lines(
            [(1, "bolt", 6), (2, "bolt", 6), (3, "nut", 2), (4, "washer", 3)],
            {"bolt": 10, "nut": 5, "washer": -2},
        )
        self.assertEqual(
            [(s.key, s.now, s.later) for s in split],
            [(1, 6, 0), (2, 4, 2), (3, 2, 0), (4, 0, 3)],
        )
        for part, qty in zip(split, (6, 6, 2, 3), strict=True):
            self.assertEqual(part.now + part.later, qty)

    def test_version_check(self):
        self.assertTrue(check_version("3", 3))
        self.assertTrue(check_version(3, 3))
        self.assertFalse(check_version("2", 3))
        self.assertFalse(check_version("", 3))
        self.assertFalse(check_version(None, 3))
        self.assertFalse(check_version("abc", 3))

    def test_money_formatter(self):
        rub = money_formatter(2, ",", "\u00a0", "₽", before=False)
        self.assertEqual(rub(1234567.5), "1\u00a0234\u00a0567,50\u00a0₽")
        self.assertEqual(rub(-3), "-3,00\u00a0₽")
        usd = money_formatter(2, ".", ",", "$", before=True)
        self.assertEqual(usd(1234.5), "$\u00a01,234.50")
        self.assertEqual(usd(0), "$\u00a00.00")
