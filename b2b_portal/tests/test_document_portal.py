from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .documents_common import B2bDocumentsCommon


@tagged("post_install", "-at_install")
class TestDocumentPortal(B2bDocumentsCommon, HttpCase):
    """Odoo's portal pages of invoices and deliveries: the lists show the
    ACTIVE entity's documents to a role with "documents"; pages, PDFs and
    attachments refuse another entity's, by id and by token."""

    def login(self, user):
        self.authenticate(user.login, user.login)

    def invoice_names(self, page):
        return {
            move.name
            for move in self.invoice_a | self.refund_a | self.invoice_b
            if move.name in page
        }

    def test_my_invoices_and_counter_for_each_role(self):
        documents = self.env["res.users"]._b2b_roles_with("documents")
        posted_a = {self.invoice_a.name, self.refund_a.name}
        for role, user in self.members_a.items():
            with self.subTest(role=role):
                self.login(user)
                response = self.url_open("/my/invoices")
                self.assertEqual(response.status_code, 200)
                expected = posted_a if role in documents else set()
                self.assertEqual(self.invoice_names(response.text), expected)
                counters = self.make_jsonrpc_request(
                    "/my/counters", {"counters": ["invoice_count"]}
                )
                self.assertEqual(bool(counters["invoice_count"]), bool(expected))
        self.login(self.owner_b)
        page = self.url_open("/my/invoices").text
        self.assertEqual(self.invoice_names(page), {self.invoice_b.name})
        page = self.url_open(f"/my/invoices?search={self.invoice_a.name}").text
        self.assertNotIn(self.invoice_a.name, page)

    def test_overdue_invoices_of_the_entity(self):
        """Odoo's overdue filter and count look at the user's own contact; a
        member gets the active entity's overdue invoices."""
        self.invoice_a.invoice_date_due = fields.Date.today() - timedelta(days=10)
        self.assertEqual(self.invoice_a.payment_state, "not_paid")
        url = "/my/invoices?filterby=overdue_invoices"
        self.login(self.accountant_a)
        self.assertEqual(
            self.invoice_names(self.url_open(url).text), {self.invoice_a.name}
        )
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["overdue_invoice_count"]}
        )
        self.assertEqual(counters["overdue_invoice_count"], 1)
        self.login(self.buyer_in_a)
        self.assertEqual(self.invoice_names(self.url_open(url).text), set())

    def test_my_invoices_follow_the_active_entity(self):
        # buyer_ab: a buyer in A (no documents), an owner in B
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        self.login(self.buyer_ab)
        self.assertEqual(self.invoice_names(self.url_open("/my/invoices").text), set())
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        page = self.url_open("/my/invoices").text
        self.assertEqual(self.invoice_names(page), {self.invoice_b.name})

    def test_invoice_page_by_id_and_token(self):
        url = f"/my/invoices/{self.invoice_a.id}"
        token = self.invoice_a._portal_ensure_token()
        for user in (self.buyer_a, self.accountant_a, self.viewer_a):
            with self.subTest(user=user.login):
                self.login(user)
                response = self.url_open(url, allow_redirects=False)
                self.assertEqual(response.status_code, 200)
                self.assertIn(self.invoice_a.name, response.text)
        foreign_token = self.invoice_b._portal_ensure_token()
        for user in (self.buyer_in_a, self.owner_b):
            self.login(user)
            for query in ("", "?access_token=wrong", f"?access_token={foreign_token}"):
                with self.subTest(user=user.login, query=query):
                    response = self.url_open(url + query, allow_redirects=False)
                    self.assertIn(response.status_code, (302, 303))
                    self.assertNotIn(self.invoice_a.name, response.text)
        # a member's role decides, even with the invoice's own token (Odoo's
        # order page hands it out) ...
        self.login(self.buyer_in_a)
        response = self.url_open(f"{url}?access_token={token}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        # ... while for anyone else the token works as Odoo means it: the
        # link sent to the invoice's customer opens it, whoever holds it
        self.login(self.owner_b)
        response = self.url_open(f"{url}?access_token={token}", allow_redirects=False)
        self.assertEqual(response.status_code, 200)

    def test_invoice_pdf_by_web_content_and_download(self):
        """The invoice's PDF attachment follows the invoice: through
        /web/content on the invoice's field and the portal's download; a
        portal user reads no attachment by its id (Odoo's access rights)."""
        self.invoice_a.invoice_pdf_report_file = b"JVBERi0xLjQK"  # "%PDF-1.4"
        attachment = self.invoice_a.invoice_pdf_report_id
        self.assertEqual(attachment.res_id, self.invoice_a.id)
        field_url = (
            f"/web/content/account.move/{self.invoice_a.id}/invoice_pdf_report_file"
        )
        download_url = f"/my/invoices/{self.invoice_a.id}?report_type=pdf&download=true"
        self.login(self.accountant_a)
        for url in (field_url, download_url):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response.content.startswith(b"%PDF"))
        for user in (self.accountant_a, self.buyer_in_a, self.owner_b):
            self.login(user)
            urls = [f"/web/content/{attachment.id}"]
            if user != self.accountant_a:
                urls += [field_url, download_url]
            for url in urls:
                with self.subTest(user=user.login, url=url):
                    response = self.url_open(url, allow_redirects=False)
                    self.assertIn(response.status_code, (303, 403, 404))
                    self.assertNotIn(b"%PDF", response.content)

    def test_delivery_slip_by_id_and_token(self):
        url = f"/my/picking/pdf/{self.picking_a.id}"
        order_token = self.order_a._portal_ensure_token()
        for user in (self.buyer_a, self.accountant_a, self.viewer_a):
            with self.subTest(user=user.login):
                self.login(user)
                self.assertEqual(self.url_open(url).status_code, 200)
        for user in (self.buyer_in_a, self.owner_b):
            self.login(user)
            for query in ("", f"?access_token={self.order_b._portal_ensure_token()}"):
                with self.subTest(user=user.login, query=query):
                    self.assertEqual(self.url_open(url + query).status_code, 404)
        # the order's token opens its deliveries (Odoo), but not to a member
        # whose role has no "documents"
        self.login(self.buyer_in_a)
        self.assertEqual(
            self.url_open(f"{url}?access_token={order_token}").status_code, 404
        )

    def test_order_page_lists_documents_for_documents_roles(self):
        invoice = self.order_a._create_invoices()
        invoice.action_post()
        url = f"/my/orders/{self.order_a.id}"
        for role, user in self.members_a.items():
            with self.subTest(role=role):
                self.login(user)
                page = self.url_open(url).text
                self.assertIn(self.order_a.name, page)
                shown = role in self.env["res.users"]._b2b_roles_with("documents")
                self.assertEqual(invoice.name in page, shown)
                self.assertEqual(self.picking_a.name in page, shown)

    def test_user_of_no_entity_keeps_odoo_invoices(self):
        customer = self.env["res.partner"].create(
            {"name": "Plain customer", "is_company": True}
        )
        user = new_test_user(self.env, login="doc_plain", groups="base.group_portal")
        user.partner_id.parent_id = customer
        invoice = self.invoice_b.copy({"partner_id": customer.id})
        invoice.action_post()
        self.login(user)
        page = self.url_open("/my/invoices").text
        self.assertIn(invoice.name, page)
        self.assertNotIn(self.invoice_b.name, page)
