"""The invoice for payment (b2b_edo) of a portal cart checked out with
b2b_multicart, which posts Odoo's invoice in the same confirmation: the
document is linked to that invoice whichever addon's extension of the order
event runs first, and a held order gets its document when it is approved."""

from odoo.tests import tagged

from odoo.addons.b2b_multicart.tests.common import MulticartCommon
from odoo.addons.b2b_portal.tests.common import inn


@tagged("post_install", "-at_install")
class TestEventsPaymentInvoice(MulticartCommon):
    test_module = "b2b_edo"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a supplier that can issue invoices for payment: INN and bank account
        company = cls.env.company
        company.vat = inn("770300003")
        bank = cls.env["res.bank"].create({"name": "ПАО Банк", "bic": "044525225"})
        cls.env["res.partner.bank"].create(
            {
                "partner_id": company.partner_id.id,
                "bank_id": bank.id,
                "acc_number": "40702810900000000001",
            }
        )

    def test_no_requisites_no_invoice_for_payment(self):
        self.env.company.partner_id.bank_ids.unlink()
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 3})
        order = cart._b2b_checkout("pi-0", self.contract_a, version=cart.b2b_version)
        self.assertEqual(order.state, "sale")
        self.assertFalse(order._b2b_edo_payment_invoices())

    def test_checkout_links_the_posted_invoice(self):
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 3})
        order = cart._b2b_checkout("pi-1", self.contract_a, version=cart.b2b_version)
        invoice = order.invoice_ids
        self.assertEqual(invoice.state, "posted")
        document = order._b2b_edo_payment_invoices()
        self.assertEqual(len(document), 1)
        self.assertEqual(
            (document.document_type, document.state, document.invoice_id),
            ("payment_invoice", "sent", invoice),
        )
        self.assertEqual(document.entity_id, self.entity_a)

    def test_merged_carts_one_document(self):
        first = self.cart(self.buyer_a, self.entity_a, "Первая", {self.bolt: 1})
        second = self.cart(self.buyer_a, self.entity_a, "Вторая", {self.nut: 2})
        merged, _summed = (first | second)._b2b_merge(self.buyer_a, None)
        order = merged._b2b_checkout("pi-2", merged.b2b_contract_id)
        self.assertEqual(len(order._b2b_edo_payment_invoices()), 1)
        # the merged carts are no orders: nothing for them
        self.assertFalse((first | second)._b2b_edo_payment_invoices())

    def test_held_order_gets_it_when_approved(self):
        self.contract_a.credit_limit = 1.0
        cart = self.cart(self.buyer_a, self.entity_a, "Крупный", {self.bolt: 20})
        order = cart._b2b_checkout("pi-3", self.contract_a, version=cart.b2b_version)
        self.assertTrue(order.b2b_awaiting_approval)
        self.assertFalse(order._b2b_edo_payment_invoices())
        order.action_b2b_approve()
        self.assertEqual(order._b2b_edo_payment_invoices().state, "sent")
