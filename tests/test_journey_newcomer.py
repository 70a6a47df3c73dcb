"""A newcomer's whole journey, through the browser's HTTP requests: signs up
with Odoo's signup, registers their company, waits for the supplier's
approval, then orders from the catalog."""

from odoo.http import Request
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.b2b_portal.tools import ru_ids


@tagged("post_install", "-at_install")
class TestNewcomerJourney(HttpCase):
    # outside odoo.addons.*, Odoo does not name the module of the test
    test_module = "b2b_portal"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, login="journey_manager", groups="b2b_portal.group_b2b_manager"
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Анкер клиновой 10×100",
                "default_code": "JRN-1",
                "list_price": 42.0,
            }
        )
        cls.inn = ru_ids.inn_check_digits("771900019")
        ogrn_body = "102771900019"
        cls.ogrn = ogrn_body + str(ru_ids.ogrn_check_digit(ogrn_body))

    def post(self, url, **data):
        data["csrf_token"] = Request.csrf_token(self)
        return self.url_open(url, data=data, allow_redirects=False)

    def test_signup_register_approve_order(self):
        # 1. Odoo's own signup page, as a visitor
        self.authenticate(None, None)
        self.url_open("/web/signup")
        response = self.post(
            "/web/signup",
            login="buyer@newco.example",
            name="Анна Новикова",
            password="Str0ng-passw0rd!",
            confirm_password="Str0ng-passw0rd!",
        )
        self.assertIn(response.status_code, (302, 303), response.text[-500:])
        user = self.env["res.users"].search([("login", "=", "buyer@newco.example")])
        self.assertTrue(user._is_portal())
        self.authenticate("buyer@newco.example", "Str0ng-passw0rd!")
        # 2. no entity yet: the catalog refuses, registration is offered
        self.assertEqual(self.url_open("/my/b2b/catalog").status_code, 403)
        self.assertIn(
            "/my/b2b/entities/register", self.url_open("/my/b2b/entities").text
        )
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
        entity = self.env["res.partner"].search(
            [("vat", "=", self.inn), ("is_company", "=", True)]
        )
        self.assertEqual(entity.b2b_state, "pending")
        self.assertEqual(user._b2b_role(entity), "owner")
        # 3. pending: the catalog shows, ordering is refused with the reason
        self.assertEqual(self.url_open("/my/b2b/catalog").status_code, 200)
        refused = self.post("/my/b2b/cart/add", **{f"qty_{self.product.id}": "5"})
        self.assertEqual(refused.status_code, 400)
        self.assertIn("not verified yet", refused.text)
        # 4. the supplier approves and gives a contract
        entity.with_user(self.manager).action_b2b_approve()
        self.env["b2b.contract"].with_user(self.manager).create(
            {
                "name": "NEW-1",
                "entity_id": entity.id,
                "state": "active",
                "is_default": True,
            }
        )
        # 5. the buyer orders
        response = self.post("/my/b2b/cart/add", **{f"qty_{self.product.id}": "5"})
        self.assertEqual(response.status_code, 303)
        cart = user._b2b_current_cart(entity)
        self.assertEqual(cart.order_line.product_id, self.product)
        self.assertEqual(cart.order_line.product_uom_qty, 5)
        self.assertEqual(cart.b2b_contract_id.name, "NEW-1")
