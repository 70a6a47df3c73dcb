from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _b2b_export_url(self, user):
        """The export of this draft order or cart, for a member of its
        entity who may order and, for a cart, owns it (the route checks the
        same, searching as the user)."""
        self.ensure_one()
        order = self.sudo()
        entity = order.b2b_entity_id
        if (
            order.state not in ("draft", "sent")
            or entity not in user._b2b_entities()
            or not user._b2b_can(entity, "order")
            or (order.b2b_is_cart and order.b2b_buyer_id != user)
        ):
            return super()._b2b_export_url(user)
        return f"/my/b2b/quick-order/cart/{order.id}"
