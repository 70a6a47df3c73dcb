from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import B2bPricelistCommon


@tagged("post_install", "-at_install")
class TestLevels(B2bPricelistCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.b2b_level_window_days = 90
        cls.base, cls.silver, cls.gold = cls.env["b2b.level"].create(
            [
                {"name": "Base", "sequence": 1, "threshold": 0},
                {
                    "name": "Silver",
                    "sequence": 2,
                    "threshold": 1000,
                    "pricelist_id": cls.wholesale.id,
                },
                {
                    "name": "Gold",
                    "sequence": 3,
                    "threshold": 5000,
                    "pricelist_id": cls.large.id,
                },
            ]
        )

    def test_thresholds(self):
        invoice = self.make_invoice(self.entity_a, 999.99, self.days_ago(1))
        self.assertEqual(self.entity_a.b2b_level_id, self.base)
        self.assertAlmostEqual(self.entity_a.b2b_turnover, 999.99)
        invoice.button_draft()
        invoice.invoice_line_ids.price_unit = 1000.0
        invoice.action_post()
        self.assertEqual(self.entity_a.b2b_level_id, self.silver)
        # the level's price type applies
        self.assertEqual(self.entity_a._b2b_pricelist(), self.wholesale)
        self.make_invoice(self.entity_a, 4000.0, self.days_ago(2))
        self.assertEqual(self.entity_a.b2b_level_id, self.gold)
        self.assertEqual(self.entity_a._b2b_pricelist(), self.large)
        history = self.entity_a.b2b_level_history_ids
        self.assertEqual(
            history.sorted("id").mapped("level_id.name"), ["Base", "Silver", "Gold"]
        )
        # the other entity is not moved by A's invoices
        self.assertFalse(self.entity_b.b2b_level_id)

    def test_other_company_keeps_its_level(self):
        """Levels of one company's ladder stay when another company, without
        levels of its own, recomputes (the history said "Base → (empty)")."""
        self.make_invoice(self.entity_a, 1500.0, self.days_ago(3))
        self.assertEqual(self.entity_a.b2b_level_id, self.silver)
        other = self.env["res.company"].create({"name": "Other supplier"})
        count = len(self.entity_a.b2b_level_history_ids)
        self.entity_a.with_company(other)._b2b_recompute_levels()
        self.assertEqual(self.entity_a.b2b_level_id, self.silver)
        self.assertEqual(len(self.entity_a.b2b_level_history_ids), count)
        # the nightly cron recomputes each company with its own ladder
        self.entity_a.b2b_turnover = 0.0
        self.env["res.partner"].with_company(other)._cron_b2b_recompute_levels()
        self.assertAlmostEqual(self.entity_a.b2b_turnover, 1500.0)
        self.assertEqual(self.entity_a.b2b_level_id, self.silver)
        self.assertEqual(len(self.entity_a.b2b_level_history_ids), count)
        last = self.entity_a.b2b_level_history_ids.sorted("id")[-1]
        self.assertEqual(last.level_id, self.silver)
        self.assertEqual(self.silver.currency_id, self.env.company.currency_id)

    def test_refund_lowers_turnover(self):
        self.make_invoice(self.entity_a, 1500.0, self.days_ago(3))
        self.assertEqual(self.entity_a.b2b_level_id, self.silver)
        self.make_invoice(self.entity_a, 600.0, self.days_ago(1), refund=True)
        self.assertAlmostEqual(self.entity_a.b2b_turnover, 900.0)
        self.assertEqual(self.entity_a.b2b_level_id, self.base)
        # a draft invoice does not count
        self.make_invoice(self.entity_a, 5000.0, self.days_ago(1), post=False)
        self.entity_a._b2b_recompute_levels()
        self.assertAlmostEqual(self.entity_a.b2b_turnover, 900.0)

    def test_rolling_window_edge(self):
        today = fields.Date.today()
        self.make_invoice(self.entity_a, 1000.0, today - timedelta(days=89))
        self.assertEqual(self.entity_a.b2b_level_id, self.silver)
        # the next day, that invoice leaves the 90-day window
        self.entity_a._b2b_recompute_levels(today + timedelta(days=1))
        self.assertEqual(self.entity_a.b2b_level_id, self.base)
        self.assertEqual(self.entity_a.b2b_turnover, 0.0)
        self.make_invoice(self.entity_a, 1000.0, today - timedelta(days=90), post=True)
        self.entity_a._b2b_recompute_levels(today)
        self.assertAlmostEqual(self.entity_a.b2b_turnover, 1000.0)

    def test_manual_pin_and_expiry(self):
        self.make_invoice(self.entity_a, 100.0, self.days_ago(1))
        today = fields.Date.today()
        with self.assertRaises(ValidationError):
            self.entity_a.write({"b2b_level_pin_id": self.gold.id})  # no reason
        with self.assertRaises(ValidationError):
            self.entity_a.write(
                {
                    "b2b_level_pin_id": self.gold.id,
                    "b2b_level_pin_reason": "Key account",
                    "b2b_level_pin_until": today - timedelta(days=1),
                }
            )
        self.assertEqual(self.entity_a.b2b_level_id, self.base)
        self.entity_a.write(
            {
                "b2b_level_pin_id": self.gold.id,
                "b2b_level_pin_reason": "Key account",
                "b2b_level_pin_until": today + timedelta(days=5),
            }
        )
        self.assertEqual(self.entity_a.b2b_level_id, self.gold)
        last = self.entity_a.b2b_level_history_ids[:1]
        self.assertEqual((last.reason, last.note), ("pin", "Key account"))
        # turnover does not move a pinned level
        self.make_invoice(self.entity_a, 1000.0, self.days_ago(1))
        self.assertEqual(self.entity_a.b2b_level_id, self.gold)
        # on the pin's last day it still holds; the day after it expires
        self.entity_a._b2b_recompute_levels(today + timedelta(days=5))
        self.assertEqual(self.entity_a.b2b_level_id, self.gold)
        self.entity_a._b2b_recompute_levels(today + timedelta(days=6))
        self.assertEqual(self.entity_a.b2b_level_id, self.silver)
        self.assertFalse(self.entity_a.b2b_level_pin_id)
        last = self.entity_a.b2b_level_history_ids.sorted("id")[-1]
        self.assertEqual(
            (last.reason, last.previous_level_id), ("pin_expired", self.gold)
        )

    def test_cron(self):
        self.make_invoice(self.entity_b, 6000.0, self.days_ago(10))
        self.entity_b.b2b_level_id = False  # as if never computed
        self.env["res.partner"]._cron_b2b_recompute_levels()
        self.assertEqual(self.entity_b.b2b_level_id, self.gold)

    def test_ladder_validation(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["b2b.level"].create(
                {"name": "Platinum", "sequence": 4, "threshold": 5000}
            )
        self.assertIn("overlap", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self.env["b2b.level"].create(
                {"name": "Bronze", "sequence": 4, "threshold": 500}
            )
        self.assertIn("out of order", str(caught.exception))
        with self.assertRaises(ValidationError):
            self.gold.threshold = -1
        self.assertEqual(self.env["b2b.level"].search_count([]), 3)
        self.assertEqual(self.gold.threshold, 5000)

    def test_progress(self):
        self.make_invoice(self.entity_a, 1200.0, self.days_ago(30))
        self.make_invoice(self.entity_a, 300.0, self.days_ago(10))
        state = self.entity_a._b2b_level_progress()
        self.assertEqual(state["level"], self.silver)
        self.assertEqual(state["next_level"], self.gold)
        self.assertAlmostEqual(state["missing"], 3500.0)
        self.assertEqual(state["percent"], 12)  # 500 of 4000
        # the oldest invoice counts until 89 days after its date
        self.assertEqual(state["deadline"], self.days_ago(30) + timedelta(days=89))
        self.make_invoice(self.entity_a, 4000.0, self.days_ago(1))
        top = self.entity_a._b2b_level_progress()
        self.assertEqual((top["level"], top["next_level"]), (self.gold, False))
