"""The load test's invariant and form reader: plain Python, no database
(as tests/test_setup_scripts.py, outside any addon)."""

import unittest

from forms import form
from invariant import Order, check, check_payment_invoices


def order(id_, token, lines, state="sale", cart_name=None, login="load_buyer_01"):
    return Order(id_, login, token, state, cart_name, lines)


def cart_row(name, lines, status="ok", cart_id=1):
    return {
        "kind": "cart",
        "login": "load_buyer_01",
        "cart_name": name,
        "lines": lines,
        "status": status,
        "cart_id": cart_id,
    }


def checkout_row(token, lines, status="ok", order_id=1, cart_id=1):
    return {
        "kind": "checkout",
        "login": "load_buyer_01",
        "cart_id": cart_id,
        "token": token,
        "lines": lines,
        "status": status,
        "order_id": order_id,
    }


class TestInvariant(unittest.TestCase):
    lines = {"LD-00001": 3, "LD-00002": 5}

    def test_holds(self):
        journal = [
            cart_row("a #1", self.lines),
            checkout_row("t1", self.lines, status="sent", order_id=None),
            checkout_row("t1", self.lines),
        ]
        placed = order(1, "t1", {"LD-00001": 3.0, "LD-00002": 5.0}, cart_name="a #1")
        report = check(journal, [placed], [placed])
        self.assertTrue(report.holds, report.problems)
        self.assertEqual((report.orders, report.checkouts_ok), (1, 1))

    def test_answer_lost_but_committed_is_counted_apart(self):
        journal = [checkout_row("t1", self.lines, status="unknown", order_id=None)]
        report = check(journal, [order(1, "t1", dict(self.lines))], [])
        self.assertTrue(report.holds, report.problems)
        self.assertEqual((report.checkouts_ok, report.checkouts_lost), (0, 1))

    def test_duplicate_order_breaks_it(self):
        journal = [checkout_row("t1", self.lines)]
        orders = [order(1, "t1", dict(self.lines)), order(2, "t1", dict(self.lines))]
        report = check(journal, orders, [])
        self.assertFalse(report.holds)
        self.assertIn("token t1: 2 orders", report.problems[0])

    def test_lost_line_breaks_it(self):
        journal = [checkout_row("t1", self.lines)]
        report = check(journal, [order(1, "t1", {"LD-00001": 3})], [])
        self.assertEqual(
            report.problems, ["order 1 (load_buyer_01): 1 lost (e.g. LD-00002)"]
        )

    def test_order_nobody_submitted_breaks_it(self):
        report = check([], [order(7, "zz", dict(self.lines))], [])
        self.assertFalse(report.holds)
        self.assertIn("no checkout sent it", report.problems[0])

    def test_half_written_cart_breaks_it(self):
        journal = [cart_row("a #1", self.lines, status="unknown", cart_id=None)]
        half = order(3, None, {"LD-00001": 3}, state="draft", cart_name="a #1")
        report = check(journal, [], [half])
        self.assertEqual(
            report.problems, ["cart “a #1” (draft): 1 lost (e.g. LD-00002)"]
        )
        # a cart whose answer was lost may not exist at all
        self.assertTrue(check(journal, [], []).holds)

    def test_confirmed_cart_must_exist(self):
        report = check([cart_row("a #1", self.lines)], [], [])
        self.assertIn("confirmed but not in the database", report.problems[0])

    def test_every_confirmed_order_has_its_invoice_for_payment(self):
        orders = [order(1, "t1", self.lines), order(2, "t2", self.lines)]
        report = check([checkout_row("t1", self.lines)], orders[:1], [])
        check_payment_invoices(report, orders[:1], {1: (1, 0)})
        self.assertTrue(report.holds, report.problems)
        self.assertEqual((report.payment_invoices, report.confirmed), (1, 1))
        # without b2b_edo nothing is checked
        report = check([checkout_row("t1", self.lines)], orders[:1], [])
        check_payment_invoices(report, orders[:1], None)
        self.assertIsNone(report.payment_invoices)

    def test_an_invoice_for_payment_left_waiting_breaks_it(self):
        orders = [order(1, "t1", self.lines), order(2, "t2", self.lines)]
        report = check(
            [
                checkout_row("t1", self.lines),
                checkout_row("t2", self.lines, order_id=2),
            ],
            orders,
            [],
        )
        check_payment_invoices(report, orders, {1: (0, 1)})
        self.assertFalse(report.holds)
        self.assertIn("still waiting for their PDF", report.problems[0])
        self.assertIn("order 2", report.problems[1])
        self.assertIn("no invoice for payment sent", report.problems[1])


class TestForms(unittest.TestCase):
    def test_form_as_a_browser_sends_it(self):
        html = """
        <form action="/other"><input name="x" value="1"/></form>
        <form action="/my/b2b/carts/5/checkout" method="post">
          <input type="hidden" name="csrf_token" value="abc"/>
          <input type="hidden" name="token" value="t&amp;1"/>
          <select name="contract_id">
            <option value="3"/><option value="4" selected/>
          </select>
          <select name="shipping_id"><option value="9">A</option></select>
          <input type="checkbox" name="skip" value="1"/>
          <input type="date" name="date" value=""/>
          <textarea name="note">hi</textarea>
          <button type="submit" name="go">Go</button>
        </form>"""
        found = form(html, "/my/b2b/carts/5/checkout")
        self.assertEqual(
            found.values(date="2030-01-01"),
            [
                ("csrf_token", "abc"),
                ("token", "t&1"),
                ("contract_id", "4"),
                ("shipping_id", "9"),
                ("note", "hi"),
                ("date", "2030-01-01"),
            ],
        )
        self.assertIsNone(form(html, "/nowhere"))
