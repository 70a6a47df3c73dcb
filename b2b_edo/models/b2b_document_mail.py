# the e-mail of an arriving document, apart from the registry (b2b_document.py)
# pylint: disable=consider-merging-classes-inherited
from odoo import Command, models


class B2bDocument(models.Model):
    """The e-mail to the entity's members when a document arrives."""

    _inherit = "b2b.document"

    def _b2b_mail_recipients(self):
        """The members of this document's entity who read documents and did
        not opt out, with an address; nobody for a partner that is not a
        B2B entity (approved, with members)."""
        self.ensure_one()
        entity = self.entity_id.sudo()
        if not entity or entity.b2b_state != "approved" or self.direction != "outgoing":
            return self.env["res.users"]
        roles = self.env["res.users"]._b2b_roles_with("documents")
        memberships = entity.b2b_membership_ids.filtered(
            lambda m: m.active
            and m.role in roles
            and not m.b2b_edo_mail_optout
            and m.user_id.active
            and m.user_id.email
        )
        return memberships.user_id

    def _b2b_on_document_sent(self):
        super()._b2b_on_document_sent()
        template = self.env.ref(
            "b2b_edo.mail_template_b2b_document_sent", raise_if_not_found=False
        )
        if not template:
            return
        for document in self:
            for user in document._b2b_mail_recipients():
                # queued (the mail cron sends it), in the member's language
                template.sudo().with_context(lang=user.lang).send_mail(
                    document.id,
                    force_send=False,
                    email_values={
                        "recipient_ids": [Command.link(user.partner_id.id)],
                        "email_to": False,
                    },
                    email_layout_xmlid="mail.mail_notification_light",
                )
