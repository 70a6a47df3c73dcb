from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import B2bPricelistCommon


@tagged("post_install", "-at_install")
class TestFixation(B2bPricelistCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_a.write(
            {
                "pricelist_id": cls.wholesale.id,
                "b2b_price_fixation": True,
                "b2b_fixation_days": 3,
            }
        )

    def make_order(self, contract=None):
        return self.env["sale.order"].create(
            {
                "partner_id": self.entity_a.id,
                "b2b_contract_id": (contract or self.contract_a).id,
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": 5}
                    ),
                    Command.create(
                        {"product_id": self.product_2.id, "product_uom_qty": 5}
                    ),
                ],
            }
        )

    def expire(self, order):
        past = fields.Datetime.now() - timedelta(minutes=1)
        order.b2b_fixed_until = past
        order.order_line.b2b_fixed_until = past

    def test_period_bounds(self):
        for days in (0, 365):
            with self.assertRaises(ValidationError) as caught:
                self.contract_a.b2b_fixation_days = days
            self.assertIn("from 1 to 90 days", str(caught.exception))
        self.assertEqual(self.contract_a.b2b_fixation_days, 3)
        # without fixation the period does not matter
        self.contract_b.write({"b2b_price_fixation": False, "b2b_fixation_days": 0})

    def test_fixed_prices_hold_then_recompute_with_a_message(self):
        order = self.make_order()
        self.assertEqual(order.order_line.mapped("price_subtotal"), [450.0, 180.0])
        order.action_b2b_fix_prices()
        until = order.b2b_fixed_until
        self.assertAlmostEqual(
            (until - fields.Datetime.now()).total_seconds(), 3 * 86400, delta=60
        )
        self.assertEqual(order.order_line.mapped("b2b_fixed_until"), [until, until])
        # the price type changes: the fixed lines keep their price
        self.wholesale.b2b_discount = 20.0
        order.order_line[0].product_uom_qty = 6
        order._recompute_prices()
        self.assertEqual(order.order_line.mapped("price_unit"), [90.0, 36.0])
        # the service reports the fixed price and its end
        line = self.entity_a._b2b_price_lines(
            [(self.product, 6, None)], self.contract_a, order=order
        )[0]
        self.assertEqual((line.price_unit, line.fixed_until), (90.0, until))
        # after the expiry the cron recomputes and tells what changed
        self.expire(order)
        self.env["sale.order"]._cron_b2b_expire_fixations()
        self.assertFalse(order.b2b_fixed_until)
        self.assertEqual(order.order_line.mapped("price_unit"), [80.0, 32.0])
        message = order.message_ids[:1]
        self.assertIn("fixation has ended", message.body)
        self.assertIn("Bolt M8", message.body)
        self.assertIn("80.00", message.body)

    def test_recompute_without_change_says_so(self):
        order = self.make_order()
        order.action_b2b_fix_prices()
        self.expire(order)
        order._b2b_release_fixation()
        self.assertIn("No price has changed", order.message_ids[:1].body)

    def test_fixation_refused_without_contract_permission(self):
        self.contract_a.b2b_price_fixation = False
        order = self.make_order()
        with self.assertRaises(UserError):
            order.action_b2b_fix_prices()
        self.assertFalse(order.b2b_fixed_until)
        order.action_confirm()
        self.contract_a.b2b_price_fixation = True
        with self.assertRaises(UserError):
            order.action_b2b_fix_prices()

    def test_currency_rate_fixed_for_a_foreign_price_type(self):
        company = self.env.company
        eur = self.env.ref("base.EUR")
        eur.active = True
        today = fields.Date.today()
        self.env["res.currency.rate"].create(
            [
                {"currency_id": eur.id, "name": today - timedelta(days=1), "rate": 0.5},
                {
                    "currency_id": company.currency_id.id,
                    "name": today - timedelta(days=1),
                    "rate": 1.0,
                },
            ]
        )
        eur_type = self.env["product.pricelist"].create(
            {
                "name": "Export EUR",
                "currency_id": eur.id,
                "b2b_is_price_type": True,
                "b2b_discount": 10.0,
            }
        )
        self.contract_a.pricelist_id = eur_type
        order = self.make_order()
        self.assertEqual(order.currency_id, eur)
        self.assertAlmostEqual(order.currency_rate, 0.5)
        self.assertAlmostEqual(order.order_line[0].price_unit, 45.0)  # 100 * 0.5 - 10 %
        order.action_b2b_fix_prices()
        self.assertAlmostEqual(order.b2b_fixed_rate, 0.5)
        # the rate moves after fixing
        self.env["res.currency.rate"].create(
            {"currency_id": eur.id, "name": today, "rate": 0.4}
        )
        order.invalidate_recordset(["currency_rate"])
        order._compute_currency_rate()
        self.assertAlmostEqual(order.currency_rate, 0.5)
        order._recompute_prices()
        self.assertAlmostEqual(order.order_line[0].price_unit, 45.0)
        # the invoice uses the fixed rate
        order.action_confirm()
        invoice = order._create_invoices()
        self.assertAlmostEqual(invoice.b2b_fixed_rate, 0.5)
        self.assertAlmostEqual(invoice.invoice_currency_rate, 0.5)
        invoice.action_post()
        self.assertAlmostEqual(invoice.invoice_currency_rate, 0.5)
        # 225 EUR of the bolts at the fixed rate: 450 in company currency
        self.assertAlmostEqual(
            -sum(
                invoice.line_ids.filtered(
                    lambda li: li.display_type == "product"
                ).mapped("balance")
            ),
            (225.0 + 90.0) / 0.5,
        )

    def test_explain_price(self):
        order = self.make_order()
        action = order.order_line[0].action_b2b_explain_price()
        message = action["params"]["message"]
        self.assertIn("Wholesale", message)
        self.assertIn("from contract A-1", message)
        self.assertIn("Looked at: contract A-1: Wholesale.", message)
        # amounts as the buyer's language writes them, with the currency
        self.assertIn(order.currency_id.symbol, message)

    def test_explain_price_chain_and_break(self):
        self.contract_a.pricelist_id = False
        self.group_wholesale.b2b_pricelist_id = self.wholesale
        self.env["product.pricelist.item"].create(
            {
                "pricelist_id": self.wholesale.id,
                "applied_on": "3_global",
                "min_quantity": 10,
                "compute_price": "percentage",
                "percent_price": 15,
            }
        )
        order = self.make_order()
        order.order_line[0].product_uom_qty = 12
        message = order.order_line[0].action_b2b_explain_price()["params"]["message"]
        self.assertIn(
            "Looked at: contract A-1: — → legal entity: — → level: — → "
            "group Wholesale: Wholesale.",
            message,
        )
        self.assertIn("quantity break from 10", message)
        self.assertIn("85.00", message)
