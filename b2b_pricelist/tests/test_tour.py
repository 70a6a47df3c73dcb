from odoo.tests import HttpCase, tagged

from .common import B2bPricelistCommon


@tagged("post_install", "-at_install")
class TestPricelistTour(B2bPricelistCommon, HttpCase):
    def test_tour_switching_entity_changes_prices(self):
        self.group_wholesale.b2b_pricelist_id = self.wholesale  # A: 90.00
        self.entity_b.b2b_pricelist_id = self.large  # B: 85.50
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        self.start_tour(
            "/my/b2b/catalog?search=BOLT-8",
            "b2b_pricelist_switch_entity_price",
            login="buyer_ab",
        )
        self.assertEqual(self.buyer_ab._b2b_active_entity(), self.entity_b)
