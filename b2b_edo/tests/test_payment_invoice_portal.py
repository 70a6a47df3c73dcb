from odoo.tests import HttpCase, tagged

from .payment_invoice_common import PaymentInvoiceCommon


@tagged("post_install", "-at_install")
class TestPaymentInvoicePortal(PaymentInvoiceCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.make_order()
        cls.document = cls.payment_invoices(cls.order)
        cls.url = f"/my/b2b/documents/payment-invoices/{cls.document.id}"

    def test_member_with_documents_downloads(self):
        for login in ("buyer_a", "accountant_a", "viewer_a"):
            self.authenticate(login, login)
            response = self.url_open(self.url + "?download=1")
            self.assertEqual(response.status_code, 200, login)
            self.assertEqual(response.content, self.document.attachment_id.raw)
            self.assertIn("attachment", response.headers["Content-Disposition"])

    def test_others_get_nothing(self):
        # another entity's member, a buyer of the entity (no documents)
        for login in ("buyer_b", "buyer_ab"):
            self.authenticate(login, login)
            response = self.url_open(self.url, allow_redirects=False)
            self.assertEqual(response.status_code, 404, login)
        # another kind of document of the entity is not served here
        other = self.create_document(send=True)
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open(
            f"/my/b2b/documents/payment-invoices/{other.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 404)

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open(self.url, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_order_page_links_it(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(f"/my/orders/{self.order.id}").text
        self.assertIn(self.url, page)
        self.assertIn(self.document.number, page)
        # a buyer of the entity sees the order, not its invoice for payment
        self.authenticate("buyer_ab", "buyer_ab")
        response = self.url_open(f"/my/orders/{self.order.id}")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(self.url, response.text)
