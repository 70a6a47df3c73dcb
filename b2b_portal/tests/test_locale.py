from unittest.mock import patch

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools.misc import format_amount

from .common import B2bCommon, B2bHttpMixin, inn, ogrn

NBSP = "\u00a0"


@tagged("post_install", "-at_install")
class TestLocale(B2bHttpMixin, B2bCommon, HttpCase):
    """Numbers in the buyer's language, the language switcher, the
    supplier's requisites on the invoice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(
            ["portal", "mail", "b2b_portal"], ["ru_RU"]
        )
        cls.ru_env = cls.env(context=dict(cls.env.context, lang="ru_RU"))

    def test_quantities_and_amounts_in_russian(self):
        Lang = self.ru_env["res.lang"]
        self.assertEqual(Lang._b2b_format_qty(12.0), "12")
        self.assertEqual(Lang._b2b_format_qty(2.5), "2,5")
        self.assertEqual(Lang._b2b_format_qty(1200.0), f"1{NBSP}200")
        self.assertEqual(Lang._b2b_format_qty(1200.0, grouping=False), "1200")
        self.assertEqual(
            self.env["res.lang"].with_context(lang="en_US")._b2b_format_qty(1200.5),
            "1,200.5",
        )
        widget = self.ru_env["ir.qweb.field.b2b_qty"]
        self.assertEqual(widget.value_to_html(500.0, {}), "500")
        self.assertEqual(widget.value_to_html(2.5, {}), "2,5")
        self.assertEqual(Lang._b2b_count(13, "строка|строки|строк"), f"13{NBSP}строк")
        self.assertEqual(Lang._b2b_count(22, "строка|строки|строк"), f"22{NBSP}строки")
        rub = self.env.ref("base.RUB")
        self.assertIn("197,05", format_amount(self.ru_env, 197.05, rub))
        # the formatter of the catalog's rows writes what Odoo's widget writes
        fmt = Lang._b2b_number_format()
        monetary = self.ru_env["ir.qweb.field.monetary"]
        for value in (197.05, 1234567.891, -12.5, 0.0):
            self.assertEqual(
                fmt.money(value, rub),
                monetary.value_to_html(value, {"display_currency": rub}),
            )
            self.assertEqual(fmt.qty(value), Lang._b2b_format_qty(value))

    def test_catalog_stock_in_the_buyer_language(self):
        product = self.env["product.product"].create(
            {
                "name": "Кабель ВВГ",
                "default_code": "LOC-0001",
                "list_price": 100.0,
                "type": "consu",
                "is_storable": True,
                "sale_ok": True,
            }
        )
        self.add_stock({product: 1200.5})
        self.buyer_a.lang = "ru_RU"
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/b2b/catalog?search=LOC-0001").text
        self.assertIn(f"1{NBSP}200,5", page)
        self.assertNotIn("1200.5", page)

    def test_bounded_count_in_russian(self):
        self.env["product.product"].create(
            [{"name": f"Шуруп {n}", "default_code": f"LOC-S{n:02d}"} for n in range(25)]
        )
        self.buyer_a.lang = "ru_RU"
        self.authenticate("buyer_a", "buyer_a")
        with patch("odoo.addons.b2b_portal.models.product_product.COUNT_LIMIT", 10):
            page = self.url_open("/my/b2b/catalog?search=LOC-S").text
        self.assertIn("Найдено 20+ товаров", page)

    def switch(self, lang, redirect="/my/orders"):
        return self.post("/my/b2b/language", lang=lang, redirect=redirect)

    def test_language_switcher(self):
        self.buyer_a.lang = "ru_RU"
        self.authenticate("buyer_a", "buyer_a")
        home = self.url_open("/my").text
        self.assertIn("o_b2b_language_switcher", home)
        self.assertIn('value="en_US"', home)
        self.assertIn("Редактировать информацию", home)  # Odoo's own term
        response = self.switch("en_US", "/ru/my/orders?page=1")
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my/orders?page=1"))
        self.assertEqual(self.buyer_a.lang, "en_US")
        self.assertIn("Edit information", self.url_open("/my").text)
        self.switch("ru_RU")
        self.assertEqual(self.buyer_a.lang, "ru_RU")
        self.assertIn("Редактировать информацию", self.url_open("/my").text)

    def test_language_switcher_refuses_other_languages_and_hosts(self):
        self.buyer_a.lang = "ru_RU"
        self.authenticate("buyer_a", "buyer_a")
        for lang in ("fr_FR", "xx_XX", ""):
            response = self.switch(lang)
            self.assertEqual(response.status_code, 303)
            self.assertEqual(self.buyer_a.lang, "ru_RU", lang)
        response = self.switch("en_US", "https://evil.example/steal")
        self.assertNotIn("evil.example", response.headers["Location"])
        self.assertTrue(response.headers["Location"].endswith("/my"))
        self.logout()
        response = self.switch("en_US")
        self.assertIn(response.status_code, (302, 303, 400, 403))
        self.assertEqual(self.buyer_a.lang, "en_US")

    def test_invoice_pdf_prints_the_supplier_requisites(self):
        company = self.env.company
        bank = self.env["res.bank"].create(
            {
                "name": "АО «Тестбанк»",
                "bic": "044525593",
                "b2b_corr_account": "30101810200000000593",
            }
        )
        company.write(
            {
                "country_id": self.ru.id,
                "vat": inn("771301234"),
                "b2b_kpp": "771301001",
                "company_registry": ogrn("102770012345"),
                "b2b_director_name": "Кузнецов А. В.",
                "b2b_accountant_name": "Соколова Е. П.",
                "bank_ids": [
                    Command.create(
                        {"acc_number": "40702810701300012345", "bank_id": bank.id}
                    )
                ],
            }
        )
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.entity_a.id,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Болт", "quantity": 2.5, "price_unit": 100.0}
                    )
                ],
            }
        )
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "account.account_invoices", invoice.ids
        )
        html = html.decode()
        self.assertIn("o_b2b_supplier_requisites", html)
        self.assertIn(">2.5</span>", html)  # the quantity, not "2.50"
        for text in (
            inn("771301234"),
            "771301001",
            ogrn("102770012345"),
            "40702810701300012345",
            "044525593",
            "30101810200000000593",
            "Кузнецов А. В.",
            "Соколова Е. П.",
        ):
            self.assertIn(text, html)
        # a credit note refunds to the customer's account: the supplier's
        # requisites still print the supplier's
        refund_to = self.env["res.partner.bank"].create(
            {"partner_id": self.entity_a.id, "acc_number": "40702810900000000123"}
        )
        credit_note = invoice.copy({"move_type": "out_refund"})
        credit_note.partner_bank_id = refund_to
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "account.account_invoices", credit_note.ids
        )
        requisites = html.decode().split("o_b2b_supplier_requisites", 1)[1]
        self.assertIn("40702810701300012345", requisites)
        self.assertNotIn("40702810900000000123", requisites)

    def test_verification_activity_in_the_reviewer_language(self):
        self.manager.lang = "ru_RU"
        entity = self.env["res.partner"].create(
            {
                "name": "ООО «Гамма»",
                "is_company": True,
                "country_id": self.ru.id,
                "vat": inn("770300003"),
                "b2b_kpp": "770301001",
                "company_registry": ogrn("102770000003"),
                "user_id": self.manager.id,
            }
        )
        entity.with_context(lang="en_US").action_b2b_submit()
        activity = entity.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertEqual(
            activity.summary, "Проверить реквизиты и подтвердить или отклонить"
        )

    def test_portal_chatter_texts_are_translated(self):
        self.buyer_a.lang = "ru_RU"
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open("/website/translations?lang=ru_RU")
        self.assertIn("Беседа пуста.", response.text)  # mail's, in the chatter

    def test_orders_list_in_the_suite_wording(self):
        product = self.env["product.product"].create(
            {"name": "Доставка груза", "type": "service", "list_price": 10.0}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.entity_a.id,
                "order_line": [Command.create({"product_id": product.id})],
            }
        )
        order.action_confirm()
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/orders").text
        self.assertIn(order.name, page)
        self.assertNotIn("Shipping Status", page)  # untranslated in Odoo 19
        self.assertIn('name="b2b_order_delivery"', page)
