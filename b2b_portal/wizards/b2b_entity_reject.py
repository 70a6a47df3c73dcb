from odoo import fields, models


class B2bEntityReject(models.TransientModel):
    _name = "b2b.entity.reject"
    _description = "Reject a legal entity"

    entity_ids = fields.Many2many("res.partner", required=True)
    reason = fields.Text(required=True)

    def action_reject(self):
        self.entity_ids._b2b_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
