"""The financial documents of one order, in headless Chromium: the order of
a B2B entity is confirmed, delivered and paid in the back office; the buyer
finds its invoice for payment and its UPD (PDF and XML) in the documents
section, then asks for a reconciliation act and accepts it (b2b_edo)."""

from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_edo.tests.upd_common import UpdCommon


@tagged("post_install", "-at_install")
class TestFinancialDocumentsJourney(UpdCommon, HttpCase):
    # outside odoo.addons.*, Odoo does not name the module of the test
    test_module = "b2b_edo"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the supplier's bank account: the invoice for payment's bank box
        bank = cls.env["res.bank"].create({"name": "ПАО Банк", "bic": "044525225"})
        cls.env["res.partner.bank"].create(
            {
                "partner_id": cls.env.company.partner_id.id,
                "bank_id": bank.id,
                "acc_number": "40702810900000000001",
            }
        )

    def test_invoice_for_payment_upd_and_act(self):
        order = self.order()
        invoice_for_payment = order._b2b_edo_payment_invoices()
        self.assertEqual(invoice_for_payment.state, "sent")
        self.deliver(order)
        self.pay(order)
        self.assertEqual(len(self.upds(entity_id=self.entity_a.id)), 1)

        self.start_tour(
            "/my/b2b/documents?doc_type=payment_invoice",
            "b2b_edo_journey_financial",
            login="buyer_a",
        )
        act = self.env["b2b.document"].search(
            [
                ("entity_id", "=", self.entity_a.id),
                ("document_type", "=", "reconciliation"),
            ]
        )
        self.assertEqual(len(act), 1)
        self.assertEqual(act.state, "accepted")
        self.assertEqual(act.decided_by_id, self.owner_a)
