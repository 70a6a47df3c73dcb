from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    b2b_fixed_rate = fields.Float(
        string="Fixed currency rate",
        digits=0,
        copy=False,
        readonly=True,
        help="The exchange rate fixed on the order this invoice comes from.",
    )

    @api.depends("b2b_fixed_rate")
    def _compute_invoice_currency_rate(self):
        result = super()._compute_invoice_currency_rate()
        for move in self:
            if move.b2b_fixed_rate and move.is_invoice(include_receipts=True):
                move.invoice_currency_rate = move.b2b_fixed_rate
        return result

    def _b2b_on_invoice_posted(self):
        result = super()._b2b_on_invoice_posted()
        self._b2b_recompute_entity_levels()
        return result

    def _b2b_on_invoice_reset(self):
        result = super()._b2b_on_invoice_reset()
        self._b2b_recompute_entity_levels()
        return result

    def _b2b_invoice_entities(self):
        return (
            self.filtered(lambda m: m.move_type in ("out_invoice", "out_refund"))
            .commercial_partner_id.sudo()
            .filtered(lambda p: p.b2b_state == "approved")
        )

    def _b2b_recompute_entity_levels(self):
        """Customer invoices and refunds posted or reset to draft move their
        entity's level."""
        entities = self._b2b_invoice_entities()
        if entities:
            entities.with_company(self.company_id[:1])._b2b_recompute_levels()
