"""The demo database as setup/run makes it: every addon with demo data.

b2b_portal's own tests run the demo generator inside a test transaction,
where Odoo behaves a little differently (it creates a new company's warehouse
only under tests). This builds a real demo database in a subprocess, as
setup/run does, then checks it with the ORM and drops it.
"""

import os
import re
import subprocess
import unittest
from pathlib import Path

import odoo
from odoo import api
from odoo.modules.registry import Registry
from odoo.sql_db import close_db
from odoo.tests.common import get_db_name

REPO = Path(__file__).resolve().parent.parent
LOG_ERROR = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ", re.MULTILINE)


class TestDemoDatabase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        conf = os.environ.get("B2B_ODOO_CONF")
        if not conf:
            raise unittest.SkipTest("run through setup/test (B2B_ODOO_CONF unset)")
        cls.db = get_db_name() + "_demo"
        addons = ",".join(sorted(p.parent.name for p in REPO.glob("*/__manifest__.py")))
        subprocess.run(["dropdb", "--if-exists", "--force", cls.db], check=True)
        log = Path(conf).with_name(f"odoo-{cls.db}.log")
        log.unlink(missing_ok=True)
        cls.install = subprocess.run(
            [
                os.environ["B2B_PYTHON_BIN"],
                os.environ["B2B_ODOO_BIN"],
                "-c",
                conf,
                "-d",
                cls.db,
                "-i",
                addons,
                "--with-demo",
                "--stop-after-init",
                "--log-level=warn",
                f"--logfile={log}",
            ],
            capture_output=True,
            text=True,
            timeout=1200,
            check=False,
        )
        cls.log = log.read_text() if log.exists() else ""
        # pytest-odoo sets test_enable, which makes a registry load run the
        # post-install tests of its modules: not wanted for this second one
        test_enable = odoo.tools.config["test_enable"]
        odoo.tools.config["test_enable"] = False
        try:
            cls.registry = Registry(cls.db)
        finally:
            odoo.tools.config["test_enable"] = test_enable

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "db", None):
            Registry.delete(cls.db)
            close_db(cls.db)
            subprocess.run(["dropdb", "--if-exists", "--force", cls.db], check=False)
        super().tearDownClass()

    def env(self, cr):
        return api.Environment(cr, odoo.SUPERUSER_ID, {})

    def test_installs_without_error(self):
        self.assertEqual(self.install.returncode, 0, self.install.stderr[-3000:])
        errors = LOG_ERROR.findall(self.log)
        self.assertFalse(errors, self.log[-5000:])

    def test_demo_content(self):
        with self.registry.cursor() as cr:
            env = self.env(cr)
            company = env.ref("b2b_portal.supplier_company_demo")
            self.assertEqual(company.currency_id.name, "RUB")
            products = env["product.product"].search(
                [("product_tmpl_id.b2b_rrp", ">", 0)]
            )
            self.assertGreaterEqual(len(products), 300)
            in_stock = products.with_company(company).filtered("qty_available")
            self.assertGreater(len(in_stock), 250)
            self.assertTrue(products.with_company(company).filtered("incoming_qty"))
            for xmlid in ("stroydvor", "tekhnosnab", "uralkomplekt"):
                entity = env.ref(f"b2b_portal.entity_{xmlid}_demo")
                self.assertFalse(entity._b2b_check_identifiers(), entity.name)

    def test_demo_logins(self):
        with self.registry.cursor() as cr:
            env = self.env(cr)
            for login, portal in (("b2b_buyer", True), ("b2b_manager", False)):
                user = env["res.users"].search([("login", "=", login)])
                self.assertEqual(user._is_portal(), portal, login)
                # the password of the README works
                user.with_user(user)._check_credentials(
                    {"type": "password", "password": login}, {"interactive": False}
                )
            buyer = env.ref("b2b_portal.user_buyer_demo")
            self.assertEqual(len(buyer._b2b_entities()), 2)

    def test_buyer_sees_a_believable_portal(self):
        with self.registry.cursor() as cr:
            env = self.env(cr)
            buyer = env.ref("b2b_portal.user_buyer_demo")
            company = env.ref("b2b_portal.supplier_company_demo")
            stroydvor = env.ref("b2b_portal.entity_stroydvor_demo")
            tekhnosnab = env.ref("b2b_portal.entity_tekhnosnab_demo")
            self.assertEqual(
                buyer._b2b_active_entity(), stroydvor, "starts where orders are"
            )
            # the catalog holds the supplier's products only, priced in roubles
            Product = env["product.product"].with_user(buyer).sudo()
            visible = Product.search(Product._b2b_catalog_domain(stroydvor, company))
            self.assertGreaterEqual(len(visible), 300)
            self.assertFalse(
                visible.filtered(lambda p: not p.b2b_rrp), "no Odoo demo furniture"
            )
            self.assertEqual(visible.currency_id.name, "RUB")
            # news reach the buyer through the record rules and the targeting
            News = env["b2b.news"].with_user(buyer)
            self.assertEqual(len(News.search(News._b2b_domain_for(tekhnosnab))), 2)
            self.assertEqual(len(News.search(News._b2b_domain_for(stroydvor))), 1)

    def test_prices_differ_visibly(self):
        """b2b_pricelist's demo on b2b_portal's: the buyer's two entities see
        different prices; breaks, order rules and attributes on enough
        products; contracts leave the group's price type; levels in roubles."""
        with self.registry.cursor() as cr:
            env = self.env(cr)
            company = env.ref("b2b_portal.supplier_company_demo")
            buyer = env.ref("b2b_portal.user_buyer_demo")
            stroydvor = env.ref("b2b_portal.entity_stroydvor_demo")
            tekhnosnab = env.ref("b2b_portal.entity_tekhnosnab_demo")
            self.assertEqual(buyer._b2b_entities(), stroydvor | tekhnosnab)
            Product = env["product.product"].with_company(company)
            catalog = Product.search(Product._b2b_catalog_domain(stroydvor, company))
            prices = []
            for entity in (stroydvor, tekhnosnab):
                contract = entity._b2b_default_contract()
                self.assertEqual(entity._b2b_resolve_pricelist(contract)[1], "group")
                price_of, currency = entity.with_company(company)._b2b_prices(
                    catalog, contract
                )
                self.assertEqual(currency.name, "RUB")
                prices.append(price_of)
            differ = [p for p in catalog.ids if prices[0][p] != prices[1][p]]
            self.assertGreater(len(differ), len(catalog) * 0.9)
            lines = stroydvor.with_company(company)._b2b_price_lines(
                [(p, 1.0, None) for p in catalog], stroydvor._b2b_default_contract()
            )
            self.assertGreaterEqual(len([li for li in lines if li.next_qty]), 20)
            self.assertGreaterEqual(
                len(catalog.filtered(lambda p: p.b2b_min_qty and p.b2b_multiple)), 20
            )
            self.assertGreaterEqual(
                len(catalog.filtered("product_template_attribute_value_ids")), 30
            )
            progress = stroydvor.with_company(company)._b2b_level_progress()
            self.assertEqual(progress["next_level"].name, "Серебро")
            self.assertAlmostEqual(progress["missing"], 18450.0)
            self.assertEqual(progress["currency"].name, "RUB")
            first = stroydvor.b2b_level_history_ids.sorted("id")[:1]
            self.assertFalse(first.previous_level_id)
            self.assertEqual(first.level_id.name, "Базовый")
