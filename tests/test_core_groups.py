"""Odoo's own groups keep reading and writing the core records the suite
extends: a field a b2b addon adds to sale.order, res.partner, product.* …
never makes the record unreadable to a salesperson, a stock or invoicing user,
an employee or a portal buyer who has no B2B group."""

from lxml import etree

from odoo import Command
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.b2b_multicart.tests.common import MulticartCommon

CORE_USERS = {
    "salesman": "sales_team.group_sale_salesman",
    "sale_manager": "sales_team.group_sale_manager",
    "stock_user": "stock.group_stock_user",
    "invoicer": "account.group_account_invoice",
    "employee": "base.group_user",
}


@tagged("post_install", "-at_install")
class TestCoreGroups(MulticartCommon):
    # outside odoo.addons.*, Odoo does not name the module of the test
    test_module = "b2b_portal"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            login: new_test_user(cls.env, login=f"core_{login}", groups=groups)
            for login, groups in CORE_USERS.items()
        }
        # every b2b relation filled: level and its history, a shared cart,
        # an order under a contract with its delivery and invoice
        level = cls.env["b2b.level"].create({"name": "Silver", "threshold": 1000})
        cls.entity_a.b2b_level_id = level
        cls.env["b2b.level.history"].create(
            {"entity_id": cls.entity_a.id, "level_id": level.id, "reason": "turnover"}
        )
        cls.cart_a = cls.cart(cls.buyer_a, cls.entity_a, "Склад", {cls.bolt: 12})
        cls.cart_a.sudo()._b2b_share(cls.buyer_ab, "read")
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.entity_a.id,
                "b2b_contract_id": cls.contract_a.id,
                "user_id": cls.users["salesman"].id,
                "order_line": [
                    Command.create({"product_id": cls.bolt.id, "product_uom_qty": 5})
                ],
            }
        )
        cls.order.action_confirm()
        cls.invoice = cls.order._create_invoices()
        cls.invoice.action_post()

    def records(self):
        order = self.order | self.cart_a.sudo(False)
        return {
            "sale.order": order,
            "sale.order.line": order.order_line,
            "res.partner": self.entity_a | self.buyer_a.partner_id,
            "res.users": self.buyer_a | self.manager,
            "res.company": self.env.company,
            "res.partner.category": self.group_wholesale,
            "product.product": self.bolt,
            "product.template": self.bolt.product_tmpl_id,
            "product.category": self.bolt.categ_id,
            "product.pricelist": self.pricelist_a,
            "product.pricelist.item": self.pricelist_a.item_ids,
            "uom.uom": self.bolt.uom_id,
            "account.move": self.invoice,
            "stock.picking": self.order.picking_ids,
        }

    def assert_reads(self, user):
        """``user`` reads every field the suite adds to the records its groups
        read (a list, an export, a report), as Odoo's own code would."""
        for model, records in self.records().items():
            readable = records.with_user(user)._filtered_access("read")
            suite_fields = [
                name
                for name, field in readable._fields.items()
                if (field._module or "").startswith("b2b_")
                and readable._has_field_access(field, "read")
            ]
            if not readable or not suite_fields:
                continue
            with self.subTest(user=user.login, model=model):
                self.assertEqual(len(readable.read(suite_fields)), len(readable))
                readable.invalidate_recordset()
                for name in suite_fields:
                    readable.mapped(name)

    def assert_opens_form(self, records):
        """The form view of ``records`` loads as the web client loads it:
        the view as this user gets it, then every field of its arch."""
        views = records.get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        names = {
            node.get("name")
            for node in arch.iter("field")
            if not any(parent.tag == "field" for parent in node.iterancestors())
        }
        spec = {
            name: {"fields": {"display_name": {}}}
            if records._fields[name].relational
            else {}
            for name in names
        }
        self.assertEqual(len(records.web_read(spec)), len(records))

    def test_core_users_read_everything(self):
        for user in self.users.values():
            self.assert_reads(user)

    def test_portal_buyer_reads_own_records(self):
        self.assert_reads(self.buyer_a)

    def test_core_users_open_partner_forms(self):
        for user in self.users.values():
            with self.subTest(user=user.login):
                partners = self.entity_a | self.buyer_a.partner_id
                self.assert_opens_form(partners.with_user(user))

    def test_salesman_opens_and_saves_the_order_form(self):
        for login in ("salesman", "sale_manager"):
            with self.subTest(user=login):
                self.assert_opens_form(self.order.with_user(self.users[login]))
        salesman = self.users["salesman"]
        self.order.with_user(salesman).write({"client_order_ref": "PO-17"})
        self.assertEqual(self.order.client_order_ref, "PO-17")
        with Form(self.env["sale.order"].with_user(salesman)) as form:
            form.partner_id = self.entity_a
            form.user_id = salesman  # the entity's own salesperson is another one
            with form.order_line.new() as line:
                line.product_id = self.nut
        self.assertEqual(form.record.order_line.product_id, self.nut)
        self.assertEqual(form.record.b2b_entity_id, self.entity_a)

    def test_stock_user_validates_the_delivery(self):
        picking = self.order.picking_ids.with_user(self.users["stock_user"])
        picking.read()
        picking.action_assign()
        picking.move_ids.quantity = 5
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(self.order.order_line.qty_delivered, 5)
