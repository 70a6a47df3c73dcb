from odoo.http import request

from odoo.addons.b2b_portal.controllers.dashboard import B2bDashboard


class B2bPricelistPortal(B2bDashboard):
    """Price breaks, RRP margin and fixation in the catalog; level progress
    on the dashboard. Values come from the pricing service for the active
    entity (checked by the routes of b2b_portal): nothing of other
    customers' price types or levels."""

    def _b2b_catalog_values(self, entity, args):
        values = super()._b2b_catalog_values(entity, args)
        products = values["products"]
        lines = entity._b2b_price_lines(
            [(product, 1.0, None) for product in products], values["contract"]
        )
        values["b2b_price_info"] = dict(zip(products.ids, lines, strict=True))
        return values

    def _b2b_dashboard_values(self, entity):
        values = super()._b2b_dashboard_values(entity)
        values["b2b_level_progress"] = entity._b2b_level_progress()
        return values

    def _b2b_parse_quantities(self, entity, post):
        """b2b_portal's parsing, then the order rules (minimum, multiple) of
        what the cart would hold: a violation refuses the whole add with the
        nearest valid quantity."""
        quantities, errors = super()._b2b_parse_quantities(entity, post)
        if errors or not quantities:
            return quantities, errors
        cart = request.env.user._b2b_current_cart(entity)
        in_cart = {}
        for line in cart.order_line.filtered(lambda li: not li.display_type):
            product = line.product_id
            if product in quantities and line.product_uom_id == product.uom_id:
                in_cart[product] = in_cart.get(product, 0.0) + line.product_uom_qty
        products = list(quantities)
        lines = entity._b2b_price_lines(
            [(p, quantities[p] + in_cart.get(p, 0.0), None) for p in products],
            entity._b2b_default_contract(),
        )
        Partner = request.env["res.partner"]
        for product, line in zip(products, lines, strict=True):
            if line.violation:
                errors.append(Partner._b2b_violation_message(product, line))
        return quantities, errors
