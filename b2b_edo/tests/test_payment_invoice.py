import datetime

from psycopg2 import IntegrityError

from odoo import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.res_partner_bank import GOST_QR
from .payment_invoice_common import ACCOUNT, BIC, CORR, PaymentInvoiceCommon

NBSP = "\u00a0"


@tagged("post_install", "-at_install")
class TestPaymentInvoice(PaymentInvoiceCommon):
    def html(self, document):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "b2b_edo.payment_invoice_report", document.ids
        )
        return html.decode()

    def test_made_on_confirmation(self):
        order = self.make_order(confirm=False)
        self.assertFalse(self.payment_invoices(order))
        order.action_confirm()
        document = self.payment_invoices(order)
        self.assertEqual(len(document), 1)
        self.assertEqual(
            (document.document_type, document.state, document.version),
            ("payment_invoice", "sent", 1),
        )
        self.assertEqual(document.entity_id, self.entity_a)
        self.assertEqual(document.contract_id, self.contract_a)
        self.assertTrue(document.number.startswith("INV-"))
        self.assertTrue(document.attachment_id.raw)
        self.assertEqual(len(document.file_sha256), 64)

    def test_content_requisites_vat_words_due_date(self):
        document = self.payment_invoices(self.make_order())
        html = self.html(document)
        for text in (
            f'Счёт на оплату № <span class="o_b2b_number">{document.number}</span>',
            "АО «Альфа-Банк»",
            BIC,
            CORR,
            ACCOUNT,
            self.company.vat,
            "770301001",
            "ООО «Поставщик»",
            "ООО «Альфа»",
            self.entity_a.vat,
            "770101001",
            "Договор № A-1",
            "Болт M8",
            "122,00",
            "1" + NBSP + "220,00",
            "В том числе НДС 22 %:",
            "275,00",
            "Всего наименований 2, на сумму 1" + NBSP + "525,00 руб.",
            "Одна тысяча пятьсот двадцать пять рублей 00 копеек",
            "Кузнецов Андрей Викторович",
            "Соколова Елена Павловна",
        ):
            self.assertIn(text, html)
        self.assertNotIn("Без НДС", html)
        due = document.date + datetime.timedelta(days=30)
        self.assertIn("Оплатить не позднее " + due.strftime("%d.%m.%Y"), html)
        self.assertRegex(
            html, r'<img class="o_b2b_qr"[^>]* src="data:image/png;base64,'
        )

    def test_without_vat(self):
        order = self.make_order([(self.washer, 3, 1.5)])
        html = self.html(self.payment_invoices(order))
        self.assertIn("Без НДС", html)
        self.assertNotIn("В том числе НДС", html)
        self.assertIn("Четыре рубля 50 копеек", html)

    def test_qr_string_of_the_account(self):
        document = self.payment_invoices(self.make_order())
        purpose = f"Оплата по счёту № {document.number} от 02.12.2026"
        text = self.bank_account._get_qr_vals(
            GOST_QR, 1525.0, self.rub, self.entity_a, purpose, None
        )
        self.assertEqual(
            text,
            f"ST00012|Name=ООО «Поставщик»|PersonalAcc={ACCOUNT}"
            f"|BankName=АО «Альфа-Банк»|BIC={BIC}|CorrespAcc={CORR}"
            f"|PayeeINN={self.company.vat}|KPP=770301001|Sum=152500"
            f"|Purpose={purpose}",
        )
        self.assertIn(
            GOST_QR, dict(self.bank_account.get_available_qr_methods_in_sequence())
        )

    def test_qr_only_for_roubles_and_russian_accounts(self):
        eur = self.env.ref("base.EUR")
        self.assertTrue(
            self.bank_account._get_error_messages_for_qr(GOST_QR, self.entity_a, eur)
        )
        self.assertIsNone(
            self.bank_account.build_qr_code_base64(
                10.0, "x", None, eur, self.entity_a, qr_method=GOST_QR
            )
        )
        iban = self.env["res.partner.bank"].create(
            {"partner_id": self.company.partner_id.id, "acc_number": "BE71096123456769"}
        )
        self.assertTrue(
            iban._get_error_messages_for_qr(GOST_QR, self.entity_a, self.rub)
        )
        self.assertIsNone(
            self.bank_account._get_error_messages_for_qr(
                GOST_QR, self.entity_a, self.rub
            )
        )

    def test_odoo_invoice_carries_the_gost_qr(self):
        order = self.make_order()
        self.company.qr_code = True
        # Odoo's invoice takes the company's account trusted for payments
        self.bank_account.allow_out_payment = True
        invoice = order._create_invoices()
        invoice.partner_bank_id = self.bank_account
        invoice.action_post()
        self.assertTrue(invoice._generate_qr_code().startswith("data:image/png"))
        self.assertEqual(invoice.qr_code_method, GOST_QR)
        text = self.bank_account._get_qr_vals(
            GOST_QR,
            invoice.amount_residual,
            self.rub,
            self.entity_a,
            invoice.name,
            None,
        )
        self.assertIn(f"|Sum=152500|Purpose={invoice.name}", text)

    def test_one_document_per_order_and_version_under_retries(self):
        order = self.make_order()
        order._b2b_on_order_confirmed()
        order._b2b_edo_payment_invoice_sync()
        order.write({"client_order_ref": "PO-7", "note": "Звонить заранее"})
        document = self.payment_invoices(order)
        self.assertEqual(len(document), 1)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env["b2b.document"].create(
                {
                    "document_type": "payment_invoice",
                    "entity_id": self.entity_a.id,
                    "order_id": order.id,
                    "version": 1,
                }
            )

    def test_change_makes_a_new_version(self):
        order = self.make_order()
        first = self.payment_invoices(order)
        order.order_line[0].write({"product_uom_qty": 20, "price_unit": 122.0})
        second = self.payment_invoices(order) - first
        self.assertEqual(len(second), 1)
        self.assertEqual((second.version, second.previous_id), (2, first))
        self.assertEqual((first.state, second.state), ("superseded", "sent"))
        self.assertNotEqual(first.b2b_content_hash, second.b2b_content_hash)
        self.assertIn("2" + NBSP + "745,00", self.html(second))
        order.write(
            {
                "order_line": [
                    Command.create({"product_id": self.washer.id, "price_unit": 1.0})
                ]
            }
        )
        self.assertEqual(self.payment_invoices(order)[:1].version, 3)
        # the first version's file stays as it was sent
        self.assertIn("1" + NBSP + "525,00", first.attachment_id.raw.decode())
        self.assertNotIn("2" + NBSP + "745,00", first.attachment_id.raw.decode())

    def test_down_payment_makes_no_new_version(self):
        order = self.make_order()
        document = self.payment_invoices(order)
        self.env["sale.advance.payment.inv"].with_context(
            active_model="sale.order", active_ids=order.ids
        ).create(
            {"advance_payment_method": "percentage", "amount": 30}
        ).create_invoices()
        self.assertTrue(order.order_line.filtered("is_downpayment"))
        self.assertEqual(self.payment_invoices(order), document)

    def test_no_new_version_after_payment(self):
        order = self.make_order()
        invoice = order._create_invoices()
        invoice.action_post()
        document = self.payment_invoices(order)
        self.assertEqual(document.invoice_id, invoice)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 500.0})._create_payments()
        self.assertEqual(invoice.payment_state, "partial")
        order.order_line[0].product_uom_qty = 20
        self.assertEqual(self.payment_invoices(order), document)

    def test_cancel_cancels_the_invoice_for_payment(self):
        order = self.make_order()
        order._action_cancel()
        self.assertEqual(self.payment_invoices(order).state, "cancelled")

    def test_nothing_for_a_customer_who_is_no_entity(self):
        customer = self.env["res.partner"].create({"name": "Retail customer"})
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [Command.create({"product_id": self.bolt.id})],
            }
        )
        order.action_confirm()
        order.order_line.product_uom_qty = 3
        self.assertFalse(
            self.env["b2b.document"].search_count([("order_id", "=", order.id)])
        )

    def test_visible_to_members_with_documents_only(self):
        document = self.payment_invoices(self.make_order())
        Document = self.env["b2b.document"]
        self.assertTrue(document.with_user(self.accountant_a).has_access("read"))
        self.assertTrue(document.with_user(self.owner_a).has_access("read"))
        for user in (self.member_b, self.buyer_ab):
            self.assertFalse(
                Document.with_user(user).search([("id", "=", document.id)]),
                user.login,
            )

    def test_real_pdf(self):
        document = self.payment_invoices(self.make_order())
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("b2b_edo.payment_invoice_report", document.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertGreater(len(pdf), 5000)
