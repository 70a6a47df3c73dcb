from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        """Odoo's validation, then the event ``_b2b_on_delivery_done`` on
        the deliveries of B2B entities' orders that this call made done."""
        todo = self.filtered(lambda picking: picking.state != "done")
        result = super()._action_done()
        done = todo.filtered(
            lambda picking: picking.state == "done"
            and picking.picking_type_code == "outgoing"
            and picking.sale_id
            and picking.sale_id.partner_id.commercial_partner_id._b2b_is_entity()
        )
        if done:
            done._b2b_on_delivery_done()
        return result

    def _b2b_on_delivery_done(self):
        """Event: these outgoing deliveries of orders of B2B entities were
        just validated (state "done"), once per delivery. A partial delivery
        fires for its done part when validated; its backorder fires when it
        is validated in turn. Returns are incoming pickings and do not fire.

        Addons extend it (b2b_claims: the deadlines of claims on what was
        delivered; b2b_edo: shipping documents) and must call ``super()``.
        It runs in the validating transaction and may run again if Odoo
        retries it after a serialization failure: write to the database
        only, nothing outside it (mail goes through the mail queue)."""
        return True
