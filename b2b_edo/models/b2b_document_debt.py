from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from ..tools.recon_xlsx import debt_xlsx

DEBT_REPORT = "b2b_edo.action_report_debt"


class B2bDocument(models.Model):
    """Debt reports on demand: the entity's open invoices, aging and credit
    limit (tools/debt_report.py), as a PDF and an XLSX of one structure."""

    _inherit = "b2b.document"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _b2b_debt_labels(self, report):
        return {
            "sheet": self.env._("Debt report"),
            "title": self.env._(
                "Debt report of %(entity)s on %(date)s",
                entity=report.entity,
                date=format_date(self.env, report.date),
            ),
            "document": self.env._("Document"),
            "date": self.env._("Date"),
            "due_date": self.env._("Due date"),
            "amount": self.env._("Amount"),
            "residual": self.env._("Open"),
            "days_overdue": self.env._("Days overdue"),
            "bucket": self.env._("Aging"),
            "buckets": {
                "0_30": self.env._("0–30 days"),
                "31_60": self.env._("31–60 days"),
                "61_90": self.env._("61–90 days"),
                "over_90": self.env._("Over 90 days"),
            },
            "unallocated": self.env._("Payments not allocated"),
            "total": self.env._("Total debt"),
            "overdue": self.env._("Overdue"),
            "credit_limit": self.env._("Credit limit"),
            "credit_left": self.env._("Credit left"),
        }

    @api.model
    def _b2b_debt_create(self, entity, company=None):
        """Today's debt report of ``entity``, sent to it: PDF and XLSX. The
        caller checked who asks."""
        if not entity._b2b_is_entity():
            raise UserError(self.env._("Debt reports are for legal entities."))
        contract = entity._b2b_default_contract()
        company = company or contract.company_id or self.env.company
        document = self.with_context(lang=entity.lang or self.env.lang)
        report = entity.with_context(lang=document.env.lang)._b2b_debt_report(company)
        debt_document = document.create(
            {
                "document_type": "debt_report",
                "entity_id": entity.id,
                "company_id": company.id,
                "contract_id": contract.id,
                "period_end": report.date or fields.Date.context_today(self),
            }
        )
        debt_document._b2b_report_files(
            DEBT_REPORT,
            {"report": report, "labels": debt_document._b2b_debt_labels(report)},
            f"debt_{entity.vat or entity.id}_{report.date}",
            debt_xlsx,
        )
        debt_document.action_send()
        return debt_document
