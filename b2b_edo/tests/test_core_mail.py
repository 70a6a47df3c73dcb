from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bHttpMixin

from .common import EdoCommon


@tagged("post_install", "-at_install")
class TestDocumentMail(B2bHttpMixin, EdoCommon, HttpCase):
    """A document sent to an entity e-mails its members who read documents,
    unless they opted out; nothing for a partner that is not a B2B entity."""

    def mails(self, document):
        return self.env["mail.mail"].search(
            [("model", "=", "b2b.document"), ("res_id", "=", document.id)]
        )

    def test_members_with_documents_are_mailed(self):
        document = self.create_document(send=True)
        mails = self.mails(document)
        self.assertEqual(
            mails.recipient_ids,
            (self.owner_a | self.accountant_a | self.viewer_a).partner_id,
        )
        self.assertEqual(set(mails.mapped("state")), {"outgoing"})  # queued
        self.assertIn(document._b2b_portal_url(), mails[0].body_html)

    def test_opt_out_from_the_documents_page(self):
        self.authenticate(self.accountant_a.login, self.accountant_a.login)
        response = self.post("/my/b2b/documents/notifications")  # no choice
        self.assertEqual(response.status_code, 303)
        self.assertFalse(
            self.env["b2b.membership"].search(
                [
                    ("user_id", "=", self.accountant_a.id),
                    ("b2b_edo_mail_optout", "=", True),
                ]
            )
        )
        response = self.post("/my/b2b/documents/notifications", mail="0")
        self.assertEqual(response.status_code, 303)
        document = self.create_document(send=True)
        self.assertNotIn(
            self.accountant_a.partner_id, self.mails(document).recipient_ids
        )
        self.assertIn(self.owner_a.partner_id, self.mails(document).recipient_ids)
        page = self.url_open("/my/b2b/documents").text
        self.assertNotIn('checked="checked"', page.split("o_b2b_edo_notifications")[1])
        self.post("/my/b2b/documents/notifications", mail="1")
        document = self.create_document(send=True)
        self.assertIn(self.accountant_a.partner_id, self.mails(document).recipient_ids)

    def test_no_mail_outside_b2b(self):
        customer = self.env["res.partner"].create(
            {"name": "Retail", "is_company": True}
        )
        for entity in (customer, self.entity_a):
            document = self.create_document(entity=entity, send=not entity.b2b_state)
            if entity.b2b_state:  # incoming: the buyer's own upload
                document.direction = "incoming"
                document.action_send()
            self.assertFalse(self.mails(document))
