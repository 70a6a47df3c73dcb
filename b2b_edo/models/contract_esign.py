from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from ..tools import contract_code


class B2bEsignAgreement(models.Model):
    """The agreement on the use of a simple electronic signature (63-ФЗ,
    art. 6 p. 2): a buyer accepts it once before signing anything. Its text
    is versioned: a new text is a new record, the old one archived."""

    _name = "b2b.esign.agreement"
    _description = "Agreement on the simple e-signature"
    _order = "version desc, id desc"

    name = fields.Char(required=True, translate=True)
    version = fields.Integer(required=True, default=1)
    body = fields.Html(required=True, translate=True, sanitize_overridable=True)
    active = fields.Boolean(default=True)

    @api.model
    def _b2b_current(self):
        return self.search([], limit=1)


class B2bEsignConsent(models.Model):
    """A buyer's acceptance of the agreement: once per buyer and version."""

    _name = "b2b.esign.consent"
    _description = "Acceptance of the simple e-signature agreement"
    _order = "accepted_at desc, id desc"

    user_id = fields.Many2one(
        "res.users", required=True, index=True, readonly=True, ondelete="restrict"
    )
    agreement_id = fields.Many2one(
        "b2b.esign.agreement", required=True, readonly=True, ondelete="restrict"
    )
    agreement_version = fields.Integer(readonly=True)
    accepted_at = fields.Datetime(required=True, readonly=True)
    remote_addr = fields.Char(string="Client address", readonly=True)
    user_agent = fields.Char(string="Browser", readonly=True)

    _user_agreement_uniq = models.Constraint(
        "UNIQUE(user_id, agreement_id)", "The agreement is accepted already."
    )

    def write(self, vals):
        if vals:
            raise UserError(self.env._("An accepted agreement cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("An accepted agreement cannot be deleted."))

    @api.model
    def _b2b_of(self, user):
        """The consent of ``user`` to the current agreement, if any."""
        agreement = self.env["b2b.esign.agreement"].sudo()._b2b_current()
        return self.sudo().search(
            [("user_id", "=", user.id), ("agreement_id", "=", agreement.id)], limit=1
        )

    @api.model
    def _b2b_give(self, user, client):
        """``user`` accepts the current agreement; ``client``: (address,
        user agent) of the request."""
        consent = self._b2b_of(user)
        if consent:
            return consent
        agreement = self.env["b2b.esign.agreement"].sudo()._b2b_current()
        if not agreement:
            raise UserError(self.env._("The e-signature agreement is not set up."))
        return self.sudo().create(
            {
                "user_id": user.id,
                "agreement_id": agreement.id,
                "agreement_version": agreement.version,
                "accepted_at": fields.Datetime.now(),
                "remote_addr": (client[0] or "")[:64],
                "user_agent": (client[1] or "")[:512],
            }
        )


class B2bEsignCode(models.Model):
    """A one-time code sent to a buyer to sign one document. Only its keyed
    hash is stored (tools/contract_code.py); the code itself exists only in
    the e-mail, built and sent without a mail.mail record."""

    _name = "b2b.esign.code"
    _description = "One-time signature code"
    _order = "id desc"

    user_id = fields.Many2one(
        "res.users", required=True, index=True, readonly=True, ondelete="cascade"
    )
    document_id = fields.Many2one(
        "b2b.document", required=True, index=True, readonly=True, ondelete="cascade"
    )
    channel = fields.Selection([("email", "E-mail")], default="email", required=True)
    code_hash = fields.Char(readonly=True, groups="base.group_system")
    salt = fields.Char(readonly=True, groups="base.group_system")
    read_at = fields.Datetime(
        string="Read confirmed at", readonly=True, help="“I have read it”."
    )
    sent_at = fields.Datetime(readonly=True)
    expires_at = fields.Datetime(readonly=True)
    attempts = fields.Integer(readonly=True)
    confirmed_at = fields.Datetime(readonly=True)
    state = fields.Selection(
        [
            ("active", "Active"),
            ("used", "Used"),
            ("replaced", "Replaced"),
            ("locked", "Locked"),
        ],
        default="active",
        required=True,
        readonly=True,
    )

    def _b2b_key(self):
        return self.env["ir.config_parameter"].sudo().get_param("database.secret")

    @api.model
    def _b2b_draw_code(self):
        """The random code (the one thing the tour replaces)."""
        return contract_code.draw_code()

    @api.model
    def _b2b_request(self, document, user):
        """A new code for ``user`` to sign ``document``, e-mailed; the codes
        asked before for it stop working. The caller checked who may sign."""
        if not user.email:
            raise UserError(
                self.env._("Your account has no e-mail address to send the code to.")
            )
        Code = self.sudo()
        Code.search(
            [
                ("user_id", "=", user.id),
                ("document_id", "=", document.id),
                ("state", "=", "active"),
            ]
        ).write({"state": "replaced"})
        code = self._b2b_draw_code()
        salt = contract_code.new_salt()
        now = fields.Datetime.now()
        record = Code.create(
            {
                "user_id": user.id,
                "document_id": document.id,
                "code_hash": contract_code.hash_code(code, salt, self._b2b_key()),
                "salt": salt,
                "read_at": now,
                "sent_at": now,
                "expires_at": contract_code.expiry(now),
            }
        )
        record._b2b_send(code)
        return record

    def _b2b_send(self, code):
        """E-mail ``code`` to the buyer, straight through the mail server:
        no mail.mail, no message, so the code is stored nowhere."""
        self.ensure_one()
        user = self.user_id.sudo()
        document = self.document_id.sudo()
        lang_self = self.with_context(lang=user.lang or self.env.lang)
        subject = lang_self.env._(
            "Code to sign %(document)s", document=document.display_name
        )
        body = Markup(
            "<p>%s</p><p style='font-size:24px;letter-spacing:4px'><b>%s</b></p>"
            "<p>%s</p>"
        ) % (
            lang_self.env._(
                "Your one-time code to sign %(document)s of %(entity)s:",
                document=document.display_name,
                entity=document.entity_id.name,
            ),
            code,
            lang_self.env._(
                "It is valid for %(minutes)s minutes. Entering it with your "
                "login is your simple electronic signature. If you did not ask "
                "for it, ignore this message.",
                minutes=contract_code.VALID_MINUTES,
            ),
        )
        MailServer = self.env["ir.mail_server"].sudo()
        message = MailServer._build_email__(
            email_from=document.company_id.email_formatted
            or MailServer._get_default_from_address()
            or self.env.ref("base.partner_root").email_formatted,
            email_to=[user.email_formatted],
            subject=subject,
            body=body,
            subtype="html",
        )
        MailServer.send_email(message)

    @api.model
    def _b2b_latest(self, document, user):
        return self.sudo().search(
            [("user_id", "=", user.id), ("document_id", "=", document.id)], limit=1
        )

    @api.model
    def _b2b_confirm(self, document, user, code):
        """Check ``code`` against the latest code of ``user`` for
        ``document``: ``(code record, "")`` when it matches (the code is used
        up), else ``(empty, message)`` saying why (wrong, expired, used,
        locked). Nothing raises, so a wrong attempt stays counted."""
        record = self._b2b_latest(document, user)
        if not record:
            return self.browse(), self.env._("Ask for a code first.")
        now = fields.Datetime.now()
        outcome = contract_code.check_code(
            code,
            code_hash=record.code_hash,
            salt=record.salt,
            key=self._b2b_key(),
            state=record.state,
            expires_at=record.expires_at,
            attempts=record.attempts,
            now=now,
        )
        if outcome == contract_code.OK:
            record.write({"state": "used", "confirmed_at": now})
            return record, ""
        if outcome == contract_code.WRONG:
            record.attempts += 1
            return self.browse(), self.env._(
                "The code is wrong: %(left)s attempts left.",
                left=contract_code.MAX_ATTEMPTS - record.attempts,
            )
        if outcome == contract_code.LOCKED:
            if record.state == "active":
                record.write({"state": "locked", "attempts": record.attempts + 1})
            return self.browse(), self.env._(
                "Too many wrong codes: this code is locked. Ask for a new one."
            )
        if outcome == contract_code.EXPIRED:
            return self.browse(), self.env._(
                "The code expired (it is valid for %(minutes)s minutes): ask "
                "for a new one.",
                minutes=contract_code.VALID_MINUTES,
            )
        return self.browse(), self.env._(
            "This code was used already or replaced by a newer one: ask for a new code."
        )

    def _b2b_sent_label(self):
        self.ensure_one()
        return format_datetime(self.env, self.sent_at)
