from odoo.tests.common import BaseCase

from ..tools.levels import check_thresholds, level_for, progress
from ..tools.order_rules import check_quantity, next_break, validate_rule


class TestOrderRules(BaseCase):
    """Minimum and multiples, without a database."""

    def test_check_quantity(self):
        # sold by 12, minimum 24
        self.assertEqual(check_quantity(24, 24, 12), (False, False))
        self.assertEqual(check_quantity(36, 24, 12), (False, False))
        self.assertEqual(check_quantity(12, 24, 12), ("below_min", 24))
        self.assertEqual(check_quantity(1, 25, 12), ("below_min", 36))
        self.assertEqual(check_quantity(29, 24, 12), ("not_multiple", 24))
        self.assertEqual(
            check_quantity(30, 24, 12), ("not_multiple", 36)
        )  # a tie goes up
        self.assertEqual(check_quantity(31, 0, 12), ("not_multiple", 36))
        self.assertEqual(check_quantity(0.3, 0, 0.1), (False, False))  # float noise
        self.assertEqual(check_quantity(5, 0, 0), (False, False))

    def test_validate_rule(self):
        self.assertFalse(validate_rule(24, 12))
        self.assertFalse(validate_rule(0, 0))
        self.assertEqual(validate_rule(-1, 0), "negative")
        self.assertEqual(validate_rule(20, 12), "min_not_multiple")

    def test_next_break(self):
        self.assertEqual(next_break(5, [10, 50]), (10, 5))
        self.assertEqual(next_break(10, [10, 50]), (50, 40))
        self.assertEqual(next_break(60, [10, 50]), (False, False))


class TestLevelKernel(BaseCase):
    def test_check_thresholds(self):
        self.assertFalse(check_thresholds([(1, 0), (2, 100), (3, 500)]))
        self.assertEqual(check_thresholds([(1, 0), (2, 100), (3, 100)]), "duplicate")
        self.assertEqual(check_thresholds([(1, 0), (2, 500), (3, 100)]), "out_of_order")
        self.assertEqual(check_thresholds([(1, -5)]), "negative")

    def test_level_and_progress(self):
        ladder = [0, 100, 500]
        self.assertIsNone(level_for(-1, ladder))
        self.assertEqual(level_for(99.99, ladder), 0)
        self.assertEqual(level_for(100, ladder), 1)
        state = progress(300, ladder)
        self.assertEqual((state.current, state.next, state.missing), (1, 2, 200))
        self.assertEqual(state.percent, 50)
        top = progress(800, ladder)
        self.assertEqual(
            (top.current, top.next, top.missing, top.percent), (2, None, 0, 100)
        )
        # a pinned level above the turnover: the next one is above the pin
        pinned = progress(50, ladder, current=1)
        self.assertEqual((pinned.next, pinned.missing), (2, 450))
