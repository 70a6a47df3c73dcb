from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import content_disposition, request

from odoo.addons.b2b_portal.controllers.dashboard import B2bDashboard
from odoo.addons.b2b_portal.controllers.portal import b2b_active_entity

from ..tools.reconciliation import PeriodError, parse_period

ACTS = "/my/b2b/documents/reconciliation"
DEBT = "/my/b2b/documents/debt"


class B2bEdoReconPortal(B2bDashboard):
    """Reconciliation acts and debt reports of the ACTIVE entity, for the
    roles with "documents"; accepting or rejecting an act needs
    "reconcile". Documents are searched as the user (record rules) and
    filtered on the active entity; the narrow writes go through sudo."""

    def _b2b_edo_recon_document(self, entity, document_id, types):
        document = request.env["b2b.document"].search(
            [
                ("id", "=", document_id),
                ("entity_id", "=", entity.id),
                ("document_type", "in", types),
            ],
            limit=1,
        )
        if not document:
            raise NotFound()
        return document

    def _b2b_edo_recon_period_errors(self):
        return {
            "year": request.env._("Choose a year between 2000 and this one."),
            "quarter": request.env._("Choose a quarter."),
            "dates": request.env._("Give the first and the last day of the period."),
            "order": request.env._("The period ends before it starts."),
            "long": request.env._("A period is at most three years long."),
            "future": request.env._("The period has not started yet."),
        }

    def _b2b_edo_recon_render(self, entity, status=200, **extra):
        acts = request.env["b2b.document"].search(
            [("entity_id", "=", entity.id), ("document_type", "=", "reconciliation")],
            limit=50,
        )
        today = fields.Date.context_today(request.env.user)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_reconciliation",
                "entity": entity,
                "acts": acts.sudo(),
                "user": request.env.user,
                "years": list(range(today.year, today.year - 6, -1)),
                # the last full quarter
                "form": {
                    "kind": "quarter",
                    "year": str(today.year if today.month > 3 else today.year - 1),
                    "quarter": str((today.month - 1) // 3 or 4),
                },
            }
        )
        values.update(extra)
        return request.render(
            "b2b_edo.portal_b2b_reconciliation", values, status=status
        )

    @http.route(ACTS, type="http", auth="user", methods=["GET"], website=True)
    def b2b_edo_reconciliation(self, created=None, **kw):
        entity = b2b_active_entity("documents")
        return self._b2b_edo_recon_render(entity, created=created)

    @http.route(ACTS, type="http", auth="user", methods=["POST"], website=True)
    def b2b_edo_reconciliation_request(self, kind="quarter", **form):
        entity = b2b_active_entity("documents")
        try:
            date_from, date_to = parse_period(
                kind,
                form.get("year"),
                form.get("quarter"),
                form.get("date_from"),
                form.get("date_to"),
                today=fields.Date.context_today(request.env.user),
            )
        except PeriodError as error:
            return self._b2b_edo_recon_render(
                entity,
                status=400,
                error=self._b2b_edo_recon_period_errors()[error.code],
                form=dict(form, kind=kind),
            )
        act = (
            request.env["b2b.document"]
            .sudo()
            ._b2b_recon_create(entity, date_from, date_to)
        )
        return request.redirect(f"{ACTS}?created={act.id}", 303)

    @http.route(
        [f"{ACTS}/<int:document_id>/reject"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def b2b_edo_reconciliation_reject(self, document_id, comment=None, **kw):
        entity = b2b_active_entity("reconcile")
        act = self._b2b_edo_recon_document(entity, document_id, ["reconciliation"])
        if request.httprequest.method == "POST":
            try:
                act.sudo()._b2b_reject(comment)
            except UserError as error:
                return self._b2b_edo_recon_reject_render(
                    act, status=400, error=str(error), comment=comment
                )
            return request.redirect(f"{ACTS}?rejected={act.id}", 303)
        return self._b2b_edo_recon_reject_render(act)

    def _b2b_edo_recon_reject_render(self, act, status=200, **extra):
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "b2b_reconciliation", "act": act.sudo(), **extra})
        return request.render(
            "b2b_edo.portal_b2b_reconciliation_reject", values, status=status
        )

    @http.route(
        f"{ACTS}/<int:document_id>/accept",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def b2b_edo_reconciliation_accept(self, document_id, **kw):
        entity = b2b_active_entity("reconcile")
        act = self._b2b_edo_recon_document(entity, document_id, ["reconciliation"])
        try:
            act.sudo()._b2b_accept()
        except UserError as error:
            return self._b2b_edo_recon_render(entity, status=400, error=str(error))
        return request.redirect(f"{ACTS}?accepted={act.id}", 303)

    @http.route(
        "/my/b2b/documents/report/<int:document_id>/<any(pdf,xlsx):kind>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def b2b_edo_report_file(self, document_id, kind, **kw):
        """The PDF or the XLSX of an act or a debt report of the active
        entity."""
        entity = b2b_active_entity("documents")
        document = self._b2b_edo_recon_document(
            entity, document_id, ["reconciliation", "debt_report"]
        ).sudo()
        attachment = (
            document.attachment_id if kind == "pdf" else document.xlsx_attachment_id
        )
        if not attachment:
            raise NotFound()
        return request.make_response(
            attachment.raw,
            headers=[
                ("Content-Type", attachment.mimetype),
                ("Content-Disposition", content_disposition(attachment.name)),
            ],
        )

    # -- the debt report ---------------------------------------------------------------
    @http.route(DEBT, type="http", auth="user", methods=["GET"], website=True)
    def b2b_edo_debt(self, created=None, **kw):
        entity = b2b_active_entity("documents")
        reports = request.env["b2b.document"].search(
            [("entity_id", "=", entity.id), ("document_type", "=", "debt_report")],
            limit=20,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_debt",
                "entity": entity,
                "report": entity._b2b_debt_report(),
                "reports": reports.sudo(),
                "created": created,
                "user": request.env.user,
            }
        )
        return request.render("b2b_edo.portal_b2b_debt", values)

    @http.route(DEBT, type="http", auth="user", methods=["POST"], website=True)
    def b2b_edo_debt_request(self, **kw):
        entity = b2b_active_entity("documents")
        report = request.env["b2b.document"].sudo()._b2b_debt_create(entity)
        return request.redirect(f"{DEBT}?created={report.id}", 303)

    # -- the dashboard card ----------------------------------------------------------
    def _b2b_dashboard_values(self, entity):
        values = super()._b2b_dashboard_values(entity)
        if request.env.user._b2b_can(entity, "documents"):
            report = entity._b2b_debt_report()
            values["b2b_debt_text"] = entity._b2b_debt_card_text(report)
            values["b2b_debt_overdue"] = bool(report.overdue)
        return values
