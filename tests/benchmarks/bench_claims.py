"""Claims (b2b_claims): the portal claims list of an entity with 20 and with
2,000 claims against Odoo's /my/invoices of the same entities, and the
statistics pivot over 50,000 claim lines.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_claims.py \
        [--claims 2000] [--lines 50000] [--rounds 5] [--reset]

Makes (once; --reset remakes it) a database ``b2b_bench_claims`` with
b2b_claims: entities "few" and "many", an owner each, one delivered order
of 50 products each; "few" gets 20 claims and 20 posted invoices, "many"
N claims carrying the claim lines (spread over 12 months, the six claim
types, five reasons, a quarter of them resolved) and N posted invoices.
Then starts Odoo on a loopback port and requests, side by side, the first
page of /my/b2b/claims and of /my/invoices as each owner (server time and
queries from Odoo's request log: the target is at most 60 queries, the same
for both entities), and calls, in process, the statistics pivot as the
pivot view does (``formatted_read_grouping_sets`` of the lines by product
and month, by claim type and entity, with every measure of the view: the
target is at most 2 s), next to the same call on Odoo's own
``account.move.line`` of the invoices.
Figures are printed, never asserted.
"""

import argparse
import datetime
import os
import re
import statistics
import sys
import time

import requests
from benchlib import (
    database_exists,
    make_database,
    open_env,
    serving,
    write_conf,
)

DB = os.environ.get("B2B_DB_BENCH_CLAIMS", "b2b_bench_claims")
PORT = int(os.environ.get("B2B_BENCH_PORT", "8078"))
LOG_LINE = re.compile(
    r'"GET (?P<url>\S+) HTTP/[\d.]+" (?P<status>\d+) \S+ '
    r"(?P<queries>\d+) (?P<sql>[\d.]+) (?P<other>[\d.]+)"
)
REASONS = ["Царапины", "Сколы", "Недовложение", "Брак резьбы", "Не тот размер"]
KINDS = ("defect", "packaging", "shortage", "surplus", "assortment", "quality")
MEASURES = [
    "quantity:sum",
    "delivered_qty:sum",
    "quantity_share:sum",
    "amount_claimed:sum",
    "amount_approved:sum",
    "__count",
]


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
        env["stock.quant"]._update_available_quantity(product, stock, 10**7)
    types = [env.ref(f"b2b_claims.claim_type_{kind}") for kind in KINDS]
    # the back office reads the pivot as a B2B manager (record rules apply)
    env.ref("base.user_admin").group_ids = [
        Command.link(env.ref("b2b_portal.group_b2b_manager").id)
    ]
    today = datetime.date(2026, 11, 30)
    for key, number in (("few", 20), ("many", claims)):
        entity = env["res.partner"].create(
            {"name": f"ООО «{key}»", "is_company": True, "b2b_state": "approved"}
        )
        user = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": f"Buyer {key}",
                    "login": f"bench_{key}",
                    "password": f"bench_{key}",
                    "group_ids": [Command.set([env.ref("base.group_portal").id])],
                }
            )
        )
        user.partner_id.parent_id = entity
        env["b2b.membership"].create(
            {"user_id": user.id, "entity_id": entity.id, "role": "owner"}
        )
        order = env["sale.order"].create(
            {
                "partner_id": entity.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": p.id,
                            "product_uom_qty": 100000,
                            "tax_ids": [Command.clear()],
                        }
                    )
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
        move_lines = picking.move_line_ids
        per_claim = max(lines // claims, 1) if key == "many" else 1
        for start in range(0, number, 250):
            batch = []
            for n in range(start, min(start + 250, number)):
                date = today - datetime.timedelta(days=n * 365 // max(number, 1))
                resolved = n % 4 == 0
                batch.append(
                    {
                        "entity_id": entity.id,
                        "order_id": order.id,
                        "picking_id": picking.id,
                        "claim_type_id": types[n % len(types)].id,
                        "date": date,
                        "submit_date": date,
                        "state": "resolved" if resolved else "submitted",
                        "resolve_date": (
                            date + datetime.timedelta(days=3 + n % 20)
                            if resolved
                            else False
                        ),
                        "line_ids": [
                            Command.create(
                                {
                                    "move_line_id": move_lines[(n + k) % 50].id,
                                    "quantity": 1 + (n + k) % 7,
                                    "demand": "refund",
                                    "reason": REASONS[(n + k) % len(REASONS)],
                                }
                            )
                            for k in range(per_claim)
                        ],
                    }
                )
            env["b2b.claim"].create(batch)
            env.cr.commit()
        moves = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": entity.id,
                    "invoice_date": today - datetime.timedelta(days=n % 365),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": products[(n + k) % 50].id,
                                "quantity": 1 + (n + k) % 7,
                                "price_unit": 10,
                                "tax_ids": [Command.clear()],
                            }
                        )
                        for k in range(per_claim)
                    ],
                }
                for n in range(number)
            ]
        )
        moves.action_post()
        env.cr.commit()
        print(f"{key}: {number} claims and invoices")
    cr.commit()
    cr.close()


def login(session, login_name):
    page = session.get(f"http://127.0.0.1:{PORT}/web/login", timeout=60).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = session.post(
        f"http://127.0.0.1:{PORT}/web/login",
        data={"login": login_name, "password": login_name, "csrf_token": token},
        timeout=60,
        allow_redirects=False,
    )
    assert response.status_code == 303, response.status_code


def measure(log_path, session, url, rounds, row_marker):
    page = session.get(f"http://127.0.0.1:{PORT}{url}", timeout=120).text  # warm
    rows = page.count(row_marker)
    offset = log_path.stat().st_size
    for _round in range(rounds):
        response = session.get(f"http://127.0.0.1:{PORT}{url}", timeout=120)
        assert response.status_code == 200, (url, response.status_code)
    time.sleep(0.3)
    with log_path.open() as log:
        log.seek(offset)
        lines = [m for m in LOG_LINE.finditer(log.read()) if m["url"] == url]
    queries = [int(m["queries"]) for m in lines]
    server = [float(m["sql"]) + float(m["other"]) for m in lines]
    return (
        statistics.median(server) * 1000 if server else float("nan"),
        max(queries) if queries else -1,
        rows,
    )


def pivot(model, grouping_sets, measures, rounds, domain=()):
    """The median seconds of the pivot view's call, in process."""
    times = []
    for _round in range(rounds):
        model.env.invalidate_all()
        started = time.perf_counter()
        model.formatted_read_grouping_sets([], grouping_sets, measures)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def pivots(rounds):
    cr, env = open_env(DB)
    try:
        manager = env.ref("base.user_admin")
        Line = env["b2b.claim.line"].with_user(manager)
        MoveLine = env["account.move.line"].with_user(manager)
        invoice_lines = [("display_type", "=", "product")]
        print(
            f"\nstatistics pivot, median of {rounds} rounds "
            f"({Line.search_count([])} claim lines, "
            f"{MoveLine.search_count(invoice_lines)} "
            "invoice lines)\n"
        )
        header = f"{'pivot':34} {'claim lines s':>13}   {'invoice lines s':>15}"
        print(header)
        print("-" * len(header))
        # the invoice lines side: the same shape of pivot on Odoo's own
        # account.move.line (product, partner, label, month)
        for label, (rows, col), (move_rows, move_col) in (
            ("product × month", ("product_id", "claim_date:month"),
             ("product_id", "date:month")),
            ("claim type × entity", ("claim_type_id", "entity_id"),
             ("product_id", "partner_id")),
            ("reason × month", ("reason", "claim_date:month"),
             ("name", "date:month")),
        ):  # fmt: skip
            sets = [[], [rows], [col], [rows, col]]
            move_sets = [[], [move_rows], [move_col], [move_rows, move_col]]
            claims = pivot(Line, sets, MEASURES, rounds)
            moves = pivot(
                MoveLine,
                move_sets,
                ["quantity:sum", "price_subtotal:sum", "__count"],
                rounds,
                invoice_lines,
            )
            print(f"{label:34} {claims:13.3f}   {moves:15.3f}")
        Claim = env["b2b.claim"].with_user(manager)
        seconds = pivot(
            Claim,
            [[], ["claim_type_id"], ["date:month"], ["claim_type_id", "date:month"]],
            ["amount_claimed:sum", "resolve_days:avg", "__count"],
            rounds,
        )
        print(f"{'claims: type × month, avg resolve':34} {seconds:13.3f}")
        (row,) = Line.formatted_read_group([], [], ["quantity_share:sum"])
        print(
            f"claimed share of delivered, all lines: {row['quantity_share:sum']:.4f} %"
        )
    finally:
        cr.rollback()
        cr.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--lines", type=int, default=50000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--generate", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        write_conf(DB)
        generate(args.generate)
        return
    conf = write_conf(DB, http_port=PORT, http_interface="127.0.0.1")
    if args.reset or not database_exists(DB):
        make_database(conf, DB, "b2b_claims", __file__, f"{args.claims}:{args.lines}")
        conf = write_conf(DB, http_port=PORT, http_interface="127.0.0.1")
    with serving(conf, DB, f"http://127.0.0.1:{PORT}") as log_path:
        print(f"\n{DB}: median of {args.rounds} rounds\n")
        header = (
            f"{'entity':22} {'/my/b2b/claims ms':>17} {'q':>4}   "
            f"{'/my/invoices ms':>15} {'q':>4}"
        )
        print(header)
        print("-" * len(header))
        for name, size in (("few", 20), ("many", args.claims)):
            session = requests.Session()
            login(session, f"bench_{name}")
            claims_ms, claims_q, claims_rows = measure(
                log_path, session, "/my/b2b/claims", args.rounds, "o_b2b_claim_row"
            )
            inv_ms, inv_q, inv_rows = measure(
                log_path, session, "/my/invoices", args.rounds, "<tr"
            )
            print(
                f"{f'{size} claims/invoices':22} {claims_ms:17.0f} {claims_q:4d}   "
                f"{inv_ms:15.0f} {inv_q:4d}   (rows {claims_rows} / {inv_rows})"
            )
    pivots(args.rounds)
    print("ms: server time from Odoo's request log (SQL + Python); q: queries")


if __name__ == "__main__":
    sys.exit(main())
