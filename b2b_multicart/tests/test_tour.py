from odoo.tests import HttpCase, tagged

from .common import MulticartCommon


@tagged("post_install", "-at_install")
class TestMulticartTour(MulticartCommon, HttpCase):
    def test_tour_fill_move_merge_review_checkout(self):
        """Two carts → merge → review → checkout with a new delivery address
        → the order, and its invoice in /my/invoices."""
        self.env["ir.config_parameter"].set_param(
            "b2b_multicart.review_delivery_addresses", "0"
        )
        self.start_tour(
            "/my/b2b/carts", "b2b_multicart_fill_move_merge", login="buyer_a"
        )
        order = self.env["sale.order"].search(
            [
                ("b2b_merged_from_ids", "!=", False),
                ("b2b_buyer_id", "=", self.buyer_a.id),
            ]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(self.quantities(order), {self.bolt: 11, self.nut: 2})
        self.assertEqual(
            sorted(order.b2b_merged_from_ids.mapped("b2b_cart_name")),
            ["Магазин", "Склад"],
        )
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.partner_shipping_id.street, "ул. Складская, 7")
        self.assertEqual(order.partner_shipping_id.parent_id, self.entity_a)
        self.assertEqual(order.b2b_note, "Ворота 2, до 17:00")
        self.assertEqual(order.invoice_ids.state, "posted")
        self.assertFalse(self.buyer_a._b2b_carts(self.entity_a))
