"""Every portal route of every b2b addon, taken from Odoo's routing map (so a
route added later is walked too), tried by those who must not get a buyer's
things: a member of another entity, and a viewer and an accountant of the
same entity. No answer shows the victim's secrets, nothing of theirs changes.
"""

import inspect
import json
import threading

import werkzeug.urls

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.func import filter_kwargs

from odoo.addons.b2b_portal.tests.common import B2bCommon, B2bHttpMixin

# Odoo's own routes the suite changes the behaviour of for B2B orders and
# entities (their endpoints may not be overridden by a b2b addon)
ODOO_ROUTE_PREFIXES = ("/my/orders", "/my/quotes", "/my/address")
SECRET = "7Q4Z"  # in every secret string of the victim


def b2b_endpoint(endpoint):
    """Whether a b2b addon defines or overrides this route's method."""
    method = endpoint.func
    name = method.__name__
    return any(
        name in cls.__dict__ and cls.__module__.startswith("odoo.addons.b2b_")
        for cls in type(method.__self__).mro()
    )


@tagged("post_install", "-at_install")
class TestRouteWalk(B2bHttpMixin, B2bCommon, HttpCase):
    # outside odoo.addons.*, Odoo does not name the module of the test
    test_module = "b2b_portal"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outsider = new_test_user(
            cls.env,
            login="walk_outsider",
            groups="base.group_portal",
            name="walk_outsider",
        )
        cls.viewer, cls.accountant = cls.viewer_a, cls.accountant_a
        # colleagues' contacts sit under the entity (Odoo's own rules then
        # reach all its orders); the outsider owns entity B
        (cls.viewer | cls.accountant).partner_id.parent_id = cls.entity_a
        cls.env["b2b.membership"].create(
            {"user_id": cls.outsider.id, "entity_id": cls.entity_b.id, "role": "owner"}
        )
        cls.victim = cls.buyer_a  # owner of A
        cls.victim_membership = cls.victim.b2b_membership_ids
        cls.product = cls.env["product.product"].create(
            {
                "name": "Walk bolt",
                "default_code": "WALK-1",
                "list_price": 4321.0,
                "is_storable": True,
            }
        )
        cls.cart = cls.victim._b2b_current_cart(cls.entity_a, create=True)
        line = {
            "product_id": cls.product.id,
            "name": f"Тайная позиция {SECRET}",
            "product_uom_qty": 3,
            "price_unit": 4321.0,
        }
        cls.cart.write(
            {
                "b2b_cart_name": f"Тайная корзина {SECRET}",
                "b2b_note": f"Тайная заметка {SECRET}",
                "client_order_ref": f"CART-{SECRET}",
                "require_signature": True,
                "order_line": [(0, 0, line)],
            }
        )
        cls.quotation = cls.env["sale.order"].create(
            {
                "partner_id": cls.entity_a.id,
                "b2b_contract_id": cls.contract_a.id,
                "client_order_ref": f"QUOTE-{SECRET}",
                "require_signature": True,
                "order_line": [(0, 0, dict(line, name="Болт", product_uom_qty=2))],
            }
        )
        cls.quotation.action_quotation_sent()
        for order in cls.cart | cls.quotation:
            order._portal_ensure_token()
        cls.delivery = cls.env["res.partner"].create(
            {
                "name": "Склад Альфы",
                "type": "delivery",
                "parent_id": cls.entity_a.id,
                "street": f"ул. Тайная, {SECRET}",
            }
        )
        cls.contract_a.name = f"A-{SECRET}"
        cls.news = cls.env["b2b.news"].create(
            {
                "name": f"Новость для Альфы {SECRET}",
                "category_ids": [(6, 0, cls.group_wholesale.ids)],
            }
        )

    # -- what is walked --------------------------------------------------------
    def routes(self):
        """(url pattern, rule, endpoint) of every route of the b2b addons and
        of Odoo's order and address routes, from the routing map."""
        # the routing map is built for the database of the current thread, as
        # in a request; the test runner's main thread names none
        thread = threading.current_thread()
        dbname = getattr(thread, "dbname", None)
        thread.dbname = self.env.cr.dbname
        try:
            routing_map = self.env["ir.http"].routing_map()
        finally:
            thread.dbname = dbname
        found = []
        for rule in routing_map.iter_rules():
            endpoint = rule.endpoint
            if rule.rule.startswith("/my/b2b") or (
                rule.rule.startswith(ODOO_ROUTE_PREFIXES) or b2b_endpoint(endpoint)
            ):
                found.append(rule)
        return found

    def arguments(self, rule):
        """Values of the converters: the victim's ids, one set per order."""
        orders = (self.cart, self.quotation)
        values = {
            "cart_id": self.cart.id,
            "entity_id": self.entity_a.id,
            "membership_id": self.victim_membership.filtered(
                lambda m: m.entity_id == self.entity_a
            ).id,
            "news_id": self.news.id,
            "product_id": self.product.id,
            "contract_id": self.contract_a.id,
            "page": 1,
            "document_id": 0,
        }
        sets = []
        for order in orders if "order_id" in rule.arguments else orders[:1]:
            args = dict(values, order_id=order.id)
            victims = {
                "sale.order": order,
                "res.partner": self.entity_a,
                "product.product": self.product,
                "b2b.news": self.news,
            }
            for name, converter in rule._converters.items():
                if hasattr(converter, "items"):  # <any(...)>
                    args[name] = sorted(converter.items)[0]
                elif getattr(converter, "model", None):  # <model(...)>
                    model = converter.model
                    args[name] = victims.get(model) or self.env[model].search(
                        [], limit=1
                    )
                elif name not in args:
                    args[name] = 1
            sets.append(({k: args[k] for k in rule.arguments}, order))
        return sets

    def form(self, order):
        """What a form of each route could carry, aimed at the victim."""
        return {
            "access_token": order.access_token if order == self.quotation else "",
            "decline_message": "no",
            "name": "Hacked",
            "email": "intruder@example.com",
            "role": "owner",
            "body": "Hello",
            "text": "WALK-1 5",
            f"qty_{self.product.id}": "5",
            "cart_ids": str(self.cart.id),
            "target_id": str(self.cart.id),
            "user_id": str(self.viewer.id),
            "mode": "edit",
            "version": str(self.cart.b2b_version),
            "confirm": "1",
            "submit": "1",
            "token": "walk-token",
            "partner_id": str(self.delivery.id),
            "entity_id": str(self.entity_a.id),
            "street": "ул. Чужая",
            "phone": "+7 495 000-00-00",
            "signature": "R0lGODlhAQABAAAAACw=",
            "redirect": "/my",
            "line_id": order.order_line[:1].id,
            "address_type": "delivery",
        }

    # -- what must not happen ----------------------------------------------------
    def secrets(self, user):
        cart = [
            self.cart.b2b_cart_name,
            self.cart.b2b_note,
            self.cart.client_order_ref,
            self.cart.order_line.name,
            "12963",
            "12,963",
            "12 963",
            "12\xa0963",
            "12\u202f963",
            self.cart.access_token,
        ]
        if user == self.outsider:
            return cart + [
                self.quotation.client_order_ref,
                self.quotation.access_token,
                self.entity_a.name,
                self.entity_a.vat,
                self.delivery.street,
                self.contract_a.name,
                self.news.name,
            ]
        return cart

    def snapshot(self, user):
        self.env.invalidate_all()
        Membership = self.env["b2b.membership"].with_context(active_test=False)
        state = {
            "cart": self.cart.read(
                [
                    "state",
                    "write_date",
                    "b2b_cart_name",
                    "b2b_version",
                    "b2b_share_ids",
                    "order_line",
                    "signature",
                    "b2b_buyer_id",
                    "b2b_is_current",
                ]
            ),
            "cart_lines": self.cart.order_line.read(["product_uom_qty", "write_date"]),
            "cart_messages": len(self.cart.message_ids),
            "quotation": self.quotation.read(
                ["state", "write_date", "signature", "order_line", "transaction_ids"]
            ),
            "entity": self.entity_a.read(
                ["name", "street", "vat", "active", "child_ids", "write_date"]
            ),
            "delivery": self.delivery.read(["street", "active", "write_date"]),
            "memberships": Membership.search_read(
                [("entity_id", "=", self.entity_a.id)],
                ["user_id", "role", "active", "pending", "write_date"],
            ),
            "contract": self.contract_a.read(["state", "write_date"]),
            "change_requests": self.env["b2b.change.request"].search_count(
                [("entity_id", "=", self.entity_a.id)]
            ),
            "victim": self.victim.read(["b2b_active_entity_id"]),
        }
        if user == self.outsider:  # colleagues may write to the manager
            state["entity_messages"] = len(self.entity_a.message_ids)
            state["quotation_messages"] = len(self.quotation.message_ids)
        return state

    def call(self, rule, url, method, order):
        # only what the route takes (Odoo warns of the rest), and something
        # for each parameter it requires
        form = self.form(order)
        for name, param in inspect.signature(rule.endpoint.func).parameters.items():
            named = param.kind not in (param.VAR_POSITIONAL, param.VAR_KEYWORD)
            if named and param.default is param.empty and name not in rule.arguments:
                form.setdefault(name, "1")
        data = filter_kwargs(rule.endpoint.func, form)
        if rule.endpoint.routing["type"] == "jsonrpc":
            return self.url_open(
                url,
                data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": data}),
                headers={"Content-Type": "application/json"},
                allow_redirects=False,
            )
        if method == "GET":
            required = {
                name: data[name]
                for name, param in inspect.signature(
                    rule.endpoint.func
                ).parameters.items()
                if param.default is param.empty and name in data
            }
            if required:
                url += "?" + werkzeug.urls.url_encode(required)
            return self.url_open(url, allow_redirects=False)
        return self.post(url, data)

    def test_every_route_as_intruders(self):
        routes = self.routes()
        urls = {rule.rule for rule in routes}
        # the walk covers every addon and Odoo's order routes
        for url in (
            "/my/b2b/carts/<int:cart_id>",
            "/my/b2b/quick-order/preview",
            "/my/b2b/entities/<int:entity_id>/members/invite",
            "/my/orders/<int:order_id>/decline",
            "/my/address/submit",
        ):
            self.assertIn(url, urls)
        problems = []
        for user in (self.outsider, self.viewer, self.accountant):
            self.authenticate(user.login, user.login)
            secrets = [s for s in self.secrets(user) if s]
            before = self.snapshot(user)
            for rule in routes:
                methods = rule.methods or {"GET"}
                if rule.endpoint.routing["type"] == "jsonrpc":
                    methods = {"POST"}
                for args, order in self.arguments(rule):
                    url = rule.build(args, append_unknown=False)[1]
                    for method in sorted(methods & {"GET", "POST"}):
                        response = self.call(rule, url, method, order)
                        where = f"{user.login} {method} {url}"
                        if response.status_code >= 500:
                            problems.append(f"{where}: {response.status_code}")
                        location = response.headers.get("Location", "")
                        shown = [
                            s
                            for s in secrets
                            if s in location
                            or (response.status_code < 300 and s in response.text)
                        ]
                        if shown:
                            problems.append(f"{where} shows {shown}")
                        after = self.snapshot(user)
                        if after != before:
                            changed = [k for k in before if before[k] != after[k]]
                            problems.append(f"{where} changed {changed}")
                            before = after
        self.maxDiff = None
        self.assertEqual(problems, [])
