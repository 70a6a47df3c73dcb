import hashlib

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..tools import upd_xml
from .upd_common import UpdCommon


@tagged("post_install", "-at_install")
class TestUpdGeneration(UpdCommon):
    def test_one_upd_per_delivery_when_paid_and_delivered(self):
        order = self.order(qty=5)
        picking = self.deliver(order)
        self.assertFalse(self.upds(order_id=order.id), "not paid yet")
        invoice = self.pay(order)
        upd = self.upds(order_id=order.id)
        self.assertEqual(len(upd), 1)
        self.assertEqual(
            (upd.picking_id, upd.invoice_id, upd.entity_id, upd.state),
            (picking, invoice, self.entity_a, "sent"),
        )
        self.assertTrue(upd.number.startswith("UPD-"))
        self.assertEqual(upd.attachment_id.mimetype, "application/pdf")
        self.assertEqual(
            upd.xml_sha256, hashlib.sha256(upd.xml_attachment_id.raw).hexdigest()
        )
        # the events again (a retried transaction) make no second UPD
        picking._b2b_on_delivery_done()
        invoice._b2b_on_invoice_paid()
        self.assertEqual(self.upds(order_id=order.id), upd)

    def test_paid_first_then_delivered(self):
        order = self.order(qty=2)
        self.pay(order)
        self.assertFalse(self.upds(order_id=order.id), "nothing shipped yet")
        picking = self.deliver(order)
        self.assertEqual(self.upds(order_id=order.id).picking_id, picking)

    def test_status_1_for_a_vat_payer_and_2_without_vat(self):
        vat_order = self.order(qty=3)
        self.deliver(vat_order)
        self.pay(vat_order)
        vat_upd = self.upds(order_id=vat_order.id)
        self.assertEqual(vat_upd.upd_status, "1")
        root = etree.fromstring(vat_upd.xml_attachment_id.raw)
        self.assertEqual(root.find("Документ").get("Функция"), "СЧФДОП")
        line = root.find("Документ/ТаблСчФакт/СведТов")
        self.assertEqual(
            (line.get("НалСт"), line.findtext("СумНал/СумНал")), ("22%", "6.60")
        )
        self.env.company.partner_id.b2b_tax_system = "usn_income"
        plain_order = self.order(qty=3, taxes=self.env["account.tax"])
        self.deliver(plain_order)
        self.pay(plain_order)
        plain_upd = self.upds(order_id=plain_order.id)
        self.assertEqual(plain_upd.upd_status, "2")
        root = etree.fromstring(plain_upd.xml_attachment_id.raw)
        self.assertEqual(root.find("Документ").get("Функция"), "ДОП")
        self.assertEqual(
            root.findtext("Документ/ТаблСчФакт/ВсегоОпл/СумНалВсего/БезНДС"), "без НДС"
        )

    def test_xml_file_name_encoding_and_mandatory_elements(self):
        order = self.order(qty=4)
        self.deliver(order)
        self.pay(order)
        upd = self.upds(order_id=order.id)
        content = upd.xml_attachment_id.raw
        entity_id = self.entity_a.vat + self.entity_a.b2b_kpp
        company = self.env.company
        self.assertRegex(
            upd.xml_attachment_id.name,
            rf"^ON_NSCHFDOPPR_{entity_id}_{company.vat}{company.b2b_kpp}_\d{{8}}_"
            rf"{upd.upd_guid}_0_0_0_0_0_00\.xml$",
        )
        self.assertTrue(
            content.startswith(b'<?xml version="1.0" encoding="windows-1251"?>')
        )
        self.assertEqual(upd_xml.missing_elements(content), [])
        root = etree.fromstring(content)
        self.assertEqual(root.get("ИдФайл") + ".xml", upd.xml_attachment_id.name)
        self.assertEqual(root.find("Документ/СвСчФакт").get("НомерДок"), upd.number)
        buyer = root.find("Документ/СвСчФакт/СвПокуп/ИдСв/СвЮЛУч")
        self.assertEqual(buyer.get("ИННЮЛ"), self.entity_a.vat)
        self.assertEqual(
            root.find("Документ/СвПродПер/СвПер/ОснПер").get("РеквНомерДок"),
            self.contract_a.name,
        )
        # the XML and its hash are locked with the core's fields
        self.assertTrue(
            {"xml_attachment_id", "xml_sha256"} <= set(upd._b2b_locked_fields())
        )

    def test_partial_delivery_gives_a_upd_of_what_was_shipped(self):
        order = self.order(qty=5)
        self.pay(order)
        first = self.deliver(order, qty=3)
        upd = self.upds(picking_id=first.id)
        self.assertEqual([line.quantity for line in upd._b2b_upd_lines()], [3])
        qty = etree.fromstring(upd.xml_attachment_id.raw).find(
            "Документ/ТаблСчФакт/СведТов"
        )
        self.assertEqual(qty.get("КолТов"), "3")
        backorder = self.deliver(order)
        self.assertNotEqual(backorder, first)
        second = self.upds(picking_id=backorder.id)
        self.assertEqual([line.quantity for line in second._b2b_upd_lines()], [2])
        self.assertEqual(len(self.upds(order_id=order.id)), 2)

    def test_trigger_on_delivery(self):
        self.env.company.b2b_upd_trigger = "delivery"
        order = self.order(qty=2)
        picking = self.deliver(order)
        self.assertEqual(self.upds(order_id=order.id).picking_id, picking)

    def test_trigger_on_payment(self):
        self.env.company.b2b_upd_trigger = "payment"
        order = self.order(qty=2)
        self.deliver(order)
        self.assertFalse(self.upds(order_id=order.id))
        invoice = self.pay(order)
        upd = self.upds(order_id=order.id)
        self.assertEqual(
            (upd.invoice_id, upd.picking_id), (invoice, self.env["stock.picking"])
        )
        self.assertEqual([line.quantity for line in upd._b2b_upd_lines()], [2])

    def test_trigger_never_and_no_company_inn(self):
        self.env.company.b2b_upd_trigger = "never"
        order = self.order(qty=2)
        self.deliver(order)
        self.pay(order)
        self.assertFalse(self.upds(order_id=order.id))
        self.env.company.write({"b2b_upd_trigger": "both", "vat": False})
        order = self.order(qty=2)
        self.deliver(order)
        self.pay(order)
        self.assertFalse(self.upds(order_id=order.id))

    def test_nothing_for_a_partner_that_is_not_a_b2b_entity(self):
        order = self.order(customer=self.retail, qty=2)
        self.deliver(order)
        self.pay(order)
        self.assertFalse(self.upds(order_id=order.id))

    def test_access_another_entity_sees_none(self):
        order = self.order(qty=2)
        self.deliver(order)
        self.pay(order)
        upd = self.upds(order_id=order.id)
        Document = self.env["b2b.document"]
        self.assertEqual(
            Document.with_user(self.accountant_a).search(
                [("document_type", "=", "upd")]
            ),
            upd,
        )
        self.assertFalse(
            Document.with_user(self.buyer_b).search([("document_type", "=", "upd")])
        )
        with self.assertRaises(AccessError):
            upd.with_user(self.buyer_b).read(["number"])
        with self.assertRaises(AccessError):
            upd.xml_attachment_id.with_user(self.buyer_b).read(["raw"])
        # the accountant is offered the XML beside the PDF
        seen = upd.with_user(self.accountant_a)
        self.assertIn(
            f"/my/b2b/documents/{upd.id}/xml",
            [link.url for link in seen._b2b_portal_actions(self.accountant_a)],
        )

    def test_printed_form_has_the_mandatory_parts(self):
        order = self.order(qty=3)
        self.deliver(order)
        self.pay(order)
        upd = self.upds(order_id=order.id)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "b2b_edo.report_upd", upd.ids
        )
        text = html.decode()
        money = etree.fromstring(upd.xml_attachment_id.raw).find(
            "Документ/СвСчФакт/ДенИзм"
        )
        for part in (
            "Универсальный передаточный документ",
            "Статус:",
            f"Счет-фактура № {upd.number}",
            "ИНН/КПП продавца:",
            "Грузоотправитель и его адрес:",
            "Грузополучатель и его адрес:",
            "К платежно-расчетному документу",
            "Валюта: наименование, код",
            f"{money.get('НаимОКВ')}, {money.get('КодОКВ')}",
            "Код вида товара",
            "Регистрационный номер декларации",
            "Товар (груз) передал",
            "Товар (груз) получил",
            "Болт M10",
            "22%",
            "Петров Сергей Иванович",
            self.entity_a.vat,
        ):
            self.assertIn(part, text)

    def test_printed_form_is_a_real_pdf(self):
        order = self.order(qty=1)
        self.deliver(order)
        self.pay(order)
        upd = self.upds(order_id=order.id)
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("b2b_edo.report_upd", upd.ids)
        )
        self.assertTrue(pdf.startswith(b"%PDF-"))
