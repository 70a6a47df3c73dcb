from odoo.tests import BaseCase

from ..tools.order_rules import LineCheck, RuleReport


class TestRuleReport(BaseCase):
    def test_first_violation_wins_and_messages_keep_the_order(self):
        first, second, third = (LineCheck(pid, 1, 5.0) for pid in (1, 2, 3))
        second.refuse("below_min", "B: at least 10.", 10)
        second.refuse("short_stock", "B: only 3 in stock.", 3)
        third.refuse("not_in_assortment", "C is not in your catalog.")
        report = RuleReport(lines=[first, second, third])
        self.assertFalse(report.ok)
        self.assertEqual((second.code, second.suggested_qty), ("below_min", 10))
        self.assertEqual(report.refused(), [second, third])
        self.assertEqual(
            report.messages(), ["B: at least 10.", "C is not in your catalog."]
        )
        self.assertIs(report.by_key()[1, 1], first)

    def test_blockers_come_first(self):
        self.assertTrue(RuleReport(lines=[LineCheck(1, 1, 2.0)]).ok)
        line = LineCheck(1, 1, 2.0)
        line.refuse("below_min", "A: at least 5.", 5)
        report = RuleReport(blockers=["Not verified."], lines=[line])
        self.assertEqual(report.messages(), ["Not verified.", "A: at least 5."])
        self.assertFalse(RuleReport(blockers=["Not verified."]).ok)
