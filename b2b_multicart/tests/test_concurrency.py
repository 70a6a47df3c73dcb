from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.b2b_portal.tests.common import inn, ogrn


@tagged("post_install", "-at_install")
class TestConcurrentSubmit(TransactionCase):
    """Two transactions submit the same cart at once (two clicks, two tabs):
    the second is refused while the first holds the cart, and finds the
    order once the first is done. Runs on real, separate cursors, so its
    data is committed and removed afterwards."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            entity = env["res.partner"].create(
                {
                    "name": "ООО «Параллель»",
                    "is_company": True,
                    "country_id": env.ref("base.ru").id,
                    "vat": inn("770900009"),
                    "b2b_kpp": "770901001",
                    "company_registry": ogrn("102770000009"),
                    "b2b_state": "approved",
                }
            )
            buyer = env["res.users"].create(
                {
                    "name": "Parallel Buyer",
                    "login": "parallel_buyer",
                    "group_ids": [Command.set(env.ref("base.group_portal").ids)],
                }
            )
            membership = env["b2b.membership"].create(
                {"user_id": buyer.id, "entity_id": entity.id, "role": "buyer"}
            )
            contract = env["b2b.contract"].create(
                {
                    "name": "P-1",
                    "entity_id": entity.id,
                    "state": "active",
                    "is_default": True,
                }
            )
            product = env["product.product"].create(
                {"name": "Параллельная сборка", "type": "service", "list_price": 5.0}
            )
            cart = buyer._b2b_new_cart(entity, "Параллельная")
            cart._b2b_add_products({product: 3})
            self.ids = {
                "entity": entity.id,
                "buyer": buyer.id,
                "partner": buyer.partner_id.id,
                "membership": membership.id,
                "contract": contract.id,
                "product": product.id,
                "cart": cart.id,
                "version": cart.b2b_version,
            }
        self.addCleanup(self.cleanup)

    def cleanup(self):
        ids = self.ids
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            orders = env["sale.order"].search([("partner_id", "=", ids["entity"])])
            orders.invoice_ids.filtered(lambda m: m.state == "posted").button_draft()
            orders.invoice_ids.unlink()
            orders._action_cancel()
            orders.unlink()
            env["b2b.membership"].browse(ids["membership"]).unlink()
            env["b2b.contract"].browse(ids["contract"]).unlink()
            env["product.product"].browse(ids["product"]).product_tmpl_id.unlink()
            env["res.users"].browse(ids["buyer"]).unlink()
            env["res.partner"].browse([ids["partner"], ids["entity"]]).unlink()

    def submit(self, env, token):
        cart = env["sale.order"].browse(self.ids["cart"])
        contract = env["b2b.contract"].browse(self.ids["contract"])
        return cart._b2b_checkout(token, contract, version=self.ids["version"])

    def test_two_transactions_give_one_order(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            # the first request confirms the cart and still runs
            order = self.submit(env1, "click-1")
            self.assertEqual(order.state, "sale")
            env1.flush_all()
            # the second click arrives meanwhile: refused, nothing written
            with self.assertRaisesRegex(UserError, "being changed by someone else"):
                self.submit(env2, "click-2")
            cr2.rollback()
            cr1.commit()
            # retried after the first one finished: the same order
            env2.invalidate_all()
            again = self.submit(env2, "click-2")
            self.assertEqual(again.id, order.id)
            env2.flush_all()
            cr2.commit()
            count = env2["sale.order"].search_count(
                [("partner_id", "=", self.ids["entity"]), ("state", "=", "sale")]
            )
            self.assertEqual(count, 1)
            self.assertEqual(len(again.invoice_ids), 1)
