from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.reconciliation import PeriodError, parse_period, quarter_period


class B2bReconciliationWizard(models.TransientModel):
    """The back office's "Reconciliation act" of an entity: a period, then
    the act, sent to the entity's documents section."""

    _name = "b2b.reconciliation.wizard"
    _description = "Reconciliation act of a legal entity"

    entity_id = fields.Many2one(
        "res.partner",
        string="Legal entity",
        required=True,
        domain=[("is_company", "=", True)],
    )
    date_from = fields.Date(
        required=True, default=lambda self: self._default_dates()[0]
    )
    date_to = fields.Date(required=True, default=lambda self: self._default_dates()[1])

    @api.model
    def _default_dates(self):
        """The last full quarter."""
        today = fields.Date.context_today(self)
        quarter = (today.month - 1) // 3
        year = today.year if quarter else today.year - 1
        return quarter_period(year, quarter or 4)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "res.partner":
            partner = self.env["res.partner"].browse(self.env.context.get("active_id"))
            values["entity_id"] = partner.commercial_partner_id.id
        return values

    def action_create(self):
        self.ensure_one()
        try:
            parse_period(
                "custom",
                date_from=self.date_from,
                date_to=self.date_to,
                today=fields.Date.context_today(self),
            )
        except PeriodError as error:
            raise UserError(
                self.env._(
                    "This period cannot be reconciled (%(code)s).", code=error.code
                )
            ) from None
        act = self.env["b2b.document"]._b2b_recon_create(
            self.entity_id, self.date_from, self.date_to
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "b2b.document",
            "res_id": act.id,
            "view_mode": "form",
        }
