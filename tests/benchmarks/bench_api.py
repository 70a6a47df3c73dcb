"""The API's catalog and price check at 50,000 products, beside the portal's
catalog page, in one run.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_api.py \
        [--products 50000] [--rounds 5] [--reset] [--pricelist]

Makes (once; --reset remakes it) a database ``b2b_bench_api`` (env
``B2B_DB_BENCH_API``) with b2b_api and b2b_quick_order (``--pricelist``:
and b2b_pricelist),
N storable products in 20 categories (30 % in stock, 10 % with incoming
supply), a legal entity on a price list of −7 % with two quantity breaks,
its owner (``bench_buyer``) and an API key of that owner. Then starts Odoo
on a loopback port (``B2B_BENCH_API_PORT``, 8078) and requests:

- ``GET /b2b/api/v1/catalog`` at 100 and 500 items a page (first page,
  a later page by cursor, a name search), each with the entity's prices,
  breaks, stock and incoming supply;
- the portal's catalog page at its largest page size (100 rows);
- ``POST /b2b/api/v1/prices`` for 500 lines;
- the quick order preview of 1,000 lines, ``POST /b2b/api/v1/quick-order/
  preview`` (as lines and as pasted text) beside the portal's preview route
  ``/my/b2b/quick-order/preview`` with the same lines (goal: the API at
  most 1.2 times the portal's time).

Server time is Odoo's own request log (SQL + Python) and queries its query
count; medians of the rounds. Figures are printed, never asserted. Other
measurements add a function to ``MEASUREMENTS`` (see ``measure_catalog``).
"""

import argparse
import json
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

DB = os.environ.get("B2B_DB_BENCH_API", "b2b_bench_api")
PORT = int(os.environ.get("B2B_BENCH_API_PORT", "8078"))
BASE = f"http://127.0.0.1:{PORT}"
SECRET = "b2bbench00000000000000000000000000000001"
LOG_LINE = re.compile(
    r'"(?P<method>GET|POST) (?P<url>\S+) HTTP/[\d.]+" (?P<status>\d+) \S+ '
    r"(?P<queries>\d+) (?P<sql>[\d.]+) (?P<other>[\d.]+)"
)
GOALS = (
    "goals (printed, not asserted): a 500-item API page <= 300 ms server time; "
    "queries the same for 100 and 500 items"
)
WORDS = ("Болт", "Гайка", "Шайба", "Винт", "Саморез", "Анкер", "Дюбель", "Шпилька")
FINISH = ("оцинкованный", "нержавеющий", "чёрный", "латунный")


def generate(count):
    """Runs in a child process: fill the database through the ORM."""
    cr, env = open_env(DB)
    from odoo import Command  # noqa: PLC0415

    categories = env["product.category"].create(
        [{"name": f"Крепёж {n}"} for n in range(20)]
    )
    products = env["product.product"]
    for start in range(0, count, 1000):
        batch = env["product.product"].create(
            [
                {
                    "name": f"{WORDS[i % len(WORDS)]} M{4 + i % 20}×{10 + i % 90} "
                    f"{FINISH[i % len(FINISH)]} {i}",
                    "default_code": f"API-{i:06d}",
                    "barcode": f"3{i:011d}",
                    "list_price": 10 + i % 500,
                    "categ_id": categories[i % 20].id,
                    "type": "consu",
                    "is_storable": True,
                }
                for i in range(start, min(start + 1000, count))
            ]
        )
        products |= batch
        env.flush_all()
        cr.commit()
        env.invalidate_all()
    warehouse = env["stock.warehouse"].search([], limit=1)
    stock = warehouse.lot_stock_id
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
                Command.create(
                    {
                        "compute_price": "percentage",
                        "percent_price": pct,
                        "min_quantity": qty,
                    }
                )
                for qty, pct in ((0, 7), (10, 10), (100, 15))
            ],
        }
    )
    entity = env["res.partner"].create(
        {"name": "ООО «Бенчмарк API»", "is_company": True, "b2b_state": "approved"}
    )
    env["b2b.contract"].create(
        {
            "name": "BENCH-API-1",
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
    env["b2b.membership"].create(
        {"user_id": buyer.id, "entity_id": entity.id, "role": "owner"}
    )
    env["b2b.api.key"]._b2b_install_key(buyer, entity, "bench", "order", 300, SECRET)
    env["ir.config_parameter"].set_param("b2b_api.rate_limit", "100000")
    cr.commit()


def login(session):
    page = session.get(f"{BASE}/web/login", timeout=60).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = session.post(
        f"{BASE}/web/login",
        data={"login": "bench_buyer", "password": "bench_buyer", "csrf_token": token},
        timeout=60,
        allow_redirects=False,
    )
    assert response.status_code == 303, response.status_code


def measure(log_path, session, method, url, rounds, body=None, count=None, form=None):
    """Median server time (ms) and max queries of ``rounds`` calls of ``url``
    after a warm-up, from Odoo's request log; ``count(response)``: rows;
    ``body``: JSON, ``form``: a form post (the portal's pages)."""

    def call():
        response = session.request(
            method,
            f"{BASE}{url}",
            timeout=300,
            data=form if form is not None else (body and json.dumps(body)),
            headers={"Content-Type": "application/json"} if body else None,
        )
        assert response.status_code == 200, (
            url,
            response.status_code,
            response.text[:300],
        )
        return response

    call()
    offset = log_path.stat().st_size
    for _round in range(rounds):
        response = call()
    time.sleep(0.3)
    with log_path.open() as log:
        log.seek(offset)
        lines = [m for m in LOG_LINE.finditer(log.read()) if m["url"] == url]
    return {
        "server": statistics.median(float(m["sql"]) + float(m["other"]) for m in lines)
        * 1000,
        "queries": max(int(m["queries"]) for m in lines),
        "rows": count(response) if count else 0,
    }


def row(label, result):
    print(
        f"{label:44} {result['server']:8.0f} {result['queries']:8d} {result['rows']:6d}"
    )


def measure_catalog(log_path, api, portal, rounds):
    def items(response):
        return len(response.json()["items"])

    first = api.get(f"{BASE}/b2b/api/v1/catalog?limit=500", timeout=300).json()
    cursor = first["next_cursor"]
    for label, url in (
        ("API catalog, 100 items", "/b2b/api/v1/catalog?limit=100"),
        ("API catalog, 500 items", "/b2b/api/v1/catalog?limit=500"),
        (
            "API catalog, 500 items, second page",
            f"/b2b/api/v1/catalog?limit=500&cursor={cursor}",
        ),
        (
            "API catalog, 500 items, name search",
            "/b2b/api/v1/catalog?limit=500&search=нержав",
        ),
        (
            "API catalog, 500 items, in stock",
            "/b2b/api/v1/catalog?limit=500&in_stock=1",
        ),
    ):
        row(label, measure(log_path, api, "GET", url, rounds, count=items))
    row(
        "portal catalog page, 100 rows",
        measure(
            log_path,
            portal,
            "GET",
            "/my/b2b/catalog?ppg=100",
            rounds,
            count=lambda r: r.text.count('class="o_b2b_row"'),
        ),
    )
    row(
        "portal catalog page, 100 rows, name search",
        measure(
            log_path,
            portal,
            "GET",
            "/my/b2b/catalog?ppg=100&search=нержав",
            rounds,
            count=lambda r: r.text.count('class="o_b2b_row"'),
        ),
    )
    body = {
        "lines": [{"sku": f"API-{i * 97:06d}", "qty": 1 + i % 150} for i in range(500)]
    }
    row(
        "API price check, 500 lines",
        measure(
            log_path,
            api,
            "POST",
            "/b2b/api/v1/prices",
            rounds,
            body=body,
            count=lambda r: len(r.json()["lines"]),
        ),
    )


def measure_quick_order(log_path, api, portal, rounds):
    """The quick order preview of 1,000 lines through the API (as lines and
    as pasted text) beside the portal's preview route, the same lines."""
    lines = [{"sku": f"API-{i * 7:06d}", "qty": 1 + i % 40} for i in range(1000)]
    text = "\n".join(f"{line['sku']}\t{line['qty']}" for line in lines)
    probe = api.post(
        f"{BASE}/b2b/api/v1/quick-order/preview", json={"text": "API-000001 1"},
        timeout=120,
    )  # fmt: skip
    if probe.status_code == 404:
        print("quick order preview: b2b_quick_order is not installed (--reset)")
        return
    page = portal.get(f"{BASE}/my/b2b/quick-order", timeout=120).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def statuses(response):
        return len(response.json()["lines"])

    api_lines = measure(
        log_path, api, "POST", "/b2b/api/v1/quick-order/preview", rounds,
        body={"lines": lines}, count=statuses,
    )  # fmt: skip
    row("API quick order preview, 1,000 lines", api_lines)
    api_text = measure(
        log_path, api, "POST", "/b2b/api/v1/quick-order/preview", rounds,
        body={"text": text}, count=statuses,
    )  # fmt: skip
    row("API quick order preview, 1,000 pasted lines", api_text)
    portal_text = measure(
        log_path, portal, "POST", "/my/b2b/quick-order/preview", rounds,
        form={"text": text, "csrf_token": token},
        count=lambda r: r.text.count("data-line="),
    )  # fmt: skip
    row("portal quick order preview, 1,000 lines", portal_text)
    print(
        f"{'API / portal (goal <= 1.2x)':44} "
        f"{api_lines['server'] / portal_text['server']:8.2f}x lines, "
        f"{api_text['server'] / portal_text['server']:.2f}x text"
    )


MEASUREMENTS = [measure_catalog, measure_quick_order]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=50000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--pricelist", action="store_true")
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate)
        return
    conf = write_conf(DB, http_port=PORT, http_interface="127.0.0.1")
    # b2b_quick_order: the quick order preview through the API and the portal
    modules = "b2b_api,b2b_quick_order"
    if args.pricelist:
        modules += ",b2b_pricelist"
    if args.reset or not database_exists(DB):
        make_database(conf, DB, modules, __file__, args.products)
    with serving(conf, DB, BASE) as log_path:
        api = requests.Session()
        api.headers["Authorization"] = f"Bearer {SECRET}"
        portal = requests.Session()
        login(portal)
        print(
            f"\n{DB} ({modules}): {args.products} products, "
            f"median of {args.rounds} rounds\n"
        )
        header = f"{'what':44} {'ms':>8} {'queries':>8} {'rows':>6}"
        print(header)
        print("-" * len(header))
        for measurement in MEASUREMENTS:
            measurement(log_path, api, portal, args.rounds)
        print("\nms: server time from Odoo's request log (SQL + Python)")
        print(GOALS)


if __name__ == "__main__":
    sys.exit(main())
