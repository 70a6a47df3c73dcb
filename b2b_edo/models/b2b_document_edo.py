from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import edo_provider


class B2bDocument(models.Model):
    """Sending a document through an EDO operator (``b2b.edo.provider``):
    the operator's ids and the states it reports, shown on the document. A
    document signed by the buyer at the operator is accepted; one rejected
    there is rejected with the buyer's reason."""

    _inherit = "b2b.document"  # pylint: disable=consider-merging-classes-inherited

    edo_provider_id = fields.Many2one(
        "b2b.edo.provider", string="EDO operator", readonly=True, copy=False
    )
    edo_state = fields.Selection(
        [
            (edo_provider.SENT, "Sent to the operator"),
            (edo_provider.DELIVERED, "Delivered to the buyer"),
            (edo_provider.SIGNED, "Signed by the buyer"),
            (edo_provider.REJECTED, "Rejected by the buyer"),
            (edo_provider.ERROR, "Operator error"),
        ],
        string="EDO state",
        readonly=True,
        copy=False,
        tracking=True,
    )
    edo_message_id = fields.Char(
        string="Operator message ID", readonly=True, copy=False
    )
    edo_document_id = fields.Char(
        string="Operator document ID", readonly=True, copy=False, index="btree_not_null"
    )
    edo_detail = fields.Text(string="Operator note", readonly=True, copy=False)
    edo_sent_date = fields.Datetime(
        string="Sent to the operator on", readonly=True, copy=False
    )

    def _b2b_edo_outgoing(self):
        """What the provider is handed for this document."""
        self.ensure_one()
        if not self.xml_attachment_id:
            raise UserError(
                self.env._(
                    "%(document)s has no XML file to send through an EDO operator.",
                    document=self.display_name,
                )
            )
        doc = self.sudo()
        company = doc.company_id.partner_id
        entity = doc.entity_id
        return edo_provider.EdoOutgoing(
            document_ref=doc.number or "",
            file_name=doc.xml_attachment_id.name,
            content=doc.xml_attachment_id.raw,
            sender_id=company.b2b_edo_participant_id
            or f"{company.vat}{company.b2b_kpp or ''}",
            recipient_id=entity.b2b_edo_participant_id
            or f"{entity.vat}{entity.b2b_kpp or ''}",
            pdf=doc.attachment_id.raw or b"",
            pdf_name=doc.attachment_id.name or "",
        )

    def action_b2b_edo_send(self, provider=None):
        """Send these sent documents through ``provider`` (the company's by
        default): sign, send, keep the operator's ids and state."""
        for document in self:
            if document.state != "sent":
                raise UserError(
                    self.env._(
                        "%(document)s must be sent to the buyer before it goes "
                        "through an EDO operator.",
                        document=document.display_name,
                    )
                )
            if document.edo_document_id:
                raise UserError(
                    self.env._(
                        "%(document)s was already sent through %(provider)s.",
                        document=document.display_name,
                        provider=document.edo_provider_id.display_name,
                    )
                )
            chosen = provider or self.env["b2b.edo.provider"]._b2b_default(
                document.company_id
            )
            signed = chosen._b2b_edo_sign(document._b2b_edo_outgoing())
            receipt = chosen._b2b_edo_send(signed)
            document.sudo().write(
                {
                    "edo_provider_id": chosen.id,
                    "edo_message_id": receipt.message_id,
                    "edo_document_id": receipt.document_id,
                    "edo_state": receipt.state,
                    "edo_detail": receipt.detail or False,
                    "edo_sent_date": fields.Datetime.now(),
                }
            )
        return True

    def action_b2b_edo_poll(self):
        """Ask each provider for the states of its documents among these."""
        for provider, documents in (
            self.filtered("edo_document_id").grouped("edo_provider_id").items()
        ):
            statuses = provider._b2b_edo_poll(documents.mapped("edo_document_id"))
            by_id = {document.edo_document_id: document for document in documents}
            for status in statuses:
                if status.document_id in by_id:
                    by_id[status.document_id]._b2b_edo_set_state(
                        status.state, status.detail
                    )
        return True

    def _b2b_edo_set_state(self, state, detail=""):
        """Record the operator's ``state``; signed accepts, rejected rejects
        the document (states never go back)."""
        self.ensure_one()
        new = edo_provider.later_state(self.edo_state, state)
        if new == self.edo_state:
            return False
        self.sudo().write({"edo_state": new, "edo_detail": detail or False})
        if self.state == "sent" and new == edo_provider.SIGNED:
            self.sudo()._b2b_accept()
        elif self.state == "sent" and new == edo_provider.REJECTED:
            self.sudo()._b2b_reject(
                detail or self.env._("Rejected by the buyer at the EDO operator.")
            )
        return True

    # manual provider: the manager reports what the operator shows
    def action_b2b_edo_mark_delivered(self):
        for document in self:
            document._b2b_edo_set_state(edo_provider.DELIVERED)
        return True

    def action_b2b_edo_mark_signed(self):
        for document in self:
            document._b2b_edo_set_state(edo_provider.SIGNED)
        return True
