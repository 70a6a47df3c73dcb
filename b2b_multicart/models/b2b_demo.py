from odoo import api, models


class B2bDemo(models.AbstractModel):
    _inherit = "b2b.demo"

    def _demo_orders(self, buyer, entity, products):
        result = super()._demo_orders(buyer, entity, products)
        self._demo_multicart(buyer, entity, products)
        return result

    @api.model
    def _load_multicart_demo(self):
        """A second named cart for the demo buyer when b2b_multicart is
        installed after the demo was made."""
        buyer = self.env.ref("b2b_portal.user_buyer_demo", raise_if_not_found=False)
        if not buyer:
            return
        entity = buyer._b2b_entities()[:1]
        if not entity or buyer._b2b_carts(entity).filtered("client_order_ref"):
            return
        company = entity._b2b_default_contract().company_id or self.env.company
        products = self.env["product.product"].search(
            [("default_code", "!=", False), ("company_id", "in", (company.id, False))],
            limit=3,
            order="default_code",
        )
        self._demo_multicart(buyer, entity, {p.default_code: p for p in products})

    def _demo_multicart(self, buyer, entity, products):
        current = buyer._b2b_current_cart(entity)
        if not products or not entity._b2b_default_contract():
            return
        cart = buyer._b2b_new_cart(entity, "Склад, пополнение", request_ref="ЗК-0042")
        skus = list(products)
        cart._b2b_add_products({products[sku]: 6 for sku in skus[:3]})
        if current:
            buyer._b2b_select_cart(current)
