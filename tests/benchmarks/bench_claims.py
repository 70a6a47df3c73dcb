"""Claims (b2b_claims): the portal list of an entity with 20 and with 2,000
claims, and the statistics pivot over 50,000 claim lines.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_claims.py \
        [--claims 2000] [--lines 50000] [--reset]

Makes (once; --reset remakes it) a database ``b2b_bench_claims`` with
b2b_claims, one delivered order of 50 products for entity "many" (which gets
N claims) and entity "few" (20 claims), and claim lines up to the number
asked. Then, rolled back:

- the list page of each entity as its buyer: the queries of the page's
  count, search and every value the table shows (number, date, order, type,
  deadline, amounts, state); the target is at most 60 and the same for both;
- the pivot of the lines per product and per entity (``_read_group`` with
  the sums), as the back office reads it: the target is at most 2 s.

Figures are printed, never asserted.
"""

import argparse
import os
import sys
import time

from benchlib import database_exists, make_database, open_env, write_conf

DB = os.environ.get("B2B_DB_BENCH_CLAIMS", "b2b_bench_claims")


def generate(count):
    """Runs in a child process: fill the database through the ORM."""
    cr, env = open_env(DB)
    from odoo import Command  # noqa: PLC0415

    claims, lines = (int(n) for n in str(count).split(":"))
    products = env["product.product"].create(
        [
            {
                "name": f"Товар {i}",
                "default_code": f"CLB-{i:03d}",
                "type": "consu",
                "is_storable": True,
                "list_price": 10 + i,
                "taxes_id": [Command.clear()],
            }
            for i in range(50)
        ]
    )
    stock = env["stock.warehouse"].search([], limit=1).lot_stock_id
    for product in products:
        env["stock.quant"]._update_available_quantity(product, stock, 100000)
    users = {}
    entities = {}
    for key in ("many", "few"):
        entity = env["res.partner"].create(
            {"name": f"ООО «{key}»", "is_company": True, "b2b_state": "approved"}
        )
        user = env["res.users"].create(
            {
                "name": f"Buyer {key}",
                "login": f"bench_{key}",
                "group_ids": [Command.set([env.ref("base.group_portal").id])],
            }
        )
        env["b2b.membership"].create(
            {"user_id": user.id, "entity_id": entity.id, "role": "owner"}
        )
        entities[key], users[key] = entity, user
        order = env["sale.order"].create(
            {
                "partner_id": entity.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": 100000})
                    for p in products
                ],
            }
        )
        order.action_confirm()
        picking = order.picking_ids
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking._action_done()
        entity.ref = str(order.id)
    claim_type = env.ref("b2b_claims.claim_type_defect")
    per_claim = max(lines // claims, 1)
    for key, number in (("many", claims), ("few", 20)):
        entity = entities[key]
        order = env["sale.order"].browse(int(entity.ref))
        move_lines = order.picking_ids.move_line_ids
        for start in range(0, number, 500):
            env["b2b.claim"].create(
                [
                    {
                        "entity_id": entity.id,
                        "order_id": order.id,
                        "picking_id": order.picking_ids.id,
                        "claim_type_id": claim_type.id,
                        "state": "submitted",
                        "submit_date": "2026-11-02",
                        "line_ids": [
                            Command.create(
                                {
                                    "move_line_id": move_lines[(n + k) % 50].id,
                                    "quantity": 1,
                                    "demand": "refund",
                                }
                            )
                            for k in range(per_claim if key == "many" else 1)
                        ],
                    }
                    for n in range(start, min(start + 500, number))
                ]
            )
            env.cr.commit()
    cr.commit()
    cr.close()


def measure(env):
    for key in ("few", "many"):
        user = env["res.users"].search([("login", "=", f"bench_{key}")])
        entity = user._b2b_entities()
        Claim = env["b2b.claim"].with_user(user)
        env.invalidate_all()
        before = env.cr.sql_log_count
        started = time.perf_counter()
        total = Claim.search_count([("entity_id", "=", entity.id)])
        claims = Claim.search([("entity_id", "=", entity.id)], limit=20)
        for claim in claims.sudo():
            _row = (
                claim.name,
                claim.date,
                claim.order_id.name,
                claim.claim_type_id.name,
                claim.legal_deadline,
                claim.amount_claimed,
                claim.amount_approved,
                claim.state,
                claim.access_url,
            )
        queries = env.cr.sql_log_count - before
        print(
            f"list of {total:5d} claims: {queries} queries, "
            f"{(time.perf_counter() - started) * 1000:.0f} ms"
        )
    Line = env["b2b.claim.line"]
    count = Line.search_count([])
    for groupby in (["product_id"], ["entity_id"], ["product_id", "demand"]):
        env.invalidate_all()
        started = time.perf_counter()
        Line._read_group(
            [], groupby, ["quantity:sum", "amount_claimed:sum", "amount_approved:sum"]
        )
        print(
            f"pivot of {count} lines by {', '.join(groupby)}: "
            f"{time.perf_counter() - started:.3f} s"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--lines", type=int, default=50000)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--generate", help=argparse.SUPPRESS)
    args = parser.parse_args()
    write_conf(DB)
    if args.generate:
        generate(args.generate)
        return
    if args.reset or not database_exists(DB):
        make_database(
            write_conf(DB), DB, "b2b_claims", __file__, f"{args.claims}:{args.lines}"
        )
    cr, env = open_env(DB)
    try:
        measure(env)
    finally:
        cr.rollback()
        cr.close()


if __name__ == "__main__":
    sys.exit(main())
