# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models
from odoo.tools import format_datetime

from ..tools.portal_links import PortalLink


class B2bDocument(models.Model):
    """Contracts and amendments: rendered from a template version, accepted
    by the entity's signatory with a simple e-signature."""

    _inherit = "b2b.document"

    contract_template_id = fields.Many2one(
        "b2b.contract.template",
        string="Template version",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    acceptance_ids = fields.One2many(
        "b2b.document.acceptance", "document_id", string="Acceptances"
    )

    def _b2b_edo_is_contract(self):
        self.ensure_one()
        return self.document_type in ("contract", "amendment")

    def _b2b_edo_contract_html(self):
        """The contract's text, for the report (report/contract_reports.xml)."""
        self.ensure_one()
        return self.contract_template_id._b2b_render(self.contract_id)

    def _b2b_edo_render_contract(self):
        """Render this draft's PDF from its template and attach it."""
        self.ensure_one()
        # in the entity's language: dates, terms and validity as it reads them
        lang = self.entity_id.lang or self.env.lang
        content, report_type = (
            self.env["ir.actions.report"]
            .with_context(lang=lang)
            .sudo()
            ._render_qweb_pdf("b2b_edo.b2b_contract_document_report", self.ids)
        )
        # in tests without force_report_rendering Odoo renders HTML
        extension = "pdf" if report_type == "pdf" else "html"
        mimetype = "application/pdf" if report_type == "pdf" else "text/html"
        filename = self.env._(
            "Contract %(number)s.%(extension)s",
            number=(self.contract_id.name or "").replace("/", "-"),
            extension=extension,
        )
        return self._b2b_attach(content, filename, mimetype)

    def _b2b_edo_accept_url(self):
        self.ensure_one()
        return f"/my/b2b/documents/{self.id}/accept"

    def _b2b_edo_waits_signature(self):
        self.ensure_one()
        return self.state == "sent" and self._b2b_edo_is_contract()

    def _b2b_portal_actions(self, user):
        actions = super()._b2b_portal_actions(user)
        if self._b2b_edo_waits_signature() and user._b2b_can(self.entity_id, "sign"):
            actions.append(
                PortalLink(
                    label=self.env._("Accept"),
                    url=self._b2b_edo_accept_url(),
                    primary=True,
                    badge=self.env._("awaits signature"),
                )
            )
        return actions

    def _b2b_edo_acceptance_summary(self):
        """One line about the acceptance, for the document's page."""
        self.ensure_one()
        acceptance = self.acceptance_ids[:1]
        if not acceptance:
            return ""
        return self.env._(
            "Accepted by %(name)s, %(position)s, on %(time)s UTC",
            name=acceptance.signatory_name,
            position=acceptance.signatory_position,
            time=format_datetime(self.env, acceptance.accepted_at, tz="UTC"),
        )
