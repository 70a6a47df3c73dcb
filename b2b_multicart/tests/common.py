from odoo import Command
from odoo.http import Request
from odoo.tests import new_test_user

from odoo.addons.b2b_portal.tests.common import B2bCommon


class MulticartCommon(B2bCommon):
    """B2bCommon's entities and buyers, products with stock, a price break,
    and a viewer and an accountant of entity A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_a.user_id = cls.manager
        cls.entity_b.user_id = cls.manager
        cls.stock = cls.env.ref("stock.warehouse0").lot_stock_id
        cls.bolt, cls.nut, cls.washer = cls.env["product.product"].create(
            [
                {
                    "name": name,
                    "default_code": code,
                    "type": "consu",
                    "is_storable": True,
                    "list_price": price,
                    "taxes_id": [Command.clear()],
                }
                for name, code, price in (
                    ("Болт M8", "MC-BOLT", 10.0),
                    ("Гайка M8", "MC-NUT", 3.0),
                    ("Шайба M8", "MC-WASHER", 1.0),
                )
            ]
        )
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.bolt, cls.stock, 100)
        Quant._update_available_quantity(cls.nut, cls.stock, 4)
        # bolts: 8.00 from 10 pieces under contract A's price list
        cls.env["product.pricelist.item"].create(
            {
                "pricelist_id": cls.pricelist_a.id,
                "applied_on": "0_product_variant",
                "product_id": cls.bolt.id,
                "min_quantity": 10,
                "compute_price": "fixed",
                "fixed_price": 8.0,
            }
        )
        cls.viewer = new_test_user(
            cls.env, login="viewer_a", groups="base.group_portal", name="Viewer A"
        )
        cls.accountant = new_test_user(
            cls.env, login="accountant_a", groups="base.group_portal", name="Acc A"
        )
        cls.buyer_b = new_test_user(
            cls.env, login="buyer_b", groups="base.group_portal", name="Buyer B"
        )
        cls.env["b2b.membership"].create(
            [
                {
                    "user_id": cls.viewer.id,
                    "entity_id": cls.entity_a.id,
                    "role": "viewer",
                },
                {
                    "user_id": cls.accountant.id,
                    "entity_id": cls.entity_a.id,
                    "role": "accountant",
                },
                {
                    "user_id": cls.buyer_b.id,
                    "entity_id": cls.entity_b.id,
                    "role": "buyer",
                },
            ]
        )

    @classmethod
    def cart(cls, user, entity, name, lines=()):
        cart = user._b2b_new_cart(entity, name)
        if lines:
            cart._b2b_add_products(dict(lines))
        return cart

    def post(self, url, **data):
        data["csrf_token"] = Request.csrf_token(self)
        return self.url_open(url, data=data, allow_redirects=False)

    @staticmethod
    def quantities(order):
        return {
            line.product_id: line.product_uom_qty
            for line in order.order_line
            if not line.display_type
        }
