"""The seeds' whole path in one tour, in headless Chromium, in Russian, with a
screenshot of each step (tests/tour_shots.py; ``setup/tour-shots`` writes
them to docs/tour for the README).

A visitor signs up and registers their company; the supplier's manager
approves it in the back office; the buyer accepts the supply contract with
the code e-mailed to them and uploads the founding documents, which the
manager accepts; the buyer finds a product in the catalog and adds it,
pastes a quick order into a second cart, merges both, reviews and checks
out, and opens the invoice for payment with its QR code; the manager
validates the delivery and registers the payment; the buyer finds the UPD,
files a claim on a delivered line; the manager decides it, which makes a
credit note; the buyer finds it on the claim.

Every step of the manager's is done in the back office's own screens; only
the supplier's setup (company, taxes, bank, contract template, stock) is
made by model calls here. The one thing patched is the generator of the
e-mailed code, so that the tour can type it; the e-mail itself is checked.
"""

from unittest.mock import patch

from journey_common import LOGIN, NewcomerCommon
from tour_shots import TourShotsMixin

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import file_open

from odoo.addons.b2b_portal.tests.common import inn, ogrn
from odoo.addons.mail.tests.common import MockEmail

CODE = "odoo.addons.b2b_edo.models.contract_esign.B2bEsignCode._b2b_draw_code"
CONTRACT_BODY = "b2b_edo/demo/contract_template_demo.html"
# the screenshots, in the order the tour takes them (docs/tour/<name>.png,
# shown by the README's "Tour of the portal")
SHOTS = [
    "01-signup",
    "02-register",
    "03-pending",
    "04-approve",
    "05-documents",
    "06-contract",
    "07-code",
    "08-accepted",
    "09-founding",
    "10-founding-accepted",
    "11-catalog",
    "12-quick-order",
    "13-carts",
    "14-review",
    "15-order",
    "16-invoice-for-payment",
    "17-delivery",
    "18-payment",
    "19-upd",
    "20-claim",
    "21-claim-decision",
    "22-credit-note",
]


@tagged("post_install", "-at_install")
class TestWholeJourney(TourShotsMixin, MockEmail, NewcomerCommon, HttpCase):
    # outside odoo.addons.*, Odoo does not name the module of the test
    test_module = "b2b_claims"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._russian_supplier()
        cls.manager.write(
            {
                "lang": "ru_RU",
                "group_ids": [
                    Command.link(cls.env.ref(xml_id).id)
                    for xml_id in (
                        "sales_team.group_sale_manager",
                        "account.group_account_invoice",
                        "stock.group_stock_user",
                    )
                ],
            }
        )
        cls.env.ref("stock.warehouse0").name = "Склад Москва"
        cls.add_stock({cls.product: 500, cls.product_new: 500})

    @classmethod
    def _russian_supplier(cls):
        """The supplier as the demo makes it (b2b.demo's steps): a Russian
        VAT payer in roubles, 22 % VAT included in prices, with its bank
        account, head and chief accountant; Russian pages; a supply
        contract offered on approval; founding documents required."""
        env = cls.env
        env["res.lang"]._activate_lang("ru_RU")
        installed = env["ir.module.module"].search([("state", "=", "installed")])
        env["ir.module.module"]._load_module_terms(installed.mapped("name"), ["ru_RU"])
        # new partners (the visitor, the entity) speak Russian
        env["ir.default"].set("res.partner", "lang", "ru_RU")
        rub = env.ref("base.RUB")
        rub.write({"active": True, "symbol": "₽"})
        ru = env.ref("base.ru")
        ru.vat_label = "ИНН"
        cls.supplier.write(
            {
                "name": "ООО «ОптТорг»",
                "country_id": ru.id,
                "currency_id": rub.id,
                "city": "Москва",
                "street": "Дмитровское ш., д. 71Б",
                "zip": "127238",
                "vat": inn("771301234"),
                "company_registry": ogrn("102770012345"),
                "email": "sales@opttorg.example",
                "phone": "+7 495 123-45-67",
                # sums of lines as their prices read, VAT included (Odoo's
                # own order and invoice pages)
                "account_price_include": "tax_included",
                "b2b_founding_required": True,
                "b2b_upd_trigger": "both",
            }
        )
        cls.supplier.partner_id.write({"b2b_kpp": "771301001", "lang": "ru_RU"})
        env["product.pricelist"].search([]).currency_id = rub
        Demo = env["b2b.demo"]
        Demo._demo_vat(cls.supplier)
        Demo._demo_requisites(cls.supplier)
        vat = Demo._demo_vat_taxes()["sale_22"]
        (cls.product | cls.product_new | cls.product_dealer).write(
            {
                "taxes_id": [Command.set(vat.ids)],
                "type": "consu",
                "is_storable": True,
                "invoice_policy": "order",
            }
        )
        env["b2b.contract.template"].create(
            {
                "name": "Договор поставки",
                "company_id": cls.supplier.id,
                "body": file_open(CONTRACT_BODY).read(),
            }
        )

    @classmethod
    def add_stock(cls, quantities):
        stock = cls.env.ref("stock.warehouse0").lot_stock_id
        for product, qty in quantities.items():
            cls.env["stock.quant"]._update_available_quantity(product, stock, qty)

    def documents(self, entity, document_type, **domain):
        return self.env["b2b.document"].search(
            [("entity_id", "=", entity.id), ("document_type", "=", document_type)]
            + [(key, "=", value) for key, value in domain.items()]
        )

    def back_office(self, action, record=None):
        url = f"/odoo/action-{action}"
        return f"{url}/{record.id}" if record else url

    def test_whole_journey(self):
        ru = {"frontend_lang": "ru_RU"}
        # 1. sign-up and registration, as a visitor
        self.start_tour("/web/signup", "b2b_whole_signup", login=None, cookies=ru)
        user = self.newcomer()
        entity = self.entity()
        self.assertEqual(user.lang, "ru_RU")
        self.assertEqual(entity.b2b_state, "pending")
        # 2. the manager approves it in the verification queue
        self.start_tour(
            self.back_office("b2b_portal.res_partner_action_b2b_verification"),
            "b2b_whole_approve",
            login="journey_manager",
        )
        contract = self.check_approved(entity)
        offered = self.documents(entity, "contract")
        self.assertEqual(offered.state, "sent")
        self.assertTrue(entity._b2b_order_blockers())
        # 3. the contract accepted with the e-mailed code, founding documents
        with patch(CODE, return_value="246810"), self.mock_mail_gateway():
            self.start_tour("/my/b2b", "b2b_whole_contract", login=LOGIN)
        mails = [m for m in self._mails if "246810" in m["body"]]
        self.assertEqual(len(mails), 1)
        self.assertIn(LOGIN, mails[0]["email_to"][0])
        self.assertEqual(offered.state, "accepted")
        founding = self.documents(entity, "founding", state="sent")
        self.assertEqual(len(founding), 3)
        # 4. the manager accepts them
        self.start_tour(
            self.back_office("b2b_edo.b2b_document_action_founding"),
            "b2b_whole_founding",
            login="journey_manager",
        )
        self.assertEqual(set(founding.mapped("state")), {"accepted"})
        self.assertEqual(entity._b2b_order_blockers(), [])
        # 5. catalog, quick order in a second cart, merge, review, checkout,
        # the invoice for payment
        self.start_tour("/my/b2b/catalog", "b2b_whole_order", login=LOGIN)
        order = self.env["sale.order"].search(
            [("b2b_entity_id", "=", entity.id), ("state", "=", "sale")]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.b2b_contract_id, contract)
        self.assertEqual(len(order.b2b_merged_from_ids), 2)
        self.assertEqual(
            {ln.product_id: ln.product_uom_qty for ln in order.order_line},
            {self.product: 15, self.product_new: 50},
        )
        self.assertEqual(order.currency_id.name, "RUB")
        # the price type's prices, 22 % VAT included
        self.assertEqual(order.amount_total, 15 * 90 + 50 * 18)
        self.assertAlmostEqual(order.amount_tax, 2250 * 22 / 122, delta=0.02)
        self.assertEqual(len(order._b2b_edo_payment_invoices()), 1)
        # 6. the manager validates the delivery and registers the payment
        self.start_tour(
            self.back_office("sale.action_orders", order),
            "b2b_whole_deliver_pay",
            login="journey_manager",
        )
        self.assertEqual(order.picking_ids.state, "done")
        self.assertIn(order.invoice_ids.payment_state, ("paid", "in_payment"))
        self.assertEqual(len(self.documents(entity, "upd")), 1)
        # 7. the UPD in the documents, a claim on a delivered line
        self.start_tour(
            "/my/b2b/documents?doc_type=upd", "b2b_whole_claim", login=LOGIN
        )
        claim = self.env["b2b.claim"].search([("entity_id", "=", entity.id)])
        self.assertEqual(claim.line_ids.product_id, self.product)
        self.assertEqual(claim.state, "submitted")
        # 8. the manager decides: a credit note
        self.start_tour(
            self.back_office("b2b_claims.b2b_claim_action", claim),
            "b2b_whole_claim_decide",
            login="journey_manager",
        )
        # a credit note is the whole outcome: the claim is resolved with it
        self.assertEqual(claim.state, "resolved")
        credit_note = claim.credit_note_ids
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.amount_total, 90.0)  # 2 × 90.00 × 50 %
        # 9. the buyer finds it on the claim
        self.start_tour("/my/b2b/claims", "b2b_whole_credit_note", login=LOGIN)
        self.assertEqual(self.shots, SHOTS)
