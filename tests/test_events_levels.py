"""Document events across addons: a portal cart checked out gets its invoice
for payment from b2b_multicart's extension of the order event, and posting
it moves the entity's turnover level through b2b_pricelist's extension of
the invoice events (as does resetting it to draft)."""

from odoo.tests import tagged

from odoo.addons.b2b_multicart.tests.common import MulticartCommon
from odoo.addons.b2b_portal.tests.events import record_event


@tagged("post_install", "-at_install")
class TestEventsMoveLevels(MulticartCommon):
    test_module = "b2b_pricelist"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.b2b_level_window_days = 90
        cls.base, cls.silver = cls.env["b2b.level"].create(
            [
                {"name": "Base", "sequence": 1, "threshold": 0},
                {"name": "Silver", "sequence": 2, "threshold": 25},
            ]
        )

    def test_checkout_invoice_moves_the_level(self):
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 3})
        with (
            record_event(self.env, "sale.order", "_b2b_on_order_confirmed") as orders,
            record_event(self.env, "account.move", "_b2b_on_invoice_posted") as posts,
        ):
            order = cart._b2b_checkout(
                "lv-1", self.contract_a, version=cart.b2b_version
            )
        invoice = order.invoice_ids
        self.assertEqual(orders, [order.ids])
        self.assertEqual(posts, [invoice.ids])
        self.assertAlmostEqual(self.entity_a.b2b_turnover, 30.0)
        self.assertEqual(self.entity_a.b2b_level_id, self.silver)
        with record_event(self.env, "account.move", "_b2b_on_invoice_reset") as resets:
            invoice.button_draft()
        self.assertEqual(resets, [invoice.ids])
        self.assertAlmostEqual(self.entity_a.b2b_turnover, 0.0)
        self.assertEqual(self.entity_a.b2b_level_id, self.base)
