from odoo import fields, models


class B2bChangeRequestReject(models.TransientModel):
    _name = "b2b.change.request.reject"
    _description = "Reject a change request of a legal entity"

    request_ids = fields.Many2many("b2b.change.request", required=True)
    reason = fields.Text(required=True)

    def action_reject(self):
        self.request_ids._b2b_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
