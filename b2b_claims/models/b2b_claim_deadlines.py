# the deadlines of a claim and the copy to management
# pylint: disable=consider-merging-classes-inherited
import datetime

from odoo import api, fields, models

from ..tools import claim_deadlines

WEEKEND = (5, 6)


class B2bClaim(models.Model):
    _inherit = "b2b.claim"

    pause_start = fields.Date(copy=False, readonly=True)
    paused_days = fields.Integer(
        copy=False,
        readonly=True,
        help="Working days the claim waited for the buyer: they do not count.",
    )
    service_deadline = fields.Date(
        compute="_compute_deadlines", store=True, string="Service deadline"
    )
    legal_deadline = fields.Date(
        compute="_compute_deadlines", store=True, string="Legal deadline"
    )
    deadline_color = fields.Char(compute="_compute_deadline_color")
    management_events = fields.Char(
        copy=False,
        readonly=True,
        help="Events management was told of (new, overdue, escalated).",
    )

    @api.depends(
        "submit_date",
        "paused_days",
        "claim_type_id.service_days",
        "contract_id.b2b_claim_legal_days",
        "company_id.resource_calendar_id",
    )
    def _compute_deadlines(self):
        for claim in self:
            if not claim.submit_date:
                claim.service_deadline = claim.legal_deadline = False
                continue
            days = claim.claim_type_id.service_days
            non_working = claim._b2b_non_working_days(
                claim.submit_date, 3 * (days + claim.paused_days) + 30
            )
            claim.service_deadline = claim_deadlines.service_deadline(
                claim.submit_date, days, claim.paused_days, non_working
            )
            claim.legal_deadline = claim_deadlines.legal_deadline(
                claim.submit_date, claim.contract_id.b2b_claim_legal_days or 30
            )

    @api.depends("service_deadline", "state")
    def _compute_deadline_color(self):
        today = fields.Date.context_today(self)
        for claim in self:
            open_ = claim.state in ("submitted", "review")
            claim.deadline_color = (
                claim_deadlines.deadline_color(claim.service_deadline, today)
                if open_
                else ""
            )

    def _b2b_non_working_days(self, start, span):
        """Dates in (start, start + span] off on the company's calendar:
        weekends and its global leaves (public holidays)."""
        calendar = self.company_id.resource_calendar_id
        end = start + datetime.timedelta(days=span)
        if not calendar:
            return {
                start + datetime.timedelta(days=n)
                for n in range(span + 1)
                if (start + datetime.timedelta(days=n)).weekday() in WEEKEND
            }
        unusual = calendar._get_unusual_days(
            datetime.datetime.combine(start, datetime.time.min),
            datetime.datetime.combine(end, datetime.time.max),
            company_id=self.company_id,
        )
        return {fields.Date.to_date(day) for day, off in unusual.items() if off}

    def _b2b_resume(self):
        """The wait for the buyer ends: its working days are added."""
        today = fields.Date.context_today(self)
        for claim in self.filtered("pause_start"):
            non_working = claim._b2b_non_working_days(
                claim.pause_start, (today - claim.pause_start).days + 1
            )
            claim.write(
                {
                    "paused_days": claim.paused_days
                    + claim_deadlines.working_days_between(
                        claim.pause_start, today, non_working
                    ),
                    "pause_start": False,
                }
            )

    # -- copy to management --------------------------------------------------------
    def _b2b_management_users(self):
        group = self.env.ref(
            "b2b_claims.group_b2b_claims_management", raise_if_not_found=False
        )
        return (
            group.sudo().user_ids.filtered("active") if group else self.env["res.users"]
        )

    def _b2b_notify_management(self, event):
        """E-mail and an activity to the supplier's management for ``event``
        (new, overdue, escalated), once per claim and event."""
        users = self._b2b_management_users()
        subjects = {
            "new": self.env._("New claim %(name)s from %(entity)s"),
            "overdue": self.env._("Claim %(name)s from %(entity)s is overdue"),
            "escalated": self.env._(
                "%(entity)s asks management to look at claim %(name)s"
            ),
        }
        for claim in self.sudo():
            events = set(filter(None, (claim.management_events or "").split(",")))
            if event in events:
                continue
            events.add(event)
            claim.management_events = ",".join(sorted(events))
            if not users:
                continue
            subject = subjects[event] % {
                "name": claim.name,
                "entity": claim.entity_id.display_name,
            }
            claim.message_notify(
                partner_ids=users.partner_id.ids,
                subject=subject,
                body=subject,
                subtype_xmlid="mail.mt_note",
            )
            for user in users:
                claim.activity_schedule(
                    "mail.mail_activity_data_todo", summary=subject, user_id=user.id
                )
            claim.management_informed = True

    @api.model
    def _cron_b2b_overdue(self):
        """Claims past their service or legal deadline: management is told,
        once per claim."""
        today = fields.Date.context_today(self)
        overdue = self.search(
            [
                ("state", "in", ("submitted", "review")),
                "|",
                ("service_deadline", "<", today),
                ("legal_deadline", "<", today),
                "|",
                ("management_events", "=", False),
                ("management_events", "not ilike", "overdue"),
            ]
        )
        overdue._b2b_notify_management("overdue")
        return True
