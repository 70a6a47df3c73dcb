from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

# what the chain part may still write on a final record, and the acceptance
# page attached once after the record is made
_WRITABLE = {"b2b_chain_index", "b2b_chain_hash", "page_attachment_id"}


class B2bDocumentAcceptance(models.Model):
    """The evidence of a document accepted with a simple e-signature
    (63-ФЗ): who, for which entity, under which authority, when, from where,
    with which browser, which file (its SHA-256) and which template version,
    how the one-time code went (channel, sent and confirmed times; never the
    code). Immutable once made, and a link of the company's hash chain."""

    _name = "b2b.document.acceptance"
    _description = "Acceptance of a document (simple e-signature)"
    _inherit = ["b2b.edo.chained"]
    _order = "accepted_at desc, id desc"
    _rec_name = "document_id"

    document_id = fields.Many2one(
        "b2b.document", required=True, index=True, readonly=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Person", readonly=True)
    entity_id = fields.Many2one(
        "res.partner", string="Legal entity", required=True, index=True, readonly=True
    )
    entity_inn = fields.Char(string="INN", readonly=True)
    entity_kpp = fields.Char(string="KPP", readonly=True)
    signatory_name = fields.Char(required=True, readonly=True)
    signatory_position = fields.Char(required=True, readonly=True)
    authority = fields.Selection(
        [("charter", "Charter"), ("power_of_attorney", "Power of attorney")],
        string="Basis of authority",
        required=True,
        readonly=True,
    )
    power_of_attorney_id = fields.Many2one(
        "ir.attachment", string="Power of attorney file", readonly=True
    )
    accepted_at = fields.Datetime(string="Accepted at (UTC)", required=True)
    remote_addr = fields.Char(string="Client address", readonly=True)
    user_agent = fields.Char(string="Browser", readonly=True)
    document_sha256 = fields.Char(string="Document SHA-256", readonly=True)
    template_id = fields.Many2one("b2b.contract.template", readonly=True)
    template_version = fields.Integer(readonly=True)
    consent_id = fields.Many2one(
        "b2b.esign.consent", string="E-signature agreement", readonly=True
    )
    code_channel = fields.Selection(
        [("email", "E-mail")], string="Code sent by", readonly=True
    )
    code_sent_at = fields.Datetime(readonly=True)
    code_confirmed_at = fields.Datetime(readonly=True)
    page_attachment_id = fields.Many2one(
        "ir.attachment", string="Acceptance page", readonly=True
    )

    def write(self, vals):
        if set(vals) - _WRITABLE or (
            "page_attachment_id" in vals and self.filtered("page_attachment_id")
        ):
            raise UserError(self.env._("An acceptance record cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("An acceptance record cannot be deleted."))

    def _b2b_chain_fields(self):
        """The evidence the link covers, read from the database as the
        verification reads it (never the code: it is not stored)."""
        return [
            *super()._b2b_chain_fields(),
            "document_id",
            "document_sha256",
            "user_id",
            "partner_id",
            "entity_id",
            "entity_inn",
            "entity_kpp",
            "signatory_name",
            "signatory_position",
            "authority",
            "power_of_attorney_id",
            "accepted_at",
            "remote_addr",
            "user_agent",
            "template_id",
            "template_version",
            "consent_id",
            "code_channel",
            "code_sent_at",
            "code_confirmed_at",
        ]

    def _b2b_chain(self):
        self._b2b_chain_append()

    # -- making one ------------------------------------------------------------
    @api.model
    def _b2b_accept(self, document, user, code, signatory, client, poa=None):
        """``user`` accepts ``document`` with ``code``: the code checked, the
        evidence recorded, the document accepted, the acceptance page made
        and e-mailed. ``signatory``: {name, position, authority}; ``client``:
        (address, user agent); ``poa``: (filename, bytes) of the power of
        attorney, required unless the authority is the charter.

        Returns ``(acceptance, "")`` or ``(empty, message)`` for a bad code
        (nothing accepted, the attempt counted). Other bad input raises a
        UserError. The caller checked that ``user`` may sign."""
        name = (signatory.get("name") or "").strip()[:200]
        position = (signatory.get("position") or "").strip()[:200]
        authority = signatory.get("authority") or ""
        if not name or not position:
            raise UserError(self.env._("Give the signatory's name and position."))
        if authority not in dict(self._fields["authority"].selection):
            raise UserError(self.env._("Choose the basis of authority."))
        if authority == "power_of_attorney" and not (poa and poa[1]):
            raise UserError(
                self.env._(
                    "Attach the power of attorney: the signatory is not the "
                    "director acting under the charter."
                )
            )
        if document.state != "sent" or not document._b2b_edo_is_contract():
            raise UserError(self.env._("This document is not waiting for acceptance."))
        consent = self.env["b2b.esign.consent"]._b2b_of(user)
        if not consent:
            raise UserError(
                self.env._("Accept the agreement on the simple e-signature first.")
            )
        check = None
        if authority == "power_of_attorney":
            check = self.env["ir.attachment"]._b2b_check_upload(poa[0], poa[1])
        code_record, error = self.env["b2b.esign.code"]._b2b_confirm(
            document, user, code
        )
        if error:
            return self.browse(), error
        document = document.sudo()
        entity = document.entity_id
        poa_file = self.env["ir.attachment"]
        if check:
            poa_file = poa_file.sudo().create(
                {
                    "name": poa[0],
                    "raw": poa[1],
                    "mimetype": check.mimetype,
                    "res_model": self._name,
                }
            )
        acceptance = self.sudo().create(
            {
                "document_id": document.id,
                "user_id": user.id,
                "partner_id": user.partner_id.id,
                "entity_id": entity.id,
                "entity_inn": entity.vat,
                "entity_kpp": entity.b2b_kpp,
                "signatory_name": name,
                "signatory_position": position,
                "authority": authority,
                "power_of_attorney_id": poa_file.id,
                "accepted_at": fields.Datetime.now(),
                "remote_addr": (client[0] or "")[:64],
                "user_agent": (client[1] or "")[:512],
                "document_sha256": document.file_sha256,
                "template_id": document.contract_template_id.id,
                "template_version": document.contract_template_id.version,
                "consent_id": consent.id,
                "code_channel": code_record.channel,
                "code_sent_at": code_record.sent_at,
                "code_confirmed_at": code_record.confirmed_at,
            }
        )
        if poa_file:
            poa_file.res_id = acceptance.id
        document.with_user(user).sudo()._b2b_accept()
        acceptance._b2b_chain()
        acceptance._b2b_attach_page()
        acceptance._b2b_mail_page()
        return acceptance, ""

    def _b2b_attach_page(self):
        """The acceptance page (who, when, from where, which hash) as a file
        of this record: the document's own file stays as it was."""
        self.ensure_one()
        content, report_type = (
            self.env["ir.actions.report"]
            .with_context(lang=self.user_id.lang or self.env.lang)
            .sudo()
            ._render_qweb_pdf("b2b_edo.b2b_acceptance_page_report", self.ids)
        )
        extension = "pdf" if report_type == "pdf" else "html"
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._(
                        "Acceptance of %(document)s.%(extension)s",
                        document=self.document_id.display_name,
                        extension=extension,
                    ),
                    "raw": content,
                    "mimetype": "application/pdf"
                    if report_type == "pdf"
                    else "text/html",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        self.sudo().write({"page_attachment_id": attachment.id})
        return attachment

    def _b2b_mail_page(self):
        """E-mail the acceptance page (and the document) to the buyer."""
        self.ensure_one()
        user = self.user_id.sudo()
        if not user.email:
            return
        document = self.document_id.sudo()
        lang_self = self.with_context(lang=user.lang or self.env.lang)
        self.env["mail.mail"].sudo().create(
            {
                "subject": lang_self.env._(
                    "%(document)s accepted", document=document.display_name
                ),
                "email_from": document.company_id.email_formatted,
                "email_to": user.email_formatted,
                "body_html": Markup("<p>%s</p>")
                % lang_self.env._(
                    "You accepted %(document)s for %(entity)s. The accepted "
                    "document and its acceptance page are attached.",
                    document=document.display_name,
                    entity=document.entity_id.name,
                ),
                "attachment_ids": [
                    (4, self.page_attachment_id.id),
                    (4, document.attachment_id.id),
                ],
                "auto_delete": False,
            }
        )
