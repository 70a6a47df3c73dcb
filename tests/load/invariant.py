"""The load test's invariant, checked in the database after the run.

    ~/.cache/b2b-suite/venv/bin/python tests/load/invariant.py \
        --dsn "host=127.0.0.1 port=5499 dbname=b2b_load" --journal journal.jsonl

What the simulated buyers submitted (Locust's journal) against what the
database holds, for the load buyers' orders and carts:

- orders created = checkouts submitted: every checkout Locust saw succeed is
  one order, with its submit token; every order of a load buyer comes from a
  checkout that was sent (one whose answer was lost counts apart, as
  "committed, answer lost");
- no duplicates: one order per submit token, one order per submitted cart,
  one cart per pasted request;
- no lost or half-written lines: an order's lines are exactly the lines its
  buyer pasted (summed over merged carts), and a cart pasted through the
  quick order holds all its lines or does not exist;
- where b2b_edo is installed, every confirmed order has its invoice for
  payment sent (rendered in the background, the checkout does not wait for
  its PDF), and none is left waiting.

``check`` is plain Python over plain rows (tested without a database in
test_invariant.py); ``load`` reads the rows with psycopg2. Exit code 1 when
the invariant breaks.
"""

import argparse
import dataclasses
import json
import sys
from collections import Counter

ORDER_STATES = ("sale", "sent")


@dataclasses.dataclass
class Order:
    id: int
    login: str
    token: str | None
    state: str
    cart_name: str | None
    lines: dict  # sku -> qty
    merged_into_id: int | None = None


@dataclasses.dataclass
class Report:
    checkouts_ok: int = 0
    checkouts_lost: int = 0  # sent, answer lost, order committed
    checkouts_not_made: int = 0  # sent, answer lost, nothing committed
    checkouts_refused: int = 0
    orders: int = 0
    carts_ok: int = 0
    carts_checked: int = 0
    merges_ok: int = 0
    payment_invoices: int | None = None  # sent; None without b2b_edo
    problems: list = dataclasses.field(default_factory=list)

    confirmed: int = 0

    @property
    def holds(self):
        return not self.problems

    def lines(self):
        yield (
            f"orders created: {self.orders}; checkouts submitted: {self.checkouts_ok} "
            f"answered + {self.checkouts_lost} committed with the answer lost "
            f"({self.checkouts_not_made} lost and not committed, "
            f"{self.checkouts_refused} refused)"
        )
        yield (
            f"carts pasted: {self.carts_ok} confirmed, {self.carts_checked} checked "
            f"whole; merges: {self.merges_ok}"
        )
        if self.payment_invoices is not None:
            yield (
                f"invoices for payment sent: {self.payment_invoices} "
                f"for {self.confirmed} confirmed orders"
            )
        if self.holds:
            yield "invariant: holds (no duplicate, no lost or half-written line)"
        else:
            yield f"invariant: BROKEN ({len(self.problems)} problems)"
            for problem in self.problems[:30]:
                yield f"  - {problem}"


def last_records(journal):
    """The journal's last record per submission (a retried one is logged
    once per outcome, the last wins)."""
    keyed = {}
    for row in journal:
        if row["kind"] == "cart":
            key = ("cart", row["login"], row["cart_name"])
        elif row["kind"] == "merge":
            key = ("merge", row["login"], row.get("token"), tuple(row["sources"]))
        else:
            key = ("checkout", row["login"], row.get("token") or row["cart_id"])
        keyed[key] = row
    return list(keyed.values())


def _diff(expected, actual):
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    changed = sorted(k for k in set(expected) & set(actual) if expected[k] != actual[k])
    parts = []
    if missing:
        parts.append(f"{len(missing)} lost (e.g. {missing[0]})")
    if extra:
        parts.append(f"{len(extra)} not submitted (e.g. {extra[0]})")
    if changed:
        k = changed[0]
        parts.append(
            f"{len(changed)} other quantities (e.g. {k}: {expected[k]} → {actual[k]})"
        )
    return "; ".join(parts)


def _lines(lines):
    return {sku: float(qty) for sku, qty in lines.items()}


def check(journal, orders, carts):
    """``journal``: Locust's records; ``orders``: the load buyers' orders
    (state sale/sent); ``carts``: every sale.order of the load buyers with a
    cart name, whatever its state. Both lists of Order."""
    report = Report(orders=len(orders))
    records = last_records(journal)
    by_token = {}
    for order in orders:
        by_token.setdefault(order.token, []).append(order)
    for token, group in by_token.items():
        if token and len(group) > 1:
            report.problems.append(
                f"token {token}: {len(group)} orders {[o.id for o in group]}"
            )
    checkouts = [
        row
        for row in records
        if row["kind"] == "checkout" and row["status"] != "not_sent"
    ]
    used = Counter()
    for row in checkouts:
        order = _checkout_order(report, row, {o.id: o for o in orders}, by_token)
        if order is None:
            continue
        used[order.id] += 1
        diff = _diff(_lines(row["lines"]), order.lines)
        if diff:
            report.problems.append(f"order {order.id} ({row['login']}): {diff}")
    report.problems += [
        f"order {order_id} answers {count} checkouts"
        for order_id, count in used.items()
        if count > 1
    ]
    sent = {row["token"] for row in checkouts}
    report.problems += [
        f"order {o.id} ({o.login}): no checkout sent it (token {o.token})"
        for o in orders
        if o.token not in sent
    ]
    if report.orders != report.checkouts_ok + report.checkouts_lost:
        report.problems.append(
            f"{report.orders} orders for {report.checkouts_ok} answered "
            f"+ {report.checkouts_lost} unanswered checkouts"
        )
    _check_carts(report, records, carts)
    return report


def check_payment_invoices(report, orders, documents):
    """``documents``: {order id: (sent, pending)} invoices for payment of
    the load buyers' orders, or None where b2b_edo is not installed. Every
    confirmed order has one sent, and none is still waiting for its PDF."""
    if documents is None:
        return
    confirmed = [o for o in orders if o.state == "sale"]
    report.confirmed = len(confirmed)
    report.payment_invoices = 0
    for order in confirmed:
        sent, pending = documents.get(order.id, (0, 0))
        report.payment_invoices += min(sent, 1)
        if pending:
            report.problems.append(
                f"order {order.id} ({order.login}): {pending} invoice(s) for "
                "payment still waiting for their PDF"
            )
        elif not sent:
            report.problems.append(
                f"order {order.id} ({order.login}): no invoice for payment sent"
            )


def _checkout_order(report, row, orders_by_id, by_token):
    """The order a checkout record made, counted in ``report``, or None."""
    if row["status"] == "ok":
        report.checkouts_ok += 1
        order = orders_by_id.get(row["order_id"])
        if order is None:
            report.problems.append(
                f"checkout of cart {row['cart_id']} answered with order "
                f"{row['order_id']}, which is not an order in the database"
            )
        elif order.token != row["token"]:
            report.problems.append(
                f"order {order.id}: token {order.token}, submitted {row['token']}"
            )
        return order
    found = by_token.get(row["token"], [])
    if found:
        # sent, the answer lost (or the run stopped), the order committed
        report.checkouts_lost += 1
        return found[0]
    if row["status"] == "refused":
        report.checkouts_refused += 1
    else:
        report.checkouts_not_made += 1
    return None


def _check_carts(report, records, carts):
    """A pasted cart exists once with all its lines, or (answer lost) not
    at all; never twice, never in part."""
    named = {}
    for cart in carts:
        named.setdefault((cart.login, cart.cart_name), []).append(cart)
    for row in records:
        if row["kind"] == "merge" and row["status"] == "ok":
            report.merges_ok += 1
        if row["kind"] != "cart" or row["status"] == "not_sent":
            continue
        found = named.get((row["login"], row["cart_name"]), [])
        if row["status"] == "ok":
            report.carts_ok += 1
            if not found:
                report.problems.append(
                    f"cart “{row['cart_name']}” confirmed but not in the database"
                )
        if len(found) > 1:
            report.problems.append(f"cart “{row['cart_name']}”: {len(found)} carts")
        for cart in found:
            if cart.state in ORDER_STATES:
                continue  # an order now: its lines are checked with the orders
            report.carts_checked += 1
            diff = _diff(_lines(row["lines"]), cart.lines)
            if diff:
                report.problems.append(
                    f"cart “{cart.cart_name}” ({cart.state}): {diff}"
                )


def load(dsn):
    """The load buyers' orders and named carts, with their lines."""
    import psycopg2  # noqa: PLC0415 - Odoo's virtualenv has it; the kernel needs none

    with psycopg2.connect(dsn) as conn, conn.cursor() as cr:
        cr.execute(
            """
            SELECT so.id, u.login, so.b2b_submit_token, so.state, so.b2b_cart_name,
                   so.b2b_merged_into_id,
                   COALESCE(json_object_agg(p.default_code, sol.qty)
                            FILTER (WHERE p.default_code IS NOT NULL), '{}')
              FROM sale_order so
              JOIN res_users u ON u.id = so.b2b_buyer_id
              LEFT JOIN (
                    SELECT order_id, product_id, SUM(product_uom_qty) AS qty
                      FROM sale_order_line
                     WHERE display_type IS NULL AND product_id IS NOT NULL
                  GROUP BY order_id, product_id
              ) sol ON sol.order_id = so.id
              LEFT JOIN product_product p ON p.id = sol.product_id
             WHERE u.login LIKE 'load\\_buyer\\_%%'
          GROUP BY so.id, u.login
            """
        )
        rows = [
            Order(
                id=r[0],
                login=r[1],
                token=r[2],
                state=r[3],
                cart_name=r[4],
                merged_into_id=r[5],
                lines={k: float(v) for k, v in r[6].items()},
            )
            for r in cr.fetchall()
        ]
        cr.execute(
            """
            SELECT p.default_code, COUNT(*) FROM sale_order_line sol
              JOIN sale_order so ON so.id = sol.order_id
              JOIN res_users u ON u.id = so.b2b_buyer_id
              JOIN product_product p ON p.id = sol.product_id
             WHERE u.login LIKE 'load\\_buyer\\_%%' AND sol.display_type IS NULL
          GROUP BY so.id, p.default_code HAVING COUNT(*) > 1 LIMIT 5
            """
        )
        doubled = cr.fetchall()
        documents = _payment_invoices(cr)
    orders = [o for o in rows if o.state in ORDER_STATES]
    carts = [o for o in rows if o.cart_name]
    return orders, carts, doubled, documents


PENDING_SQL = """
    SELECT COUNT(*) FROM b2b_document
     WHERE document_type = 'payment_invoice' AND state = 'draft'
       AND attachment_id IS NULL
"""


def _has_documents(cr):
    cr.execute("SELECT to_regclass('b2b_document') IS NOT NULL")
    return cr.fetchone()[0]


def _payment_invoices(cr):
    """{order id: (sent, pending)} for the load buyers' orders; None
    without b2b_edo."""
    if not _has_documents(cr):
        return None
    cr.execute(
        """
        SELECT d.order_id,
               COUNT(*) FILTER (WHERE d.state IN ('sent', 'accepted')),
               COUNT(*) FILTER (WHERE d.state = 'draft' AND d.attachment_id IS NULL)
          FROM b2b_document d
          JOIN sale_order so ON so.id = d.order_id
          JOIN res_users u ON u.id = so.b2b_buyer_id
         WHERE d.document_type = 'payment_invoice'
           AND u.login LIKE 'load\\_buyer\\_%%'
      GROUP BY d.order_id
        """
    )
    return {order_id: (sent, pending) for order_id, sent, pending in cr.fetchall()}


def pending(dsn):
    """How many invoices for payment wait for their PDF (0 without b2b_edo)."""
    import psycopg2  # noqa: PLC0415

    with psycopg2.connect(dsn) as conn, conn.cursor() as cr:
        if not _has_documents(cr):
            return 0
        cr.execute(PENDING_SQL)
        return cr.fetchone()[0]


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--journal")
    parser.add_argument(
        "--pending",
        action="store_true",
        help="only print how many invoices for payment wait for their PDF",
    )
    args = parser.parse_args(argv)
    if args.pending:
        print(pending(args.dsn))
        return 0
    if not args.journal:
        parser.error("--journal is required")
    with open(args.journal, encoding="utf-8") as handle:
        journal = [json.loads(line) for line in handle if line.strip()]
    orders, carts, doubled, documents = load(args.dsn)
    report = check(journal, orders, carts)
    check_payment_invoices(report, orders, documents)
    for sku, count in doubled:
        report.problems.append(
            f"a product on {count} lines of one order or cart: {sku}"
        )
    print()
    for line in report.lines():
        print(line)
    return 0 if report.holds else 1


if __name__ == "__main__":
    sys.exit(main())
