# pylint: disable=consider-merging-classes-inherited
import logging

from odoo import fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class B2bContract(models.Model):
    """The supply contract's documents: issued from the company's contract
    template as a PDF, offered to the entity for click-accept."""

    _inherit = "b2b.contract"

    b2b_document_ids = fields.One2many(
        "b2b.document",
        "contract_id",
        string="Documents",
        domain=[("document_type", "in", ("contract", "amendment"))],
        groups="b2b_portal.group_b2b_user",
    )

    def action_b2b_issue_contract(self):
        """A new edition of the contract, offered to the entity; it
        supersedes the edition offered or accepted before."""
        for contract in self:
            contract._b2b_edo_offer("contract")
        return True

    def action_b2b_issue_amendment(self):
        """An amendment to the contract, offered to the entity."""
        for contract in self:
            contract._b2b_edo_offer("amendment")
        return True

    def _b2b_edo_current_document(self, document_type):
        """The edition of ``document_type`` offered or accepted now."""
        self.ensure_one()
        return self.env["b2b.document"].search(
            [
                ("contract_id", "=", self.id),
                ("document_type", "=", document_type),
                ("state", "in", ("sent", "accepted")),
            ],
            order="version desc, id desc",
            limit=1,
        )

    def _b2b_edo_offer(self, document_type="contract"):
        """Render the contract from the company's template, store its PDF in
        a new document and offer it (state sent). A clear UserError, and
        nothing offered, for a template that fails or a missing requisite."""
        self.ensure_one()
        template = self.env["b2b.contract.template"]._b2b_for_company(self.company_id)
        if not template:
            raise UserError(
                self.env._(
                    "%(company)s has no contract template: add one in B2B → "
                    "Documents → Contract templates.",
                    company=self.company_id.name,
                )
            )
        template._b2b_render(self)  # the checks, before any document exists
        Document = self.env["b2b.document"].sudo()
        values = {
            "document_type": document_type,
            "entity_id": self.entity_id.id,
            "contract_id": self.id,
            "company_id": self.company_id.id,
            "contract_template_id": template.id,
            "direction": "outgoing",
        }
        previous = (
            self._b2b_edo_current_document("contract")
            if document_type == "contract"
            else Document
        )
        if previous:
            document = previous.sudo()._b2b_new_version(values)
        else:
            document = Document.create(values)
        document._b2b_edo_render_contract()
        document.action_send()
        return document

    def _b2b_edo_offer_on_approval(self):
        """The approval event's contract: offered if the company has a
        template; a problem is noted on the entity for the manager, and the
        approval goes on."""
        for contract in self:
            company = contract.company_id
            if not self.env["b2b.contract.template"]._b2b_for_company(company):
                continue
            if contract._b2b_edo_current_document("contract"):
                continue
            try:
                with self.env.cr.savepoint():
                    contract._b2b_edo_offer("contract")
            except UserError as error:
                _logger.info("contract %s not offered: %s", contract.id, error)
                contract.entity_id.sudo().message_post(
                    body=self.env._(
                        "The supply contract was not offered: %(error)s",
                        error=str(error),
                    )
                )
