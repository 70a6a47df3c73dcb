from odoo import api, models


class ReportReconciliationAct(models.AbstractModel):
    """The act's PDF: the structure and labels the caller computed once
    (``data["b2b_values"]``), or, for a reprint, recomputed from the act's
    period."""

    _name = "report.b2b_edo.report_reconciliation_act"
    _description = "Reconciliation act report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["b2b.document"].browse(docids)
        values = (data or {}).get("b2b_values")
        if not values:
            docs.ensure_one()
            act = docs._b2b_recon_act()
            values = {
                "act": act,
                "labels": docs._b2b_recon_labels(act, docs.company_id),
            }
        return {"doc_ids": docids, "docs": docs, **values}


class ReportDebt(models.AbstractModel):
    _name = "report.b2b_edo.report_debt"
    _description = "Debt report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["b2b.document"].browse(docids)
        values = (data or {}).get("b2b_values")
        if not values:
            docs.ensure_one()
            report = docs.entity_id._b2b_debt_report(docs.company_id, docs.period_end)
            values = {"report": report, "labels": docs._b2b_debt_labels(report)}
        return {"doc_ids": docids, "docs": docs, **values}
