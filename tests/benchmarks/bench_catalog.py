"""The B2B catalog against Odoo's own /shop, on a large generated catalog.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_catalog.py \
        [--products 50000] [--rounds 5] [--reset]

Makes (once; --reset remakes it) a database ``b2b_bench`` with b2b_portal and
website_sale, N products (30% with stock, 10% with incoming receipts), a
legal entity with a discounted price list and a buyer; then starts Odoo on
a loopback port and requests, side by side in the same run, the B2B catalog
(100 rows, SKU-prefix search, name-substring search) and /shop with 100
products a page and the same searches. Server time and query counts come
from Odoo's own request log line; figures are printed, never asserted.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import time

import requests
from benchlib import (
    HOME,
    ODOO_BIN,
    VENV_PYTHON,
    database_exists,
    make_database,
    write_conf,
)

DB = os.environ.get("B2B_DB_BENCH", "b2b_bench")
PORT = int(os.environ.get("B2B_BENCH_PORT", "8079"))
LOG_LINE = re.compile(
    r'"GET (?P<url>\S+) HTTP/[\d.]+" (?P<status>\d+) \S+ '
    r"(?P<queries>\d+) (?P<sql>[\d.]+) (?P<other>[\d.]+)"
)
WORDS = ["оцинкованный", "нержавеющий", "усиленный", "облегчённый", "морозостойкий"]
ITEMS = ["Болт", "Гайка", "Шайба", "Саморез", "Дюбель", "Анкер", "Шуруп", "Винт"]


def generate(count):
    """Runs in a child process: fill the database through the ORM."""
    import odoo  # noqa: PLC0415
    from odoo import Command, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", str(HOME / f"odoo-{DB}.conf"), "-d", DB])
    registry = Registry(DB)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        env["website"].search([]).write({"shop_ppg": 100})
        categories = env["product.category"].create(
            [{"name": f"Раздел {n:02d}"} for n in range(20)]
        )
        warehouse = env["stock.warehouse"].search([], limit=1)
        stock = warehouse.lot_stock_id
        templates = env["product.template"]
        for start in range(0, count, 1000):
            batch = env["product.template"].create(
                [
                    {
                        "name": f"{ITEMS[i % len(ITEMS)]} {WORDS[i % len(WORDS)]} "
                        f"M{4 + i % 20}×{10 + i % 90} партия {i}",
                        "default_code": f"BN-{i:06d}",
                        "barcode": f"2{i:011d}",
                        "list_price": 10 + i % 500,
                        "b2b_rrp": 20 + i % 700,
                        "categ_id": categories[i % 20].id,
                        "type": "consu",
                        "is_storable": True,
                        "sale_ok": True,
                        "is_published": True,
                    }
                    for i in range(start, min(start + 1000, count))
                ]
            )
            templates |= batch
            env.flush_all()
            cr.commit()
            env.invalidate_all()
        products = templates.product_variant_id
        env["stock.quant"].create(
            [
                {"product_id": p.id, "location_id": stock.id, "quantity": 10 + n % 90}
                for n, p in enumerate(products)
                if n % 10 < 3
            ]
        )
        incoming = [p for n, p in enumerate(products) if n % 10 == 5]
        supplier = warehouse.in_type_id.default_location_src_id
        for start in range(0, len(incoming), 500):
            picking = env["stock.picking"].create(
                {
                    "picking_type_id": warehouse.in_type_id.id,
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": p.id,
                                "product_uom_qty": 100,
                                "location_id": supplier.id,
                                "location_dest_id": stock.id,
                            }
                        )
                        for p in incoming[start : start + 500]
                    ],
                }
            )
            picking.action_confirm()
        cr.commit()
        pricelist = env["product.pricelist"].create(
            {
                "name": "Bench entity prices",
                "item_ids": [
                    Command.create({"compute_price": "percentage", "percent_price": 7})
                ],
            }
        )
        entity = env["res.partner"].create(
            {"name": "ООО «Бенчмарк»", "is_company": True, "b2b_state": "approved"}
        )
        env["b2b.contract"].create(
            {
                "name": "BENCH-1",
                "entity_id": entity.id,
                "pricelist_id": pricelist.id,
                "state": "active",
                "is_default": True,
            }
        )
        buyer = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Bench buyer",
                    "login": "bench_buyer",
                    "password": "bench_buyer",
                    "group_ids": [Command.set([env.ref("base.group_portal").id])],
                }
            )
        )
        buyer.partner_id.parent_id = entity
        env["b2b.membership"].create({"user_id": buyer.id, "entity_id": entity.id})
        cr.commit()


def login(session):
    page = session.get(f"http://127.0.0.1:{PORT}/web/login", timeout=60).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = session.post(
        f"http://127.0.0.1:{PORT}/web/login",
        data={"login": "bench_buyer", "password": "bench_buyer", "csrf_token": token},
        timeout=60,
        allow_redirects=False,
    )
    assert response.status_code == 303, response.status_code


def measure(log_path, session, url, rounds):
    session.get(f"http://127.0.0.1:{PORT}{url}", timeout=120)  # warm up
    walls = []
    offset = log_path.stat().st_size
    for _round in range(rounds):
        started = time.perf_counter()
        response = session.get(f"http://127.0.0.1:{PORT}{url}", timeout=120)
        walls.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    time.sleep(0.3)
    with log_path.open() as log:
        log.seek(offset)
        lines = [m for m in LOG_LINE.finditer(log.read()) if m["url"] == url]
    queries = [int(m["queries"]) for m in lines]
    server = [float(m["sql"]) + float(m["other"]) for m in lines]
    return {
        "wall": statistics.median(walls) * 1000,
        "server": statistics.median(server) * 1000 if server else float("nan"),
        "queries": max(queries) if queries else -1,
        "rows": response.text.count('class="o_b2b_row"')
        or response.text.count("oe_product_cart")
        or response.text.count("o_wsale_product_grid_wrapper"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=50000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate)
        return
    conf = write_conf(DB, http_port=PORT, http_interface="127.0.0.1")
    if args.reset or not database_exists(DB):
        make_database(
            conf, DB, "b2b_portal,website_sale", __file__, args.products, demo=True
        )
    log_path = HOME / f"odoo-{DB}-server.log"
    log_path.write_text("")
    server = subprocess.Popen(
        [
            str(VENV_PYTHON),
            str(ODOO_BIN),
            "-c",
            str(conf),
            "-d",
            DB,
            "--log-level=info",
            f"--logfile={log_path}",
            "--max-cron-threads=0",
        ],
    )
    try:
        for _attempt in range(120):
            try:
                requests.get(f"http://127.0.0.1:{PORT}/web/login", timeout=60)
                break
            except requests.RequestException:
                time.sleep(1)
        session = requests.Session()
        login(session)
        pairs = [
            ("catalog, 100 rows", "/my/b2b/catalog?ppg=100", "/shop"),
            (
                "SKU prefix",
                "/my/b2b/catalog?ppg=100&search=BN-0123",
                "/shop?search=BN-0123",
            ),
            (
                "name substring",
                "/my/b2b/catalog?ppg=100&search=нержав",
                "/shop?search=нержав",
            ),
        ]
        print(f"\n{DB}: {args.products} products, median of {args.rounds} rounds\n")
        header = (
            f"{'page':18} {'B2B ms':>8} {'/shop ms':>9} {'ratio':>6}  "
            f"{'B2B q':>6} {'/shop q':>7}  {'B2B rows':>8}"
        )
        print(header)
        print("-" * len(header))
        for label, b2b_url, shop_url in pairs:
            b2b = measure(log_path, session, b2b_url, args.rounds)
            shop = measure(log_path, session, shop_url, args.rounds)
            print(
                f"{label:18} {b2b['server']:8.0f} {shop['server']:9.0f} "
                f"{b2b['server'] / shop['server']:6.2f}  {b2b['queries']:6d} "
                f"{shop['queries']:7d}  {b2b['rows']:8d}"
            )
        print("\nms: server time from Odoo's request log (SQL + Python); q: queries")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
