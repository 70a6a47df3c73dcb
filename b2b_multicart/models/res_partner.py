from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _b2b_delivery_addresses(self):
        """Where orders of this entity may be delivered: the entity itself
        and its delivery addresses."""
        self.ensure_one()
        entity = self.sudo()
        return entity | entity.child_ids.filtered(
            lambda p: p.type == "delivery" and p.active
        )
