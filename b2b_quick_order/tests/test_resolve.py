from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from odoo.addons.b2b_portal.tests.common import B2bCommon

from ..tools.order_text import parse_order_text


class TestResolve(B2bCommon):
    """Quick order: keys → products of the entity → preview → cart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.QuickOrder = cls.env["b2b.quick.order"]
        cls.hidden_categ = cls.create_hidden_category()
        kg = cls.env.ref("uom.product_uom_kgm")
        Product = cls.env["product.product"]
        (
            cls.drill,
            cls.saw,
            cls.amb_upper,
            cls.amb_lower,
            cls.hidden,
            cls.archived,
            cls.washer,
            cls.sand,
            cls.coded,
            cls.b_coded,
        ) = Product.create(
            [
                {
                    "name": "Drill",
                    "default_code": "DRL-100",
                    "barcode": "4600000000017",
                    "is_storable": True,
                },
                {"name": "Saw", "default_code": "SAW-1"},
                {"name": "Bolt upper", "default_code": "AMB-X"},
                {"name": "Bolt lower", "default_code": "amb-x"},
                {
                    "name": "Hidden",
                    "default_code": "HID-1",
                    "categ_id": cls.hidden_categ.id,
                },
                {"name": "Old", "default_code": "OLD-1", "active": False},
                {"name": "Washer", "default_code": "WSH-1", "is_storable": True},
                {"name": "Sand", "default_code": "SND-1", "uom_id": kg.id},
                {"name": "Coded", "default_code": "CDD-1"},
                {"name": "B coded", "default_code": "BCD-1"},
            ]
        )
        cls.env["b2b.customer.code"].create(
            [
                {"entity_id": entity.id, "code": code, "product_id": product.id}
                for entity, code, product in (
                    (cls.entity_a, "Our-Drill", cls.coded),
                    (cls.entity_a, "SAW-1", cls.coded),
                    (cls.entity_b, "B-ONLY", cls.b_coded),
                )
            ]
        )
        cls.env["product.pricelist.item"].create(
            [
                {
                    "pricelist_id": pricelist.id,
                    "applied_on": "0_product_variant",
                    "product_id": cls.drill.id,
                    "compute_price": "fixed",
                    "fixed_price": price,
                }
                for pricelist, price in (
                    (cls.pricelist_a, 80.0),
                    (cls.pricelist_b, 90.0),
                )
            ]
        )
        cls.add_stock({cls.drill: 100, cls.washer: 2})
        cls.washer_date = cls.plan_receipt(cls.washer, 20, days=5)

    def preview(self, text, entity=None, user=None):
        parsed = parse_order_text(text)
        service = self.QuickOrder.with_user(user or self.buyer_a)
        return service._b2b_preview(entity or self.entity_a, parsed.rows, parsed.errors)

    def line(self, text, **kwargs):
        lines = self.preview(text, **kwargs)["lines"]
        self.assertEqual(len(lines), 1, lines)
        return lines[0]

    # -- resolution -----------------------------------------------------------
    def test_sku(self):
        line = self.line("DRL-100 3")
        self.assertEqual(line["status"], "ok")
        self.assertEqual((line["product_id"], line["qty"]), (self.drill.id, 3))

    def test_barcode(self):
        line = self.line("4600000000017;2")
        self.assertEqual((line["status"], line["product_id"]), ("ok", self.drill.id))

    def test_customer_code(self):
        line = self.line("Our-Drill 1")
        self.assertEqual((line["status"], line["product_id"]), ("ok", self.coded.id))

    def test_case_and_spaces(self):
        line = self.line("  drl-100  ;  4")
        self.assertEqual((line["status"], line["product_id"]), ("ok", self.drill.id))
        line = self.line("our-DRILL\t1")
        self.assertEqual((line["status"], line["product_id"]), ("ok", self.coded.id))

    def test_unknown(self):
        line = self.line("NOPE-1 1")
        self.assertEqual((line["status"], line["product_id"]), ("unknown", False))

    def test_ambiguous_case(self):
        line = self.line("Amb-X 1")
        self.assertEqual(line["status"], "ambiguous")
        self.assertEqual(
            sorted(line["candidates"]), sorted((self.amb_upper | self.amb_lower).ids)
        )
        self.assertFalse(line["product_id"])

    def test_ambiguous_customer_code_and_sku(self):
        line = self.line("SAW-1 1")
        self.assertEqual(line["status"], "ambiguous")
        self.assertEqual(
            sorted(line["candidates"]), sorted((self.saw | self.coded).ids)
        )
        # for entity B, SAW-1 is only our SKU
        line = self.line("SAW-1 1", entity=self.entity_b, user=self.buyer_ab)
        self.assertEqual((line["status"], line["product_id"]), ("ok", self.saw.id))

    def test_other_entity_code_never_resolves(self):
        line = self.line("B-ONLY 1")
        self.assertEqual((line["status"], line["product_id"]), ("unknown", False))
        line = self.line("B-ONLY 1", entity=self.entity_b, user=self.buyer_ab)
        self.assertEqual((line["status"], line["product_id"]), ("ok", self.b_coded.id))

    def test_non_member_refused(self):
        with self.assertRaises(AccessError):
            self.preview("DRL-100 1", entity=self.entity_b, user=self.buyer_a)

    def test_not_in_assortment(self):
        line = self.line("HID-1 1")
        self.assertEqual(line["status"], "not_in_assortment")
        self.assertFalse(line["product_id"], "a hidden product is never shown")
        self.assertEqual(line["price_unit"], 0.0)

    def test_archived(self):
        line = self.line("OLD-1 1")
        self.assertEqual((line["status"], line["product_id"]), ("archived", False))

    def test_keys_have_their_indexes(self):
        # _b2b_candidates matches lower(btrim(column)) = ANY(keys): an index
        # serves it only on that very expression. (Which index the planner
        # takes depends on the table's size: at 200,000 products, without
        # these, each paste was a 147 ms scan, bench_quick_order.py.)
        self.cr.execute(
            "SELECT indexname, indexdef FROM pg_indexes"
            " WHERE tablename = 'product_product'"
        )
        indexes = dict(self.cr.fetchall())
        for column in ("default_code", "barcode"):
            with self.subTest(column=column):
                definition = indexes.get(f"product_product_b2b_{column}_key_idx", "")
                self.assertIn(f"btree (lower(btrim(({column})::text)))", definition)

    def test_not_whole(self):
        line = self.line("DRL-100;1,5")
        self.assertEqual(line["status"], "not_whole")
        line = self.line("SND-1;1,5")
        self.assertEqual((line["status"], line["qty"]), ("ok", 1.5))

    def test_short_with_incoming_date(self):
        line = self.line("WSH-1 5")
        self.assertEqual(line["status"], "short")
        self.assertEqual(line["free_qty"], 2)
        self.assertEqual(line["incoming_date"], self.washer_date.date())
        self.assertEqual(line["incoming_qty"], 20)
        self.assertEqual(self.line("WSH-1 2")["status"], "ok")

    def test_merged_duplicates(self):
        lines = self.preview("DRL-100 2\n4600000000017 3")["lines"]
        first, second = lines
        self.assertEqual((first["status"], first["qty"]), ("ok", 5))
        self.assertEqual(first["notes"], [("merged", 2)])
        self.assertEqual((second["status"], second["merged_into"]), ("merged", 1))
        self.assertEqual(second["subtotal"], 0.0)
        self.assertEqual(self.preview("DRL-100 2\n4600000000017 3")["total"], 400.0)

    def test_parser_errors_pass_through(self):
        lines = self.preview("DRL-100 1\nSAW-1 abc")["lines"]
        self.assertEqual([line["line_no"] for line in lines], [1, 2])
        self.assertEqual(lines[0]["status"], "ok")
        self.assertNotIn(lines[1]["status"], ("ok", "short"))
        self.assertFalse(lines[1]["product_id"])

    def test_unit_unsupported(self):
        self.assertEqual(self.line("DRL-100 2 box")["status"], "unit_unsupported")
        self.assertEqual(self.line("DRL-100 2 шт")["status"], "ok")
        self.assertEqual(self.line("SND-1 2 шт")["status"], "unit_unsupported")

    def box_of(self, size, product):
        box = self.env["uom.uom"].create(
            {
                "name": f"Box of {size}",
                "relative_factor": size,
                "relative_uom_id": self.env.ref("uom.product_uom_unit").id,
                "b2b_packaging": "box",
            }
        )
        product.uom_ids = [Command.link(box.id)]
        return box

    def test_packaging_units(self):
        """“2 кор” is two of the product's boxes: priced per box, checked
        against the stock in pieces, written as a box line."""
        box = self.box_of(10, self.drill)
        line = self.line("DRL-100 2 кор")
        self.assertEqual((line["status"], line["uom_id"]), ("ok", box.id))
        self.assertEqual(line["price_unit"], 800.0)
        self.assertEqual(line["subtotal"], 1600.0)
        # 20 boxes are 200 pieces, more than the 100 in stock
        self.assertEqual(self.line("DRL-100 20 кор")["status"], "short")
        self.assertEqual(self.line("DRL-100;1,5 кор")["status"], "not_whole")
        # pieces and boxes of the same product stay two lines
        lines = self.preview("DRL-100 2 кор\nDRL-100 5\n4600000000017 1 кор")["lines"]
        self.assertEqual([line["status"] for line in lines], ["ok", "ok", "merged"])
        self.assertEqual(lines[0]["qty"], 3)
        cart, count = self.confirm(lines)
        self.assertEqual(count, 2)
        self.assertEqual(
            {(x.product_uom_id, x.product_uom_qty) for x in cart.order_line},
            {(box, 3), (self.drill.uom_id, 5)},
        )

    def test_packaging_unit_of_another_product_refused(self):
        """A unit id sent back that is not one of the product's is skipped."""
        box = self.box_of(10, self.washer)
        lines = self.preview("DRL-100 2")["lines"]
        lines[0]["uom_id"] = box.id
        with self.assertRaises(UserError):
            self.confirm(lines)

    def test_prices_per_entity(self):
        preview_a = self.preview("DRL-100 2")
        preview_b = self.preview("DRL-100 2", entity=self.entity_b, user=self.buyer_ab)
        self.assertEqual(preview_a["lines"][0]["price_unit"], 80.0)
        self.assertEqual(preview_b["lines"][0]["price_unit"], 90.0)
        self.assertEqual((preview_a["total"], preview_b["total"]), (160.0, 180.0))

    def test_preview_writes_nothing(self):
        self.preview("DRL-100 2\nWSH-1 5")
        self.assertFalse(self.buyer_a._b2b_current_cart(self.entity_a))

    # -- confirmation ---------------------------------------------------------
    def confirm(self, lines, user=None, entity=None):
        user = user or self.buyer_a
        return self.QuickOrder.with_user(user)._b2b_confirm(
            entity or self.entity_a, user, lines
        )

    def test_confirm_writes_once_and_only_valid_lines(self):
        lines = self.preview(
            "DRL-100 2\nWSH-1 5\nNOPE 1\nHID-1 1\nAmb-X 1\n4600000000017 1"
        )["lines"]
        # the browser lies: a hidden product marked ok, a fraction, a string
        lines += [
            {"status": "ok", "product_id": self.hidden.id, "qty": 1},
            {"status": "ok", "product_id": self.archived.id, "qty": 1},
            {"status": "ok", "product_id": self.saw.id, "qty": 0.5},
            {"status": "ok", "product_id": str(self.saw.id), "qty": 1},
            {"status": "ambiguous", "product_id": self.amb_upper.id, "qty": 1},
        ]
        SaleOrder = self.registry["sale.order"]
        original = SaleOrder._b2b_add_products
        calls = []

        def spy(order, quantities):
            calls.append(quantities)
            return original(order, quantities)

        with patch.object(SaleOrder, "_b2b_add_products", spy):
            cart, count = self.confirm(lines)
        self.assertEqual(len(calls), 1)
        self.assertEqual(count, 2)
        self.assertEqual(
            {(line.product_id, line.product_uom_qty) for line in cart.order_line},
            {(self.drill, 3), (self.washer, 5)},
        )
        self.assertEqual(cart, self.buyer_a._b2b_current_cart(self.entity_a))

    def test_confirm_refused_for_accountant(self):
        accountant = self.accountant_a
        lines = self.preview("DRL-100 2")["lines"]
        with self.assertRaises(AccessError):
            self.confirm(lines, user=accountant)
        self.assertFalse(accountant._b2b_current_cart(self.entity_a))

    def test_confirm_refused_for_unapproved_entity(self):
        lines = self.preview("DRL-100 2")["lines"]
        self.entity_a.b2b_state = "pending"
        with self.assertRaisesRegex(UserError, "not verified"):
            self.confirm(lines)
        self.assertFalse(self.buyer_a._b2b_current_cart(self.entity_a))

    def test_confirm_records_history(self):
        lines = self.preview("DRL-100 2\nNOPE 1\nWSH-1 1")["lines"]
        History = self.env["b2b.quick.order.upload"]
        self.assertFalse(History.search([("entity_id", "=", self.entity_a.id)]))
        cart, _count = self.QuickOrder.with_user(self.buyer_a)._b2b_confirm(
            self.entity_a,
            self.buyer_a,
            lines,
            history={"source": "file", "file_name": "order.xlsx", "line_count": 3},
        )
        record = History.search([("entity_id", "=", self.entity_a.id)])
        self.assertEqual(
            (record.source, record.file_name, record.user_id, record.order_id),
            ("file", "order.xlsx", self.buyer_a, cart),
        )
        self.assertEqual((record.added_count, record.skipped_count), (2, 1))
        self.assertEqual(record.amount, cart.amount_untaxed)
        # a buyer of the entity reads it, a buyer of another entity does not
        self.assertEqual(History.with_user(self.buyer_a).search([]), record)
        outsider = new_test_user(
            self.env, login="out_b", groups="base.group_portal", name="Out B"
        )
        self.env["b2b.membership"].create(
            {"user_id": outsider.id, "entity_id": self.entity_b.id, "role": "owner"}
        )
        self.assertFalse(History.with_user(outsider).search([]))

    def test_confirm_nothing_valid(self):
        lines = self.preview("NOPE 1\nHID-1 1")["lines"]
        with self.assertRaises(UserError):
            self.confirm(lines)
        self.assertFalse(self.buyer_a._b2b_current_cart(self.entity_a))

    # -- customer codes -------------------------------------------------------
    def test_customer_code_unique_per_entity_case_insensitive(self):
        Code = self.env["b2b.customer.code"]
        Code.create(
            {
                "entity_id": self.entity_b.id,
                "code": "our-drill",
                "product_id": self.drill.id,
            }
        )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                Code.create(
                    {
                        "entity_id": self.entity_a.id,
                        "code": " OUR-DRILL ",
                        "product_id": self.drill.id,
                    }
                )

    def test_customer_codes_portal_rule(self):
        Code = self.env["b2b.customer.code"].with_user(self.buyer_a)
        self.assertEqual(Code.search([]).entity_id, self.entity_a)


class TestResolveQueries(B2bCommon):
    """A preview of 1,000 lines costs the queries of a preview of 10."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.products = cls.env["product.product"].create(
            [
                {
                    "name": f"Bulk item {n}",
                    "default_code": f"BLK-{n:04d}",
                    "barcode": f"2000000{n:06d}",
                    "is_storable": True,
                }
                for n in range(1000)
            ]
        )
        cls.env["b2b.customer.code"].create(
            [
                {"entity_id": cls.entity_a.id, "code": f"MY-{n}", "product_id": p.id}
                for n, p in enumerate(cls.products)
            ]
        )

    def preview(self, count):
        # keys of all three kinds, in mixed case
        text = "\n".join(
            f"{('blk-%04d' % n, '2000000%06d' % n, 'my-%d' % n)[n % 3]};{n % 7 + 1}"
            # a unit on every other line: each line's unit is checked
            + (" шт" if n % 2 else "")
            for n in range(count)
        )
        parsed = parse_order_text(text)
        self.env.invalidate_all()
        return (
            self.env["b2b.quick.order"]
            .with_user(self.buyer_a)
            ._b2b_preview(self.entity_a, parsed.rows)
        )

    def test_query_count(self):
        self.preview(10)  # warm the caches (rules, refs)
        # measured: 25 queries for 10 lines and for 1,000 (one to resolve
        # every key, a few to read products, rules, prices and stock)
        with self.assertQueryCount(QUERIES):
            small = self.preview(10)
        with self.assertQueryCount(QUERIES):
            large = self.preview(1000)
        self.assertEqual(len(small["lines"]), 10)
        self.assertEqual(len(large["lines"]), 1000)
        self.assertEqual({line["status"] for line in large["lines"]}, {"short"})


QUERIES = 25


class TestResolveUnflushed(B2bCommon):
    """A code written in the same transaction, not yet flushed, resolves."""

    def test_unflushed_code(self):
        product = self.env["product.product"].create(
            {"name": "Fresh", "default_code": "X"}
        )
        product.default_code = "FRESH-1"  # pending in the ORM cache
        found = self.env["b2b.quick.order"]._b2b_candidates(self.entity_a, ["fresh-1"])
        self.assertEqual(found, {"fresh-1": {product.id}})
