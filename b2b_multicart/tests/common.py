from odoo import Command

from odoo.addons.b2b_portal.tests.common import B2bCommon, B2bHttpMixin


class MulticartCommon(B2bHttpMixin, B2bCommon):
    """B2bCommon's entities and members, products with stock and a price
    break (``viewer`` and ``accountant``: B2bCommon's members of entity A)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_a.user_id = cls.manager
        cls.entity_b.user_id = cls.manager
        cls.create_fasteners("MC", taxes_id=[Command.clear()])
        cls.add_stock({cls.bolt: 100, cls.nut: 4})
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
        cls.viewer, cls.accountant = cls.viewer_a, cls.accountant_a

    @classmethod
    def cart(cls, user, entity, name, lines=()):
        cart = user._b2b_new_cart(entity, name)
        if lines:
            cart._b2b_add_products(dict(lines))
        return cart

    @staticmethod
    def quantities(order):
        return {
            line.product_id: line.product_uom_qty
            for line in order.order_line
            if not line.display_type
        }
