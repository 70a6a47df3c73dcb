"""A newcomer's whole journey in a database of two companies: signs up with
Odoo's signup, registers their company, waits for the approval of a manager
of the supplier company, then orders from the catalog with the group's
prices and the contract the approval made. Once through the browser's HTTP
requests, once as a tour in headless Chromium."""

from journey_common import ENTITY_NAME, LOGIN, NewcomerCommon

from odoo.tests import HttpCase, tagged

VERIFY = "b2b_portal.mail_activity_b2b_verify"


@tagged("post_install", "-at_install")
class TestNewcomerJourney(NewcomerCommon, HttpCase):
    # outside odoo.addons.*, Odoo does not name the module of the test
    test_module = "b2b_portal"

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
        user = self.newcomer()
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
            name=ENTITY_NAME,
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
        contract = self.check_approved(entity)
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
        user = self.newcomer()
        self.assertEqual(user.company_ids, self.supplier)
        entity = self.entity()
        self.assertEqual(entity.b2b_state, "pending")
        # the approval, in the back office, by the supplier's manager
        self.start_tour(
            "/odoo/action-b2b_portal.res_partner_action_b2b_verification",
            "b2b_journey_manager_approves",
            login="journey_manager",
        )
        contract = self.check_approved(entity)
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
