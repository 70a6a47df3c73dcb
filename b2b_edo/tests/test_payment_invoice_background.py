from unittest.mock import patch

from odoo import http
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import config, mute_logger

from ..models import b2b_document_payment_invoice as module
from .payment_invoice_common import PaymentInvoiceCommon


@tagged("post_install", "-at_install")
class TestPaymentInvoiceBackground(PaymentInvoiceCommon, HttpCase):
    """The invoice for payment's PDF left to the cron worker: what a
    checkout in an HTTP worker of a multi-process server does, so that
    ``wkhtmltopdf`` never waits for a worker its own request holds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cron = cls.env.ref("b2b_edo.ir_cron_b2b_edo_render")
        cls.env["ir.config_parameter"].sudo().set_param(module.RENDER_PARAM, "1")

    def run_cron(self):
        # as the cron worker runs it, in a cursor of its own (an HttpCase
        # is in the registry's test mode already)
        self.cron.method_direct_trigger()
        self.env.invalidate_all()

    def triggers(self):
        return self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.cron.id)]
        )

    def test_when_it_is_deferred(self):
        Document = self.env["b2b.document"]
        param = self.env["ir.config_parameter"].sudo()
        param.set_param(module.RENDER_PARAM, "")
        # no request, or a single-process server: rendered now
        self.assertFalse(Document._b2b_edo_render_in_background())
        with patch.dict(config.options, {"workers": 4}):
            self.assertFalse(Document._b2b_edo_render_in_background())
            # in an HTTP worker of a multi-process server: in the background
            http._request_stack.push(object())
            try:
                self.assertTrue(Document._b2b_edo_render_in_background())
                param.set_param(module.RENDER_PARAM, "0")
                self.assertFalse(Document._b2b_edo_render_in_background())
            finally:
                http._request_stack.pop()
        param.set_param(module.RENDER_PARAM, "1")
        self.assertTrue(Document._b2b_edo_render_in_background())

    def test_confirmation_leaves_it_to_the_cron(self):
        before = self.triggers()
        order = self.make_order()
        document = self.payment_invoices(order)
        # numbered at once, but a draft without a file, and nobody mailed
        self.assertEqual(len(document), 1)
        self.assertEqual(document.state, "draft")
        self.assertTrue(document.number.startswith("INV-"))
        self.assertFalse(document.attachment_id)
        self.assertEqual(self.triggers(), before + 1)
        mails = self.env["mail.mail"].search_count([("model", "=", "b2b.document")])

        self.run_cron()
        self.assertEqual(document.state, "sent")
        self.assertIn("1\u00a0525,00", document.attachment_id.raw.decode())
        self.assertEqual(document.file_name, f"{document.number}.html")
        self.assertGreater(
            self.env["mail.mail"].search_count([("model", "=", "b2b.document")]),
            mails,
        )
        # nothing left: a second run changes nothing
        self.run_cron()
        self.assertEqual(self.payment_invoices(order), document)

    def test_a_version_replaced_before_its_turn_is_never_sent(self):
        order = self.make_order()
        first = self.payment_invoices(order)
        order.order_line[0].write({"product_uom_qty": 20, "price_unit": 122.0})
        second = self.payment_invoices(order) - first
        self.assertEqual((second.version, second.previous_id), (2, first))
        self.run_cron()
        self.assertEqual((first.state, second.state), ("cancelled", "sent"))
        self.assertFalse(first.attachment_id)
        self.assertIn("2\u00a0745,00", second.attachment_id.raw.decode())

    def test_a_cancelled_order_gets_none(self):
        order = self.make_order()
        document = self.payment_invoices(order)
        order._action_cancel()
        self.assertEqual(document.state, "cancelled")
        self.run_cron()
        self.assertEqual(document.state, "cancelled")
        self.assertFalse(document.attachment_id)

    def test_one_failure_does_not_stop_the_others(self):
        broken = self.payment_invoices(self.make_order())
        fine = self.payment_invoices(self.make_order())
        render = type(broken)._b2b_payment_invoice_render

        def failing(documents):
            if broken in documents:
                raise UserError(self.env._("wkhtmltopdf: no such font"))
            return render(documents)

        with (
            patch.object(type(broken), "_b2b_payment_invoice_render", failing),
            mute_logger(module.__name__),
        ):
            self.run_cron()
        self.assertEqual((broken.state, fine.state), ("draft", "sent"))
        # the next run renders what the failure left
        self.run_cron()
        self.assertEqual(broken.state, "sent")
        self.assertTrue(broken.attachment_id)

    def test_the_order_page_says_it_is_being_prepared(self):
        order = self.make_order()
        document = self.payment_invoices(order)
        url = f"/my/b2b/documents/payment-invoices/{document.id}"
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(f"/my/orders/{order.id}").text
        self.assertIn("o_b2b_payment_invoice_pending", page)
        self.assertNotIn(url, page)
        # nor is the draft served before it is sent
        self.assertEqual(self.url_open(url).status_code, 404)
        # a buyer of the entity without documents is told nothing
        self.authenticate("buyer_ab", "buyer_ab")
        page = self.url_open(f"/my/orders/{order.id}").text
        self.assertNotIn("o_b2b_payment_invoice_pending", page)

        self.run_cron()
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(f"/my/orders/{order.id}").text
        self.assertNotIn("o_b2b_payment_invoice_pending", page)
        self.assertIn(url, page)
        self.assertEqual(self.url_open(url + "?download=1").status_code, 200)
