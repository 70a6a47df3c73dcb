"""Turnover levels of legal entities (the pricing part is res_partner.py)."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.levels import level_for, progress

INVOICE_TYPES = ("out_invoice", "out_refund")


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_level_id = fields.Many2one(
        "b2b.level",
        string="Turnover level",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    b2b_turnover = fields.Monetary(
        string="Turnover",
        currency_field="b2b_turnover_currency_id",
        readonly=True,
        copy=False,
        help="Posted invoices minus refunds, untaxed, over the company's "
        "turnover period, at the last recomputation.",
    )
    b2b_turnover_currency_id = fields.Many2one(
        "res.currency", compute="_compute_b2b_turnover_currency_id"
    )
    b2b_level_pin_id = fields.Many2one(
        "b2b.level",
        string="Pinned level",
        copy=False,
        help="A level set by hand, whatever the turnover, until the end date.",
    )
    b2b_level_pin_reason = fields.Char(string="Pin reason", copy=False)
    b2b_level_pin_until = fields.Date(string="Pinned until", copy=False)
    b2b_level_history_ids = fields.One2many(
        "b2b.level.history", "entity_id", string="Level history"
    )

    def _compute_b2b_turnover_currency_id(self):
        for partner in self:
            partner.b2b_turnover_currency_id = (
                partner.company_id or self.env.company
            ).currency_id

    @api.constrains("b2b_level_pin_id", "b2b_level_pin_reason", "b2b_level_pin_until")
    def _check_b2b_level_pin(self):
        today = fields.Date.context_today(self)
        for partner in self.filtered("b2b_level_pin_id"):
            if not (partner.b2b_level_pin_reason or "").strip():
                raise ValidationError(
                    self.env._("Say why the level of %(entity)s is pinned.",
                               entity=partner.display_name)
                )
            if not partner.b2b_level_pin_until or partner.b2b_level_pin_until < today:
                raise ValidationError(
                    self.env._(
                        "A pinned level needs an end date, today or later."
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if {"b2b_level_pin_id", "b2b_level_pin_until"} & vals.keys() and not (
            self.env.context.get("b2b_level_recompute")
        ):
            unpinned = "b2b_level_pin_id" in vals and not vals["b2b_level_pin_id"]
            self._b2b_recompute_levels(reason="unpin" if unpinned else "turnover")
        return result

    # -- turnover ---------------------------------------------------------------
    @api.model
    def _b2b_window(self, date=None, company=None):
        """First and last day of the turnover period ending on ``date``."""
        company = company or self.env.company
        date = date or fields.Date.context_today(self)
        days = max(company.b2b_level_window_days, 1)
        return date - timedelta(days=days - 1), date

    def _b2b_turnover_domain(self, date=None, company=None):
        company = company or self.env.company
        start, end = self._b2b_window(date, company)
        return [
            ("move_type", "in", INVOICE_TYPES),
            ("state", "=", "posted"),
            ("company_id", "=", company.id),
            ("commercial_partner_id", "in", self.ids),
            ("invoice_date", ">=", start),
            ("invoice_date", "<=", end),
        ]

    def _b2b_turnovers(self, date=None, company=None):
        """{entity id: turnover} in company currency, untaxed, invoices minus
        refunds over the period ending on ``date``; one query."""
        groups = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                self._b2b_turnover_domain(date, company),
                ["commercial_partner_id"],
                ["amount_untaxed_signed:sum"],
            )
        )
        return {partner.id: amount for partner, amount in groups}

    def _b2b_recompute_levels(self, date=None, reason="turnover"):
        """Turnover and level of these entities on ``date``: a valid pin wins,
        an expired pin is removed; each change is kept in the history."""
        date = date or fields.Date.context_today(self)
        company = self.env.company
        ladder = self.env["b2b.level"]._b2b_ladder(company)
        thresholds = ladder.mapped("threshold")
        turnovers = self._b2b_turnovers(date, company)
        History = self.env["b2b.level.history"].sudo()
        history = []
        for entity in self.sudo().with_context(b2b_level_recompute=True):
            turnover = turnovers.get(entity.id, 0.0)
            vals = {"b2b_turnover": turnover}
            change, note = reason, False
            if entity.b2b_level_pin_id and entity.b2b_level_pin_until < date:
                vals.update(
                    b2b_level_pin_id=False,
                    b2b_level_pin_reason=False,
                    b2b_level_pin_until=False,
                )
                change = "pin_expired"
                note = entity.b2b_level_pin_reason
                level = ladder.browse()
            elif entity.b2b_level_pin_id:
                level = entity.b2b_level_pin_id
                change, note = "pin", entity.b2b_level_pin_reason
            else:
                level = ladder.browse()
            if not level:
                index = level_for(turnover, thresholds)
                level = ladder[index] if index is not None else ladder.browse()
            if level != entity.b2b_level_id:
                vals["b2b_level_id"] = level.id
                history.append(
                    {
                        "entity_id": entity.id,
                        "level_id": level.id,
                        "previous_level_id": entity.b2b_level_id.id,
                        "turnover": turnover,
                        "currency_id": company.currency_id.id,
                        "reason": change,
                        "note": note,
                    }
                )
            entity.write(vals)
        History.create(history)
        return True

    @api.model
    def _cron_b2b_recompute_levels(self):
        """Nightly: every B2B entity with a level, a pin or invoices."""
        entities = self.search(
            [
                ("is_company", "=", True),
                ("b2b_state", "=", "approved"),
            ]
        )
        entities._b2b_recompute_levels()

    def _b2b_level_progress(self, date=None):
        """What the dashboard shows of this entity's level: the level, the
        next one, the amount missing, the percent of the way and the last
        day the oldest invoice counted still counts (after it, turnover
        drops)."""
        self.ensure_one()
        entity = self.sudo()
        date = date or fields.Date.context_today(self)
        company = self.env.company
        ladder = self.env["b2b.level"]._b2b_ladder(company)
        if not ladder:
            return False
        thresholds = ladder.mapped("threshold")
        current = entity.b2b_level_id
        index = (
            ladder.ids.index(current.id) if current and current in ladder else None
        )
        turnover = entity.b2b_turnover
        state = progress(turnover, thresholds, index)
        deadline = False
        if state.next is not None:
            oldest = (
                self.env["account.move"]
                .sudo()
                ._read_group(
                    self._b2b_turnover_domain(date, company), [], ["invoice_date:min"]
                )[0][0]
            )
            if oldest:
                deadline = oldest + timedelta(
                    days=max(company.b2b_level_window_days, 1) - 1
                )
        return {
            "level": current,
            "next_level": ladder[state.next] if state.next is not None else False,
            "missing": state.missing,
            "percent": state.percent,
            "turnover": turnover,
            "currency": company.currency_id,
            "deadline": deadline,
            "pinned_until": entity.b2b_level_pin_id and entity.b2b_level_pin_until,
        }
