from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    b2b_claim_id = fields.Many2one(
        "b2b.claim",
        string="Claim",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )
    b2b_claim_outcome = fields.Selection(
        [
            ("return", "Return for a refund"),
            ("exchange", "Return for a replacement"),
            ("replacement", "Replacement delivery"),
        ],
        string="Claim outcome",
        copy=False,
        readonly=True,
    )

    def _action_done(self):
        """Odoo's validation; a received return of a claim credits the buyer
        and a done replacement may resolve the claim."""
        todo = self.filtered(lambda p: p.state != "done" and p.b2b_claim_id)
        result = super()._action_done()
        for picking in todo.filtered(lambda p: p.state == "done"):
            picking.b2b_claim_id.sudo()._b2b_on_return_received(picking)
        return result
