# sale_order.py holds the order itself; the event of its confirmation lives
# here, with the other document events (account_move.py, stock_picking.py,
# res_partner_approval.py)
# pylint: disable=consider-merging-classes-inherited
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        """Odoo's confirmation, then the event ``_b2b_on_order_confirmed`` on
        the orders of B2B entities that this call confirmed: a portal
        checkout, the checkout of a merged cart, a manager's approval of an
        order held over the credit limit and a back-office confirmation all
        come here."""
        unconfirmed = self.filtered(lambda order: order.state != "sale")
        result = super().action_confirm()
        confirmed = unconfirmed.filtered(
            lambda order: order.state == "sale"
            and order.partner_id.commercial_partner_id._b2b_is_entity()
        )
        if confirmed:
            confirmed._b2b_on_order_confirmed()
        return result

    def _b2b_on_order_confirmed(self):
        """Event: these orders of B2B entities were just confirmed (state
        "sale"), once per order, whoever confirmed them (portal checkout,
        merge checkout, approval of a held order, back office).

        Addons extend it for the next step of the document chain
        (b2b_multicart: the invoice for payment of a portal cart; b2b_edo:
        its documents) and must call ``super()``. It runs in the
        confirming transaction, with the confirming user's environment, and
        may run again if Odoo retries the transaction after a serialization
        failure: write to the database only, nothing outside it (mail goes
        through the mail queue, no call to an outside service)."""
        return True
