from urllib.parse import urlsplit

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import users, warmup

from odoo.addons.http_routing.tests.common import MockRequest

from ..controllers.dashboard import B2bDashboard
from .common import B2bCommon, B2bHttpMixin


class DashboardCommon(B2bCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager.write(
            {"email": "petrova@supplier.example", "phone": "+7 495 111-22-33"}
        )
        cls.manager_b = new_test_user(
            cls.env,
            login="b2b_mgr_b",
            groups="b2b_portal.group_b2b_user",
            name="Manager Of Beta",
            email="sidorov@supplier.example",
        )
        cls.entity_a.user_id = cls.manager
        cls.entity_b.user_id = cls.manager_b
        cls.service = cls.env["product.product"].create(
            {
                "name": "Сборка заказа",
                "type": "service",
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.group_b = cls.env["res.partner.category"].create(
            {"name": "Group of Beta", "partner_ids": [Command.link(cls.entity_b.id)]}
        )

    @classmethod
    def make_orders(cls, entity, count, state="sale"):
        orders = cls.env["sale.order"].create(
            [
                {
                    "partner_id": entity.id,
                    "client_order_ref": f"{entity.id}-{n}",
                    "date_order": f"2025-01-{n + 1:02d} 10:00:00",
                    "order_line": [
                        Command.create(
                            {"product_id": cls.service.id, "product_uom_qty": 1}
                        )
                    ],
                }
                for n in range(count)
            ]
        )
        if state == "sale":
            orders.action_confirm()
            # confirming sets the order date to now: put them back in time
            for n, order in enumerate(orders):
                order.date_order = f"2025-01-{n + 1:02d} 10:00:00"
        return orders

    @classmethod
    def make_news(cls, names, **values):
        return cls.env["b2b.news"].create(
            [
                {"name": name, "date": f"2025-02-{n + 1:02d} 10:00:00", **values}
                for n, name in enumerate(names)
            ]
        )


@tagged("post_install", "-at_install")
class TestDashboard(B2bHttpMixin, DashboardCommon, HttpCase):
    def post_message(self, body):
        return self.post("/my/b2b/manager/message", body=body)

    def thread(self, entity):
        return self.env["mail.message"].search(
            [
                ("model", "=", "res.partner"),
                ("res_id", "=", entity.id),
                ("message_type", "=", "comment"),
            ]
        )

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open("/my/b2b", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_user_of_no_entity_is_sent_to_registration(self):
        new_test_user(self.env, login="plain_customer", groups="base.group_portal")
        self.authenticate("plain_customer", "plain_customer")
        for response in (
            self.url_open("/my/b2b", allow_redirects=False),
            self.post_message("Hello"),
        ):
            self.assertEqual(response.status_code, 303)
            self.assertEqual(
                urlsplit(response.headers["Location"]).path,
                "/my/b2b/entities/register",
            )
        page = self.url_open("/my/b2b")
        self.assertEqual(page.status_code, 200)
        self.assertIn("To see the catalog and order, register your company", page.text)
        self.assertNotIn('href="/my/b2b"', self.url_open("/my/home").text)

    def test_home_card(self):
        self.authenticate("buyer_a", "buyer_a")
        self.assertIn('href="/my/b2b"', self.url_open("/my/home").text)

    def test_dashboard_shows_the_active_entity(self):
        orders = self.make_orders(self.entity_a, 6)
        news = self.make_news(["Новинка 1", "Новинка 2", "Новинка 3", "Новинка 4"])
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        cart._b2b_add_products({self.service: 2})
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open("/my/b2b")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn(self.entity_a.name, page)
        self.assertIn('data-state="approved"', page)
        self.assertIn(">Approved</span>", page)
        self.assertIn("A-1", page)  # the default contract
        for text in ("B2B Manager", "petrova@supplier.example", "+7 495 111-22-33"):
            self.assertIn(text, page)
        self.assertIn("1\u00a0line</span>", page)
        self.assertIn("200.00", page)  # the cart's total
        self.assertIn('href="/my/b2b/catalog"', page)
        self.assertIn('name="body"', page)  # the form to the manager
        # the 5 latest orders, with their status, not the oldest one
        self.assertEqual(page.count("o_b2b_order_row"), 5)
        for order in orders[1:]:
            self.assertIn(order.name, page)
        self.assertNotIn(f">{orders[0].name}<", page)
        self.assertEqual(page.count('data-status="confirmed"'), 5)
        # the 3 latest news
        self.assertEqual(page.count("o_b2b_news_item"), 3)
        self.assertNotIn(news[0].name, page)
        self.assertIn(news[3].name, page)

    def test_message_to_the_manager(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post_message("Когда привезут шайбы?\nНужно 200 шт.")
        self.assertEqual(response.status_code, 303)
        self.assertIn("/my/b2b?sent=1", response.headers["Location"])
        message = self.thread(self.entity_a)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.buyer_a.partner_id)
        self.assertEqual(message.partner_ids, self.manager.partner_id)
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))
        self.assertIn("Когда привезут шайбы?<br>", str(message.body))
        # the manager answers; an internal note stays internal
        self.entity_a.with_user(self.manager).message_post(
            body="Шайбы будут в пятницу.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.entity_a.with_user(self.manager).message_post(
            body="Клиент нервничает, не обещать скидку.",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        page = self.url_open("/my/b2b?sent=1").text
        self.assertIn("Your message was sent", page)
        self.assertIn("Когда привезут шайбы?", page)
        self.assertIn("Шайбы будут в пятницу.", page)
        self.assertNotIn("не обещать скидку", page)
        self.assertEqual(page.count("o_b2b_message "), 2)

    def test_empty_or_too_long_message_is_refused(self):
        self.authenticate("buyer_a", "buyer_a")
        cases = {
            "": "Write a message",
            "   \n ": "Write a message",
            "я" * 5001: "The message is too long: 5001 characters",
        }
        for body, error in cases.items():
            with self.subTest(body=body[:10]):
                response = self.post_message(body)
                self.assertEqual(response.status_code, 400)
                self.assertIn(error, response.text)
                self.assertIn('name="body"', response.text)
        self.assertFalse(self.thread(self.entity_a))

    def test_message_markup_is_text(self):
        self.authenticate("buyer_a", "buyer_a")
        self.post_message('<img src=x onerror="alert(1)">')
        page = self.url_open("/my/b2b").text
        self.assertNotIn("<img src=x", page)
        self.assertIn("&lt;img src=x", page)

    def test_buyer_a_never_sees_entity_b(self):
        orders_b = self.make_orders(self.entity_b, 2)
        news_b = self.make_news(
            ["Только для Беты"], category_ids=[Command.link(self.group_b.id)]
        )
        self.make_news(["Для всех"])
        self.entity_b.message_post(
            body="Секрет Беты",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=self.manager_b.partner_id.id,
        )
        self.buyer_ab._b2b_current_cart(self.entity_b, create=True)._b2b_add_products(
            {self.service: 7}
        )
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/b2b").text
        for text in (
            self.entity_b.name,
            "B-1",
            "Manager Of Beta",
            "sidorov@supplier.example",
            "Секрет Беты",
            news_b.name,
            *orders_b.mapped("name"),
        ):
            self.assertNotIn(text, page)
        self.assertIn("Для всех", page)
        # the message goes to A's thread, whatever is posted
        self.post("/my/b2b/manager/message", body="Привет", entity_id=self.entity_b.id)
        self.assertEqual(len(self.thread(self.entity_b)), 1)
        self.assertEqual(len(self.thread(self.entity_a)), 1)

    def test_buyer_of_two_entities_sees_the_active_one(self):
        orders_b = self.make_orders(self.entity_b, 1)
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        self.authenticate("buyer_ab", "buyer_ab")
        page = self.url_open("/my/b2b").text
        self.assertIn("Manager Of Beta", page)
        self.assertIn(orders_b.name, page)
        self.post_message("Счёт на оплату, пожалуйста")
        message = self.thread(self.entity_b)
        self.assertEqual(message.partner_ids, self.manager_b.partner_id)
        self.assertFalse(self.thread(self.entity_a))


class TestDashboardQueries(DashboardCommon):
    """The dashboard costs the same queries with 1 or 5 orders, news, messages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_orders(cls.entity_a, 8)
        cls.make_news([f"Новость {n}" for n in range(5)])
        for n in range(6):
            cls.entity_a.message_post(
                body=f"Сообщение {n}",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                author_id=cls.buyer_a.partner_id.id,
            )
        cls.buyer_a._b2b_current_cart(cls.entity_a, create=True)._b2b_add_products(
            {cls.service: 3}
        )

    @users("buyer_a")
    @warmup
    def test_dashboard_queries(self):
        entity = self.env.user._b2b_active_entity()
        with MockRequest(self.env):
            controller = B2bDashboard()
            # values and rendering, the lazy reads of the template included;
            # with every addon installed (b2b_edo's documents and settlements
            # cards among them), the bound is the same for 1 or 8 orders
            with self.assertQueryCount(buyer_a=34):
                values = controller._b2b_dashboard_values(entity)
                html = self.env["ir.qweb"]._render(
                    "b2b_portal.portal_b2b_dashboard_content", values
                )
        self.assertEqual(html.count("o_b2b_order_row"), 5)
        self.assertEqual(html.count("o_b2b_news_item"), 3)
        self.assertEqual(html.count("o_b2b_message "), 6)
