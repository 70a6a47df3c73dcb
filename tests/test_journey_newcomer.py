"""A newcomer's whole journey in a database of two companies: signs up with
Odoo's signup, registers their company, waits for the approval of a manager
of the supplier company, then orders from the catalog with the group's
prices and the contract the approval made. Once through the browser's HTTP
requests, once as a tour in headless Chromium."""

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.b2b_portal.models.res_company import SIGNUP_COMPANY_PARAM
from odoo.addons.b2b_portal.tests.common import B2bHttpMixin
from odoo.addons.b2b_portal.tools import ru_ids

LOGIN = "anna.newco@example.com"
VERIFY = "b2b_portal.mail_activity_b2b_verify"


@tagged("post_install", "-at_install")
class TestNewcomerJourney(B2bHttpMixin, HttpCase):
    # outside odoo.addons.*, Odoo does not name the module of the test
    test_module = "b2b_portal"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supplier = cls.env.company
        # a second company, the one Odoo's own sign-up would choose: that of
        # the portal template user
        cls.other = cls.env["res.company"].create({"name": "Other Co"})
        cls.env.ref("base.template_portal_user_id").write(
            {"company_ids": [Command.link(cls.other.id)], "company_id": cls.other.id}
        )
        Param = cls.env["ir.config_parameter"].sudo()
        Param.set_param(SIGNUP_COMPANY_PARAM, str(cls.supplier.id))
        Param.set_param("auth_signup.invitation_scope", "b2c")
        # a B2B manager of the supplier company only
        cls.manager = new_test_user(
            cls.env,
            login="journey_manager",
            groups="b2b_portal.group_b2b_manager",
            company_id=cls.supplier.id,
            company_ids=[Command.set(cls.supplier.ids)],
        )
        cls.price_type = cls.env["product.pricelist"].create(
            {
                "name": "Новые −10 %",
                "b2b_is_price_type": True,
                "b2b_base": "list_price",
                "b2b_discount_type": "percent",
                "b2b_discount": 10.0,
            }
        )
        Group = cls.env["res.partner.category"]
        cls.newcomers = Group.create(
            {"name": "Новые клиенты", "b2b_pricelist_id": cls.price_type.id}
        )
        cls.dealers = Group.create({"name": "Дилеры"})
        cls.term = cls.env.ref("account.account_payment_term_30days")
        cls.supplier.write(
            {
                "b2b_default_category_id": cls.newcomers.id,
                "b2b_contract_payment_term_id": cls.term.id,
            }
        )
        Category = cls.env["product.category"]
        open_section = Category.create({"name": "Крепёж"})
        new_section = Category.create(
            {"name": "Для новых", "b2b_group_ids": [Command.set(cls.newcomers.ids)]}
        )
        dealer_section = Category.create(
            {"name": "Дилерам", "b2b_group_ids": [Command.set(cls.dealers.ids)]}
        )
        cls.product, cls.product_new, cls.product_dealer = cls.env[
            "product.product"
        ].create(
            [
                {
                    "name": "Анкер клиновой 10×100",
                    "default_code": "JRN-1",
                    "list_price": 100.0,
                    "categ_id": open_section.id,
                    "company_id": cls.supplier.id,
                },
                {
                    "name": "Дюбель 8×40",
                    "default_code": "JRN-3",
                    "list_price": 20.0,
                    "categ_id": new_section.id,
                    "company_id": cls.supplier.id,
                },
                {
                    "name": "Шуруп дилерский",
                    "default_code": "JRN-4",
                    "list_price": 5.0,
                    "categ_id": dealer_section.id,
                    "company_id": cls.supplier.id,
                },
            ]
        )
        cls.inn = ru_ids.inn_check_digits("771900019")
        ogrn_body = "102771900019"
        cls.ogrn = ogrn_body + str(ru_ids.ogrn_check_digit(ogrn_body))

    def entity(self):
        return self.env["res.partner"].search(
            [("vat", "=", self.inn), ("is_company", "=", True)]
        )

    def check_approved(self, entity, user):
        """What the approval gave: the group, the salesperson, one contract."""
        self.assertEqual(entity.b2b_state, "approved")
        self.assertEqual(entity.category_id, self.newcomers)
        self.assertEqual(entity.user_id, self.manager)
        contract = entity.b2b_contract_ids
        self.assertEqual(len(contract), 1)
        self.assertEqual((contract.state, contract.is_default), ("active", True))
        self.assertEqual(contract.company_id, self.supplier)
        self.assertEqual(contract.payment_term_id, self.term)
        self.assertEqual(contract._b2b_pricelist(), self.price_type)
        return contract

    def test_signup_register_approve_order(self):
        # 1. Odoo's own signup page, as a visitor
        self.authenticate(None, None)
        self.url_open("/web/signup")
        response = self.post(
            "/web/signup",
            login=LOGIN,
            name="Анна Новикова",
            password="Str0ng-passw0rd!",
            confirm_password="Str0ng-passw0rd!",
        )
        self.assertIn(response.status_code, (302, 303), response.text[-500:])
        user = self.env["res.users"].search([("login", "=", LOGIN)])
        self.assertTrue(user._is_portal())
        self.assertEqual(user.company_ids, self.supplier, "the supplier's user")
        self.authenticate(LOGIN, "Str0ng-passw0rd!")
        # 2. no entity yet: the catalog sends to the registration form
        for url in ("/my/b2b", "/my/b2b/catalog"):
            response = self.url_open(url, allow_redirects=False)
            self.assertEqual(response.status_code, 303, url)
            self.assertTrue(
                response.headers["Location"].endswith("/my/b2b/entities/register")
            )
        page = self.url_open("/my/b2b/catalog")
        self.assertIn("To see the catalog and order, register your company", page.text)
        response = self.post(
            "/my/b2b/entities/register",
            name="ООО «НьюКо»",
            inn=self.inn,
            kpp="771901001",
            ogrn=self.ogrn,
            tax_system="osn",
            street="ул. Новая, 1",
            city="Москва",
            zip="101000",
        )
        self.assertEqual(response.status_code, 303, response.text[-1000:])
        entity = self.entity()
        self.assertEqual(entity.b2b_state, "pending")
        self.assertEqual(user._b2b_role(entity), "owner")
        # one verification activity, for the manager of the supplier company
        activity = entity.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(VERIFY)
        )
        self.assertEqual(activity.user_id, self.manager)
        # 3. pending: the catalog shows, ordering is refused with the reason
        self.assertEqual(self.url_open("/my/b2b/catalog").status_code, 200)
        refused = self.post("/my/b2b/cart/add", **{f"qty_{self.product.id}": "5"})
        self.assertEqual(refused.status_code, 400)
        self.assertIn("not verified yet", refused.text)
        # 4. the manager of the supplier company approves: nothing to set up
        entity.with_user(self.manager).action_b2b_approve()
        contract = self.check_approved(entity, user)
        # 5. the buyer sees the open section and their group's, with its
        # prices, and orders
        page = self.url_open("/my/b2b/catalog").text
        self.assertIn("JRN-1", page)
        self.assertIn("JRN-3", page)
        self.assertNotIn("JRN-4", page)
        response = self.post("/my/b2b/cart/add", **{f"qty_{self.product.id}": "5"})
        self.assertEqual(response.status_code, 303)
        cart = user._b2b_current_cart(entity)
        self.assertEqual(cart.order_line.product_id, self.product)
        self.assertEqual(cart.order_line.product_uom_qty, 5)
        self.assertEqual(cart.order_line.price_unit, 90.0)
        self.assertEqual(cart.b2b_contract_id, contract)
        self.assertEqual(cart.company_id, self.supplier)

    def test_tour_signup_to_first_order(self):
        self.start_tour("/web/signup", "b2b_journey_signup_register", login=None)
        user = self.env["res.users"].search([("login", "=", LOGIN)])
        self.assertEqual(user.company_ids, self.supplier)
        entity = self.entity()
        self.assertEqual(entity.b2b_state, "pending")
        # the approval, in the back office, by the supplier's manager
        self.start_tour(
            "/odoo/action-b2b_portal.res_partner_action_b2b_verification",
            "b2b_journey_manager_approves",
            login="journey_manager",
        )
        contract = self.check_approved(entity, user)
        self.start_tour("/my/b2b/catalog", "b2b_journey_first_order", login=LOGIN)
        order = self.env["sale.order"].search(
            [("b2b_entity_id", "=", entity.id), ("state", "!=", "draft")]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.b2b_contract_id, contract)
        self.assertEqual(
            {
                line.product_id.default_code: (line.product_uom_qty, line.price_unit)
                for line in order.order_line
            },
            {"JRN-1": (5, 90.0), "JRN-3": (10, 18.0)},
        )
