from odoo import fields, models
from odoo.tools.misc import format_amount

from ..tools.debt_report import build_debt_report
from ..tools.portal_links import PortalLink


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _b2b_debt_report(self, company=None, today=None):
        """This entity's debt report (tools/debt_report.py) in the books of
        ``company`` (the default contract's): its open receivable items in
        one query, the default contract's credit limit."""
        self.ensure_one()
        contract = self._b2b_default_contract()
        company = company or contract.company_id or self.env.company
        today = today or fields.Date.context_today(self)
        Line = self.env["account.move.line"].sudo()
        lines = Line.search_fetch(
            [
                *self.env["b2b.document"]._b2b_receivable_domain(self, company),
                ("reconciled", "=", False),
                ("amount_residual", "!=", 0),
            ],
            ["move_name", "date", "date_maturity", "balance", "amount_residual"],
            order="date_maturity, id",
        )
        return build_debt_report(
            self.name,
            today,
            company.currency_id.name,
            [
                (
                    line.move_name,
                    line.date,
                    line.date_maturity,
                    line.balance,
                    line.amount_residual,
                )
                for line in lines
            ],
            credit_limit=contract.credit_limit or None,
        )

    def _b2b_edo_portal_links(self, user):
        links = super()._b2b_edo_portal_links(user)
        if not user._b2b_can(self, "documents"):
            return links
        return [
            *links,
            PortalLink(
                self.env._("Reconciliation acts"), "/my/b2b/documents/reconciliation"
            ),
            PortalLink(self.env._("Debt report"), "/my/b2b/documents/debt"),
        ]

    def _b2b_debt_card_text(self, report):
        """The dashboard's one line: "Долг 184 200 ₽, из них просрочено
        12 000 ₽", amounts in the language of the environment."""
        currency = self.env["res.currency"].search(
            [("name", "=", report.currency)], limit=1
        )

        def amount(value):
            return format_amount(
                self.env, float(value), currency, trailing_zeroes=False
            )

        if report.total <= 0:
            return self.env._("No debt")
        if not report.overdue:
            return self.env._(
                "Debt %(total)s, nothing overdue", total=amount(report.total)
            )
        return self.env._(
            "Debt %(total)s, of which %(overdue)s overdue",
            total=amount(report.total),
            overdue=amount(report.overdue),
        )
