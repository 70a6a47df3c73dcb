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
