from odoo import fields, models


class B2bFoundingRejectWizard(models.TransientModel):
    _name = "b2b.founding.reject.wizard"
    _description = "Reject founding documents"

    document_ids = fields.Many2many("b2b.document", string="Documents", required=True)
    reason = fields.Text(
        required=True,
        help="The buyer reads it beside the document and in the e-mail.",
    )

    def action_reject(self):
        self.ensure_one()
        self.document_ids._b2b_founding_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
