from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    b2b_claim_id = fields.Many2one(
        "b2b.claim",
        string="Claim",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )
    b2b_claim_outcome = fields.Selection(
        [("reduction", "Price reduction or compensation"), ("refund", "Refund")],
        string="Claim outcome",
        copy=False,
        readonly=True,
    )
