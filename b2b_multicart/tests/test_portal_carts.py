import re

from odoo.tests import HttpCase, tagged

from .common import MulticartCommon


@tagged("post_install", "-at_install")
class TestPortalCarts(MulticartCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cart_a = cls.cart(
            cls.buyer_a, cls.entity_a, "Магазин", {cls.bolt: 2, cls.nut: 1}
        )
        cls.cart_a2 = cls.cart(cls.buyer_a, cls.entity_a, "Склад", {cls.bolt: 5})
        cls.cart_b = cls.cart(cls.buyer_ab, cls.entity_b, "Бета", {cls.bolt: 1})

    def line(self, cart, product):
        return cart.order_line.filtered(lambda line: line.product_id == product)

    def test_list_and_page(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/b2b/carts").text
        self.assertIn('data-name="Магазин"', page)
        self.assertIn('data-name="Склад"', page)
        self.assertNotIn('data-name="Бета"', page)
        self.assertEqual(page.count("o_b2b_cart_row"), 2)
        page = self.url_open(f"/my/b2b/carts/{self.cart_a.id}").text
        self.assertIn("Болт M8", page)
        self.assertIn(f'name="qty_{self.line(self.cart_a, self.bolt).id}"', page)
        home = self.url_open("/my").text
        self.assertIn('href="/my/b2b/carts"', home)

    def test_switching_entity_switches_the_list(self):
        mine_a = self.cart(self.buyer_ab, self.entity_a, "Альфа-склад")
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        self.authenticate("buyer_ab", "buyer_ab")
        page = self.url_open("/my/b2b/carts").text
        self.assertIn('data-name="Альфа-склад"', page)
        self.assertNotIn('data-name="Бета"', page)
        self.post("/my/b2b/entity/switch", entity_id=self.entity_b.id)
        page = self.url_open("/my/b2b/carts").text
        self.assertIn('data-name="Бета"', page)
        self.assertNotIn('data-name="Альфа-склад"', page)
        # A's cart is not reachable while acting for B
        response = self.url_open(f"/my/b2b/carts/{mine_a.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 404)

    def test_other_entity_gets_nothing_on_every_route(self):
        """buyer_b acts for B only: every route on A's cart is a 404, and a
        merge with it is refused; nothing changes."""
        self.authenticate("buyer_b", "buyer_b")
        cart = self.cart_a
        response = self.url_open(f"/my/b2b/carts/{cart.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Магазин", self.url_open("/my/b2b/carts").text)
        version = cart.b2b_version
        bolt = self.line(cart, self.bolt)
        posts = {
            "rename": {"name": "Взлом", "version": version},
            "duplicate": {},
            "delete": {"confirm": "1", "version": version},
            "select": {},
            "update": {f"qty_{bolt.id}": "99", "version": version},
            "move": {
                "line_ids": bolt.id,
                "target_id": self.cart_a2.id,
                "version": version,
            },
            "share": {"user_id": self.buyer_b.id, "mode": "edit"},
            "split": {"version": version},
            "checkout": {
                "token": "x1",
                "contract_id": self.contract_a.id,
                "version": version,
            },
        }
        for route, data in posts.items():
            with self.subTest(route=route):
                response = self.post(f"/my/b2b/carts/{cart.id}/{route}", **data)
                self.assertEqual(response.status_code, 404)
        response = self.post(
            "/my/b2b/carts/merge", cart_ids=[cart.id, self.cart_a2.id], token="x2"
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(cart.b2b_cart_name, "Магазин")
        self.assertEqual(self.quantities(cart), {self.bolt: 2, self.nut: 1})
        self.assertEqual(cart.state, "draft")
        self.assertFalse(cart.b2b_share_ids)
        self.assertEqual(len(self.buyer_b._b2b_carts(self.entity_b)), 0)

    def test_another_buyer_of_the_same_entity_gets_nothing(self):
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        self.authenticate("buyer_ab", "buyer_ab")
        response = self.url_open(
            f"/my/b2b/carts/{self.cart_a.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 404)
        bolt = self.line(self.cart_a, self.bolt)
        response = self.post(
            f"/my/b2b/carts/{self.cart_a.id}/update",
            **{f"qty_{bolt.id}": "50", "version": self.cart_a.b2b_version},
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(bolt.product_uom_qty, 2)

    def test_viewer_and_accountant_may_not_write(self):
        self.cart_a._b2b_share(self.viewer, "edit")
        self.cart_a._b2b_share(self.accountant, "edit")
        bolt = self.line(self.cart_a, self.bolt)
        for login in ("viewer_a", "accountant_a"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                page = self.url_open(f"/my/b2b/carts/{self.cart_a.id}")
                self.assertEqual(page.status_code, 200)
                self.assertIn("o_b2b_read_only", page.text)
                self.assertNotIn(f'name="qty_{bolt.id}"', page.text)
                version = self.cart_a.b2b_version
                for route, data in (
                    ("update", {f"qty_{bolt.id}": "7", "version": version}),
                    ("rename", {"name": "x", "version": version}),
                    ("checkout", {"token": "v", "contract_id": self.contract_a.id}),
                    ("move", {"line_ids": bolt.id, "target_id": self.cart_a2.id}),
                    ("duplicate", {}),
                    ("delete", {"confirm": "1", "version": version}),
                    ("select", {}),
                    ("share", {"user_id": self.buyer_ab.id, "mode": "edit"}),
                    ("split", {"version": version, "submit": "1", "token": "v2"}),
                ):
                    response = self.post(
                        f"/my/b2b/carts/{self.cart_a.id}/{route}", **data
                    )
                    self.assertEqual(response.status_code, 403)
                response = self.post("/my/b2b/carts/create", name="Моя")
                self.assertEqual(response.status_code, 403)
                response = self.post(
                    "/my/b2b/carts/merge", cart_ids=[self.cart_a.id, self.cart_a2.id]
                )
                self.assertEqual(response.status_code, 403)
        self.assertEqual(bolt.product_uom_qty, 2)
        self.assertEqual(self.cart_a.state, "draft")
        self.assertEqual(self.cart_a.b2b_cart_name, "Магазин")
        self.assertEqual(self.quantities(self.cart_a2), {self.bolt: 5})
        shared = self.viewer | self.accountant
        self.assertEqual(self.cart_a.b2b_share_ids.user_id, shared)
        carts = self.env["sale.order"].search([("b2b_is_cart", "=", True)])
        self.assertEqual(len(carts), 3)

    def test_bad_quantities_change_nothing(self):
        self.authenticate("buyer_a", "buyer_a")
        bolt = self.line(self.cart_a, self.bolt)
        nut = self.line(self.cart_a, self.nut)
        version = self.cart_a.b2b_version
        cases = {
            "-3": "more than zero",
            "0": "more than zero",
            "abc": "is not a quantity",
            "1e12": "more than can be ordered",
            "2.5": "whole units",
        }
        for text, message in cases.items():
            with self.subTest(text=text):
                response = self.post(
                    f"/my/b2b/carts/{self.cart_a.id}/update",
                    **{
                        f"qty_{bolt.id}": "9",
                        f"qty_{nut.id}": text,
                        "version": version,
                    },
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
        # a line of another cart
        other = self.line(self.cart_a2, self.bolt)
        response = self.post(
            f"/my/b2b/carts/{self.cart_a.id}/update",
            **{f"qty_{other.id}": "9", "version": version},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("not in this cart", response.text)
        self.assertEqual(self.quantities(self.cart_a), {self.bolt: 2, self.nut: 1})
        self.assertEqual(self.quantities(self.cart_a2), {self.bolt: 5})
        self.assertEqual(self.cart_a.b2b_version, version)

    def test_update_then_stale_form_refused(self):
        self.authenticate("buyer_a", "buyer_a")
        bolt = self.line(self.cart_a, self.bolt)
        nut = self.line(self.cart_a, self.nut)
        version = self.cart_a.b2b_version
        response = self.post(
            f"/my/b2b/carts/{self.cart_a.id}/update",
            **{f"qty_{bolt.id}": "12", f"remove_{nut.id}": "1", "version": version},
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.quantities(self.cart_a), {self.bolt: 12})
        self.assertEqual(bolt.price_unit, 8.0)
        # the other tab still holds the old version
        response = self.post(
            f"/my/b2b/carts/{self.cart_a.id}/update",
            **{f"qty_{bolt.id}": "1", "version": version},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("changed since you opened it", response.text)
        self.assertEqual(self.quantities(self.cart_a), {self.bolt: 12})

    def test_move_and_merge_routes(self):
        self.authenticate("buyer_a", "buyer_a")
        nut = self.line(self.cart_a, self.nut)
        response = self.post(
            f"/my/b2b/carts/{self.cart_a.id}/move",
            line_ids=nut.id,
            target_id=self.cart_a2.id,
            mode="move",
            version=self.cart_a.b2b_version,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.quantities(self.cart_a2), {self.bolt: 5, self.nut: 1})
        # move into another entity's cart: 404, nothing moved
        bolt = self.line(self.cart_a, self.bolt)
        response = self.post(
            f"/my/b2b/carts/{self.cart_a.id}/move",
            line_ids=bolt.id,
            target_id=self.cart_b.id,
            version=self.cart_a.b2b_version,
        )
        self.assertEqual(response.status_code, 404)
        # self-merge
        response = self.post(
            "/my/b2b/carts/merge", cart_ids=[self.cart_a.id, self.cart_a.id], token="m0"
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("merged with itself", response.text)
        self.assertEqual(self.cart_a.state, "draft")
        response = self.post(
            "/my/b2b/carts/merge",
            cart_ids=[self.cart_a.id, self.cart_a2.id],
            token="m1",
        )
        self.assertEqual(response.status_code, 303)
        merged = self.cart_a.b2b_merged_into_id
        self.assertTrue(merged)
        self.assertIn(
            f"/my/b2b/carts/{merged.id}?merged=2", response.headers["Location"]
        )
        self.assertEqual(self.quantities(merged), {self.bolt: 7, self.nut: 1})
        self.assertEqual(merged.state, "draft")
        # the same form sent again: no second cart
        response = self.post(
            "/my/b2b/carts/merge",
            cart_ids=[self.cart_a.id, self.cart_a2.id],
            token="m1",
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            self.env["sale.order"].search_count([("b2b_merged_from_ids", "!=", False)]),
            1,
        )
        self.assertTrue(
            response.headers["Location"].endswith(f"/my/b2b/carts/{merged.id}")
        )

    def test_checkout_twice_gives_one_order(self):
        self.authenticate("buyer_a", "buyer_a")
        data = {
            "token": "co-1",
            "contract_id": self.contract_a.id,
            "shipping_id": self.entity_a.id,
            "version": self.cart_a.b2b_version,
        }
        first = self.post(f"/my/b2b/carts/{self.cart_a.id}/checkout", **data)
        self.assertEqual(first.status_code, 303)
        second = self.post(f"/my/b2b/carts/{self.cart_a.id}/checkout", **data)
        self.assertEqual(second.status_code, 303)
        tab = self.post(
            f"/my/b2b/carts/{self.cart_a.id}/checkout", **dict(data, token="co-2")
        )
        self.assertEqual(tab.status_code, 303)
        path = re.sub(r"\?.*", "", first.headers["Location"])
        self.assertTrue(path.endswith(f"/my/orders/{self.cart_a.id}"))
        for response in (second, tab):
            self.assertEqual(re.sub(r"\?.*", "", response.headers["Location"]), path)
        self.assertEqual(self.cart_a.state, "sale")
        self.assertEqual(len(self.cart_a.invoice_ids), 1)

    def test_checkout_bad_input(self):
        self.authenticate("buyer_a", "buyer_a")
        empty = self.cart(self.buyer_a, self.entity_a, "Пустая")
        response = self.post(
            f"/my/b2b/carts/{empty.id}/checkout",
            token="e1",
            contract_id=self.contract_a.id,
            version=empty.b2b_version,
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("The cart is empty", response.text)
        self.contract_a.state = "expired"
        for data, message in (
            ({"contract_id": self.contract_a.id}, "not valid today"),
            ({"contract_id": self.contract_b.id}, "Choose a contract"),
            ({"contract_id": "abc"}, "Choose a contract"),
            ({"contract_id": self.contract_a.id, "date": "31.02.2026"}, "not a date"),
            (
                {"contract_id": self.contract_a.id, "shipping_id": self.entity_b.id},
                "delivery address",
            ),
        ):
            with self.subTest(data=data):
                response = self.post(
                    f"/my/b2b/carts/{self.cart_a.id}/checkout",
                    token="e2",
                    version=self.cart_a.b2b_version,
                    **data,
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
        self.assertEqual(self.cart_a.state, "draft")
        self.assertFalse(
            self.env["sale.order"].search([("b2b_submit_token", "!=", False)])
        )

    def test_create_select_delete_share_routes(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post("/my/b2b/carts/create", name="   ")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Give the cart a name", response.text)
        response = self.post(
            "/my/b2b/carts/create", name="Проект Х", request_ref="ЗК-9"
        )
        self.assertEqual(response.status_code, 303)
        new = self.buyer_a._b2b_current_cart(self.entity_a)
        self.assertEqual(
            (new.b2b_cart_name, new.client_order_ref), ("Проект Х", "ЗК-9")
        )
        self.post(f"/my/b2b/carts/{self.cart_a.id}/select")
        self.assertEqual(self.buyer_a._b2b_current_cart(self.entity_a), self.cart_a)
        response = self.post(
            f"/my/b2b/carts/{self.cart_a2.id}/delete", version=self.cart_a2.b2b_version
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("not empty", response.text)
        self.assertEqual(self.cart_a2.state, "draft")
        response = self.post(
            f"/my/b2b/carts/{self.cart_a2.id}/share",
            user_id=self.buyer_b.id,
            mode="read",
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("colleague of your legal entity", response.text)
        response = self.post(
            f"/my/b2b/carts/{self.cart_a2.id}/share",
            user_id=self.buyer_ab.id,
            mode="edit",
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.cart_a2._b2b_cart_access(self.buyer_ab), "edit")
        response = self.post(
            f"/my/b2b/carts/{self.cart_a2.id}/delete",
            confirm="1",
            version=self.cart_a2.b2b_version,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.cart_a2.state, "cancel")
        response = self.post("/my/b2b/carts/reminders", enabled="0")
        self.assertEqual(response.status_code, 303)
        self.assertFalse(self.buyer_a.b2b_cart_reminders)

    def test_shared_editable_cart_for_a_colleague(self):
        self.cart_a._b2b_share(self.buyer_ab, "edit")
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        self.authenticate("buyer_ab", "buyer_ab")
        self.assertIn("Магазин", self.url_open("/my/b2b/carts").text)
        bolt = self.line(self.cart_a, self.bolt)
        response = self.post(
            f"/my/b2b/carts/{self.cart_a.id}/update",
            **{f"qty_{bolt.id}": "4", "version": self.cart_a.b2b_version},
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(bolt.product_uom_qty, 4)
        # sharing and deleting stay the owner's
        response = self.post(
            f"/my/b2b/carts/{self.cart_a.id}/share",
            user_id=self.buyer_a.id,
            mode="read",
        )
        self.assertEqual(response.status_code, 403)
        response = self.post(f"/my/b2b/carts/{self.cart_a.id}/delete", confirm="1")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.cart_a.state, "draft")

    def test_a_cart_reads_as_its_shares_allow(self):
        """Record rules, not only the cart pages: a colleague reads a cart
        over JSON-RPC once it is shared with them, never before."""
        Order = self.env["sale.order"].with_user(self.buyer_ab)
        Line = self.env["sale.order.line"].with_user(self.buyer_ab)
        self.assertFalse(Order.search([("id", "=", self.cart_a.id)]))
        self.assertFalse(Line.search([("order_id", "=", self.cart_a.id)]))
        self.cart_a._b2b_share(self.buyer_ab, "read")
        self.env.invalidate_all()
        self.assertEqual(Order.search([("id", "=", self.cart_a.id)]), self.cart_a)
        self.assertEqual(
            Line.search([("order_id", "=", self.cart_a.id)]), self.cart_a.order_line
        )
        self.authenticate("buyer_ab", "buyer_ab")
        rows = self.make_jsonrpc_request(
            "/web/dataset/call_kw/sale.order/search_read",
            {
                "model": "sale.order",
                "method": "search_read",
                "args": [[["id", "in", (self.cart_a | self.cart_a2).ids]]],
                "kwargs": {"fields": ["b2b_cart_name"]},
            },
        )
        self.assertEqual([row["id"] for row in rows], self.cart_a.ids)

    def test_split_and_order_both(self):
        cart = self.cart(
            self.buyer_a, self.entity_a, "Смешанная", {self.nut: 10, self.bolt: 2}
        )
        total = cart.amount_total
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(f"/my/b2b/carts/{cart.id}?split=1").text
        self.assertIn("o_b2b_split_now", page)
        data = {"version": cart.b2b_version, "submit": "1", "token": "sp-1"}
        response = self.post(f"/my/b2b/carts/{cart.id}/split", **data)
        self.assertEqual(response.status_code, 303)
        orders = self.env["sale.order"].search(
            [("b2b_submit_token", "in", ("sp-1:now", "sp-1:later"))]
        )
        self.assertEqual(len(orders), 2)
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        now = orders.filtered(lambda o: o.b2b_submit_token == "sp-1:now")
        self.assertEqual(now, cart)
        self.assertEqual(self.quantities(now), {self.nut: 4, self.bolt: 2})
        self.assertEqual(self.quantities(orders - now), {self.nut: 6})
        self.assertAlmostEqual(sum(orders.mapped("amount_total")), total)
        # sent again: still these two orders
        response = self.post(f"/my/b2b/carts/{cart.id}/split", **data)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            self.env["sale.order"].search_count([("b2b_submit_token", "like", "sp-1")]),
            2,
        )
