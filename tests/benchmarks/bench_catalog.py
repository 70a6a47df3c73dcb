"""The B2B catalog against Odoo's own /shop, at two catalog sizes in one run.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_catalog.py \
        [--sizes 50000,200000] [--rounds 5] [--reset] [--update]

Makes (once; --reset remakes them) one database per size,
``{B2B_DB_BENCH}_{size/1000}k`` (default prefix ``b2b_bench_catalog``), each
a copy of one install of b2b_portal and website_sale filled by
``catalog_data.py`` in batched SQL (a third of the products with an
attribute, 30 % in stock, 10 % with incoming supply), with a legal entity
on a discounted price list and its buyer. Then, per size, starts Odoo on a
loopback port and requests each page kind of the B2B catalog (100 rows) and
its /shop counterpart (100 products a page) in the same run: server time
split into SQL and the rest (Odoo's request log line: query count, query
time, remaining time), queries, and the growth from the smallest size to
the largest. Last, with Odoo's SQL log on, it takes the slowest queries of
the slowest B2B page and of the name search at the largest size and prints
their ``EXPLAIN (ANALYZE, BUFFERS)``. Figures are printed, never asserted.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from urllib.parse import unquote

import requests
from benchlib import (
    HOME,
    ODOO_BIN,
    VENV_PYTHON,
    database_exists,
    odoo_bin,
    open_env,
    write_conf,
)

PREFIX = os.environ.get("B2B_DB_BENCH", "b2b_bench_catalog")
PORT = int(os.environ.get("B2B_BENCH_PORT", "8079"))
MODULES = "b2b_portal,website_sale"
LOG_LINE = re.compile(
    r'"GET (?P<url>\S+) HTTP/[\d.]+" (?P<status>\d+) \S+ '
    r"(?P<queries>\d+) (?P<sql>[\d.]+) (?P<other>[\d.]+)"
)
SQL_LOG = re.compile(
    r"\[(?P<ms>[\d.]+) ms\] query: (?P<query>.*?)(?=\n\d{4}-\d\d-\d\d |\Z)", re.S
)
TIMEOUT = 600
GOALS = (
    "goals (printed, not asserted): first page <= 100 ms and <= half of /shop; "
    "name substring <= 100 ms at every size; every page kind at the largest "
    "size <= 1.2x its time at the smallest; queries <= 60, the same at every size"
)


def db_name(size):
    return f"{PREFIX}_{size // 1000}k"


def ids_path(db):
    return HOME / f"{db}-ids.json"


# -- in the child process that fills a database ---------------------------------


def generate(db, count):
    cr, env = open_env(db)  # before importing odoo's modules
    from catalog_data import build  # noqa: PLC0415

    from odoo import Command  # noqa: PLC0415

    with cr:
        env["website"].search([]).write({"shop_ppg": 100})
        categories, values = build(env, count)
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
        public = env["product.public.category"].search(
            [("name", "=", "Раздел 03")], limit=1
        )
        ids_path(db).write_text(
            json.dumps(
                {
                    "category": categories[3].id,
                    "public_category": public.id,
                    "attribute": values[1].attribute_id.id,
                    "value": values[1].id,
                }
            )
        )
        cr.commit()


# -- making the databases --------------------------------------------------------


def build_databases(sizes, reset):
    missing = [
        size
        for size in sizes
        if reset
        or not database_exists(db_name(size))
        or not ids_path(db_name(size)).exists()
    ]
    if not missing:
        return
    base = f"{PREFIX}_base"
    conf = write_conf(base)
    if not database_exists(base):
        subprocess.run(["dropdb", "--if-exists", "--force", base], check=True)
        started = time.perf_counter()
        odoo_bin(conf, base, "-i", MODULES, "--without-demo")
        print(f"installed {MODULES} in {time.perf_counter() - started:.0f} s")
    filestore = HOME / "filestore" / "filestore"
    for size in missing:
        db = db_name(size)
        subprocess.run(["dropdb", "--if-exists", "--force", db], check=True)
        subprocess.run(["createdb", "-T", base, db], check=True)
        shutil.rmtree(filestore / db, ignore_errors=True)
        if (filestore / base).exists():
            shutil.copytree(filestore / base, filestore / db)
        write_conf(db)
        started = time.perf_counter()
        subprocess.run(
            [str(VENV_PYTHON), __file__, "--generate", str(size), "--db", db],
            check=True,
        )
        elapsed = time.perf_counter() - started
        print(f"{db}: generated {size} products in {elapsed:.0f} s")


# -- measuring -------------------------------------------------------------------


def page_kinds(ids):
    """(label, B2B url, /shop url or None) of each page kind."""
    b2b = "/my/b2b/catalog?ppg=100"
    category = f"/shop/category/{ids['public_category']}"
    return [
        ("first page", b2b, "/shop"),
        ("SKU prefix", f"{b2b}&search=BN-0123", "/shop?search=BN-0123"),
        ("name substring", f"{b2b}&search=нержав", "/shop?search=нержав"),
        (
            "category + attribute",
            f"{b2b}&category={ids['category']}&attr={ids['value']}",
            f"{category}?attribute_values={ids['attribute']}-{ids['value']}",
        ),
        ("in stock only", f"{b2b}&in_stock=1", None),
        ("sort by price", f"{b2b}&sort=price", "/shop?order=list_price+asc"),
        ("deep page (300)", "/my/b2b/catalog/page/300?ppg=100", "/shop/page/300"),
    ]


class Server:
    """Odoo on a loopback port for one database, its log in a file."""

    def __init__(self, db, *extra):
        self.db = db
        self.conf = write_conf(db, http_port=PORT, http_interface="127.0.0.1")
        self.log = HOME / f"odoo-{db}-server.log"
        self.log.write_text("")
        self.process = subprocess.Popen(
            [
                str(VENV_PYTHON),
                str(ODOO_BIN),
                "-c",
                str(self.conf),
                "-d",
                db,
                "--log-level=info",
                f"--logfile={self.log}",
                "--max-cron-threads=0",
                *extra,
            ],
        )
        for _attempt in range(180):
            try:
                requests.get(f"http://127.0.0.1:{PORT}/web/login", timeout=60)
                break
            except requests.RequestException:
                time.sleep(1)
        self.session = requests.Session()
        page = self.get("/web/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.session.post(
            f"http://127.0.0.1:{PORT}/web/login",
            data={"login": "bench_buyer", "password": "bench_buyer"}
            | {"csrf_token": token},
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code == 303, response.status_code

    def get(self, url):
        return self.session.get(f"http://127.0.0.1:{PORT}{url}", timeout=TIMEOUT)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)

    def measure(self, url, rounds):
        response = self.get(url)  # warm up; follows a redirect of /shop once
        url = response.url.split(str(PORT), 1)[1]
        offset = self.log.stat().st_size
        for _round in range(rounds):
            response = self.get(url)
            assert response.status_code == 200, (url, response.status_code)
        time.sleep(0.3)
        with self.log.open() as log:
            log.seek(offset)
            lines = [
                m for m in LOG_LINE.finditer(log.read()) if m["url"] == unquote(url)
            ]
        total = re.search(r'o_b2b_total"[^>]*>([^<]*)<', response.text)
        server = [float(m["sql"]) + float(m["other"]) for m in lines]
        return {
            "server": statistics.median(server) * 1000,
            "sql": statistics.median(float(m["sql"]) for m in lines) * 1000,
            "queries": max(int(m["queries"]) for m in lines),
            "rows": response.text.count('class="o_b2b_row"')
            or response.text.count("oe_product_cart")
            or response.text.count("o_wsale_product_grid_wrapper"),
            "total": total.group(1).strip() if total else "",
        }


def measure_size(size, rounds):
    db = db_name(size)
    ids = json.loads(ids_path(db).read_text())
    server = Server(db)
    results = {}
    try:
        for label, b2b_url, shop_url in page_kinds(ids):
            b2b = server.measure(b2b_url, rounds)
            shop = server.measure(shop_url, rounds) if shop_url else None
            results[label] = (b2b, shop)
            print(
                f"  {db}: {label:22} B2B {b2b['server']:7.0f} ms {b2b['queries']:3d} q"
                + (f"   /shop {shop['server']:7.0f} ms" if shop else "")
                + f"   {b2b['total']}",
                flush=True,
            )
    finally:
        server.stop()
    return results


def explain(size, labels):
    """The slowest query of each page of ``labels`` with its plan."""
    db = db_name(size)
    ids = json.loads(ids_path(db).read_text())
    urls = {label: url for label, url, _shop in page_kinds(ids)}
    server = Server(db, "--log-handler=odoo.sql_db:DEBUG")
    try:
        for label in labels:
            server.get(urls[label])
            offset = server.log.stat().st_size
            server.get(urls[label])
            time.sleep(0.3)
            with server.log.open() as log:
                log.seek(offset)
                queries = [
                    (float(m["ms"]), m["query"].strip())
                    for m in SQL_LOG.finditer(log.read())
                ]
            ms, query = max(queries)
            plan = subprocess.run(
                ["psql", "-X", "-q", "-d", db],
                input=f"EXPLAIN (ANALYZE, BUFFERS) {query};",
                capture_output=True,
                text=True,
                check=False,
            )
            shown = query if len(query) < 1500 else query[:1500] + " …"
            print(f"\n{db}, {label}: slowest of {len(queries)} queries, {ms:.1f} ms\n")
            print(shown)
            print(plan.stdout or plan.stderr)
    finally:
        server.stop()


def ratio(large, small):
    return large / small if small else float("nan")


def report(sizes, results, rounds):
    small, large = sizes[0], sizes[-1]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\n{os.cpu_count()} CPUs, load average now {load} (other processes too)")
    print(f"median of {rounds} rounds; ms: server time (SQL + Python) from Odoo's")
    print("request log; sql: its query time; q: queries; ratio: largest / smallest\n")
    head = f"{'page kind':22}"
    for size in sizes:
        head += f" | {f'B2B {size // 1000}k ms (sql) q':>22}"
    head += f" | {'ratio':>5}"
    for size in sizes:
        head += f" | {f'/shop {size // 1000}k ms q':>17}"
    head += f" | {'ratio':>5}"
    print(head)
    print("-" * len(head))
    for label in results[small]:
        row = f"{label:22}"
        for size in sizes:
            b2b = results[size][label][0]
            cell = f"{b2b['server']:.0f} ({b2b['sql']:.0f}) {b2b['queries']}"
            row += f" | {cell:>22}"
        growth = ratio(
            results[large][label][0]["server"], results[small][label][0]["server"]
        )
        row += f" | {growth:5.2f}"
        for size in sizes:
            shop = results[size][label][1]
            cell = f"{shop['server']:.0f} {shop['queries']}" if shop else "—"
            row += f" | {cell:>17}"
        shops = [results[size][label][1] for size in (small, large)]
        row += (
            f" | {ratio(shops[1]['server'], shops[0]['server']):5.2f}"
            if all(shops)
            else f" | {'—':>5}"
        )
        print(row)
    print(f"\n{GOALS}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50000,200000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--no-explain", action="store_true")
    parser.add_argument(
        "--update", action="store_true", help="update b2b_portal in existing databases"
    )
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.db, args.generate)
        return
    sizes = sorted(int(size) for size in args.sizes.split(","))
    build_databases(sizes, args.reset)
    if args.update:
        for size in sizes:
            started = time.perf_counter()
            odoo_bin(write_conf(db_name(size)), db_name(size), "-u", "b2b_portal")
            elapsed = time.perf_counter() - started
            print(f"{db_name(size)}: updated b2b_portal in {elapsed:.0f} s")
    results = {size: measure_size(size, args.rounds) for size in sizes}
    report(sizes, results, args.rounds)
    if not args.no_explain:
        slowest = max(results[sizes[-1]].items(), key=lambda kv: kv[1][0]["server"])[0]
        explain(sizes[-1], dict.fromkeys([slowest, "name substring"]))


if __name__ == "__main__":
    sys.exit(main())
