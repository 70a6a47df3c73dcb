"""Quick order on a large catalog: preview of pasted lines and of a
10,000-line XLSX, and the confirmation against Odoo's own ways to add lines.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_quick_order.py \
        [--products 10000] [--rounds 3] [--reset]

Makes (once; --reset remakes it) a database ``b2b_bench_qo`` (B2B_DB_BENCH_QO)
with b2b_quick_order, N products with SKUs and barcodes (30% in stock), an
approved legal entity with a contract, a discounted price list, 1,000
customer codes and a buyer. Then, in child processes on that database
(nothing measured is committed), prints side by side:

1. the preview of 10 and of 1,000 pasted lines (parse + ``_b2b_preview`` as
   the buyer): time and queries, median of the rounds;
2. the preview of a 10,000-line XLSX written by ``tools/order_template``:
   time and peak memory, in a fresh process. Memory is given two ways:
   ``ru_maxrss`` of that process (``resource.getrusage(RUSAGE_SELF)``, which
   includes the loaded Odoo registry, so its growth over the baseline is
   shown too) and the ``tracemalloc`` peak of parse + preview in a second,
   traced run (Python allocations only). Beside it, what Odoo's own price
   list and stock computations take on the same products (the floor of a
   preview that prices and checks stock the way Odoo does);
3. adding the 1,000 previewed lines to a cart with ``_b2b_confirm`` against
   Odoo's own paths on the same products and quantities: one
   ``sale.order.line`` create per line, and one batched ``create``; each
   includes creating the order and the final flush, each is rolled back.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchlib import HOME, VENV_PYTHON, database_exists, make_database, write_conf

DB = os.environ.get("B2B_DB_BENCH_QO", "b2b_bench_qo")
XLSX_LINES = 10_000
PASTE_LINES = 1_000
CODES = 1_000


def child(*args):
    """Run this script in a child process; return what it prints as JSON."""
    out = subprocess.run(
        [str(VENV_PYTHON), __file__, *args], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


# -- in child processes ----------------------------------------------------------


def configure():
    import odoo  # noqa: PLC0415
    from odoo.modules.module import initialize_sys_path  # noqa: PLC0415

    if odoo.tools.config["db_name"] != [DB]:
        odoo.tools.config.parse_config(["-c", str(HOME / f"odoo-{DB}.conf"), "-d", DB])
        initialize_sys_path()


def registry():
    from odoo.modules.registry import Registry  # noqa: PLC0415

    configure()
    return Registry(DB)


def tools():
    """The addon's pure modules, imported as Odoo imports them."""
    configure()
    from odoo.addons.b2b_quick_order.tools import (  # noqa: PLC0415
        order_file,
        order_template,
        order_text,
    )

    return order_text, order_file, order_template


def generate(count):
    """Fill the database through the ORM."""
    from odoo import SUPERUSER_ID, Command, api  # noqa: PLC0415

    with registry().cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        categories = env["product.category"].create(
            [{"name": f"Раздел {n:02d}"} for n in range(20)]
        )
        stock = env["stock.warehouse"].search([], limit=1).lot_stock_id
        templates = env["product.template"]
        for start in range(0, count, 1000):
            templates |= env["product.template"].create(
                [
                    {
                        "name": f"Болт оцинкованный M{4 + i % 20}×{10 + i % 90} {i}",
                        "default_code": f"BQ-{i:06d}",
                        "barcode": f"3{i:011d}",
                        "list_price": 10 + i % 500,
                        "categ_id": categories[i % 20].id,
                        "type": "consu",
                        "is_storable": True,
                        "sale_ok": True,
                    }
                    for i in range(start, min(start + 1000, count))
                ]
            )
            env.flush_all()
            cr.commit()
            env.invalidate_all()
        products = templates.product_variant_id
        env["stock.quant"].create(
            [
                {"product_id": p.id, "location_id": stock.id, "quantity": 100 + n % 900}
                for n, p in enumerate(products)
                if n % 10 < 3
            ]
        )
        pricelist = env["product.pricelist"].create(
            {
                "name": "Bench quick order prices",
                "item_ids": [
                    Command.create({"compute_price": "percentage", "percent_price": 7})
                ],
            }
        )
        entity = env["res.partner"].create(
            {"name": "ООО «Быстрый заказ»", "is_company": True, "b2b_state": "approved"}
        )
        env["b2b.contract"].create(
            {
                "name": "BENCH-QO-1",
                "entity_id": entity.id,
                "pricelist_id": pricelist.id,
                "state": "active",
                "is_default": True,
            }
        )
        env["b2b.customer.code"].create(
            [
                {"entity_id": entity.id, "code": f"МОЙ-{n}", "product_id": p.id}
                for n, p in enumerate(products[:CODES])
            ]
        )
        buyer = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Bench QO buyer",
                    "login": "bench_qo_buyer",
                    "password": "bench_qo_buyer",
                    "group_ids": [Command.set([env.ref("base.group_portal").id])],
                }
            )
        )
        buyer.partner_id.parent_id = entity
        env["b2b.membership"].create(
            {"user_id": buyer.id, "entity_id": entity.id, "role": "owner"}
        )
        cr.commit()


class Counter:
    """Counts the queries of every cursor while active."""

    def __enter__(self):
        from odoo.sql_db import Cursor  # noqa: PLC0415

        self.count = 0
        self.original = original = Cursor.execute
        counter = self

        def counting(cursor, *args, **kwargs):
            counter.count += 1
            return original(cursor, *args, **kwargs)

        Cursor.execute = counting
        return self

    def __exit__(self, *exc):
        from odoo.sql_db import Cursor  # noqa: PLC0415

        Cursor.execute = self.original


def context(env):
    """(quick order service as the buyer, entity, buyer, products by index)."""
    buyer = env["res.users"].search([("login", "=", "bench_qo_buyer")])
    entity = buyer.sudo().b2b_membership_ids.entity_id
    products = (
        env["product.product"]
        .sudo()
        .search([("default_code", "=like", "BQ-%")], order="default_code")
    )
    return env["b2b.quick.order"].with_user(buyer), entity, buyer, products


def paste_text(products, count):
    """``count`` lines: SKUs, barcodes and customer codes, in mixed case."""
    lines = []
    for n in range(count):
        product = products[(n * 7) % len(products)]
        kind = n % 3
        if kind == 0:
            key = product.default_code.lower()
        elif kind == 1:
            key = product.barcode
        else:
            index = (n * 7) % len(products)
            key = f"мой-{index}" if index < CODES else product.default_code
        lines.append(f"{key};{n % 9 + 1}")
    return "\n".join(lines)


def measure_paste(rounds):
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    order_text, _file, _template = tools()
    result = {}
    with registry().cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        service, entity, _buyer, products = context(env)
        for count in (10, PASTE_LINES):
            text = paste_text(products, count)
            times, queries = [], []
            for _round in range(rounds + 1):  # the first round warms up
                env.invalidate_all()
                with Counter() as counter:
                    started = time.perf_counter()
                    parsed = order_text.parse_order_text(text)
                    preview = service._b2b_preview(entity, parsed.rows, parsed.errors)
                    times.append(time.perf_counter() - started)
                queries.append(counter.count)
            statuses = {line["status"] for line in preview["lines"]}
            result[count] = {
                "ms": statistics.median(times[1:]) * 1000,
                "queries": max(queries[1:]),
                "lines": len(preview["lines"]),
                "statuses": sorted(statuses),
            }
        cr.rollback()
    return result


def measure_xlsx(path, traced):
    import resource  # noqa: PLC0415
    import tracemalloc  # noqa: PLC0415

    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    _text, order_file, _template = tools()
    data = Path(path).read_bytes()
    with registry().cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        service, entity, _buyer, _products = context(env)
        env["b2b.quick.order"].sudo()._b2b_candidates(entity, ["warm-up"])
        baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        parsed = order_file.read_order_file("order.xlsx", data)
        parsed_at = time.perf_counter()
        with Counter() as counter:
            preview = service._b2b_preview(entity, parsed.rows, parsed.errors)
        ended = time.perf_counter()
        peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else None
        if traced:
            tracemalloc.stop()
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        floor = {} if traced else odoo_floor(env, entity, preview["lines"])
        cr.rollback()
    return {
        **floor,
        "parse_s": parsed_at - started,
        "preview_s": ended - parsed_at,
        "total_s": ended - started,
        "lines": len(preview["lines"]),
        "ok": sum(line["status"] in ("ok", "short") for line in preview["lines"]),
        "maxrss_baseline_mb": baseline,
        "maxrss_mb": maxrss,
        "tracemalloc_peak_mb": peak,
        "bytes": len(data),
        "queries": counter.count,
    }


def odoo_floor(env, entity, lines):
    """What Odoo's own computations take on the previewed products, from a
    cold cache as in the preview: the price list (``_get_products_price``,
    one call for all) and the stock (``_compute_quantities_dict``), both of
    which the preview calls through the pricing and stock seams."""
    ids = [line["product_id"] for line in lines if line["product_id"]]
    pricelist = entity._b2b_pricelist(entity._b2b_default_contract()).sudo()
    env.invalidate_all()
    products = env["product.product"].sudo().browse(ids)
    started = time.perf_counter()
    pricelist._get_products_price(products, 1.0)
    priced = time.perf_counter()
    env.invalidate_all()
    products = env["product.product"].sudo().browse(ids)
    products._compute_quantities_dict(None, None, None, None, None)
    return {
        "odoo_price_s": priced - started,
        "odoo_stock_s": time.perf_counter() - priced,
    }


def measure_confirm(rounds):
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    order_text, _file, _template = tools()
    result = {"ours": [], "one_by_one": [], "batched": []}
    with registry().cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        service, entity, buyer, products = context(env)
        # 1,000 distinct products, pasted by SKU
        chosen = products[:: max(1, len(products) // PASTE_LINES)][:PASTE_LINES]
        text = "\n".join(f"{p.default_code};{n % 9 + 1}" for n, p in enumerate(chosen))
        parsed = order_text.parse_order_text(text)
        lines = service._b2b_preview(entity, parsed.rows)["lines"]
        quantities = [(line["product_id"], line["qty"]) for line in lines]
        cart_values = buyer._b2b_cart_values(entity)
        Order = env["sale.order"]
        Line = env["sale.order.line"]

        def ours():
            cart, count = service._b2b_confirm(entity, buyer, lines)
            assert count == len(quantities), count

        def one_by_one():
            order = Order.create(cart_values)
            for product_id, qty in quantities:
                Line.create(
                    {
                        "order_id": order.id,
                        "product_id": product_id,
                        "product_uom_qty": qty,
                    }
                )

        def batched():
            order = Order.create(cart_values)
            Line.create(
                [
                    {"order_id": order.id, "product_id": pid, "product_uom_qty": qty}
                    for pid, qty in quantities
                ]
            )

        for _round in range(rounds):
            for name, run in (
                ("ours", ours),
                ("one_by_one", one_by_one),
                ("batched", batched),
            ):
                cr.execute("SAVEPOINT bench")
                env.invalidate_all()
                with Counter() as counter:
                    started = time.perf_counter()
                    run()
                    env.flush_all()
                    elapsed = time.perf_counter() - started
                result[name].append((elapsed, counter.count))
                cr.execute("ROLLBACK TO SAVEPOINT bench")
                env.invalidate_all()
        cr.rollback()
    return {
        name: {
            "s": statistics.median(t for t, _q in runs),
            "queries": max(q for _t, q in runs),
        }
        for name, runs in result.items()
    }


def write_xlsx(path):
    """A 10,000-line order file: SKUs, barcodes and codes of the bench products."""
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    _text, _file, order_template = tools()
    with registry().cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        _service, _entity, _buyer, products = context(env)
        rows = []
        for n in range(XLSX_LINES):
            product = products[n % len(products)]
            key = product.barcode if n % 2 else product.default_code
            rows.append(
                order_template.TemplateRow(
                    key, product.name, n % 9 + 1, "pcs", "", f"стр. {n}"
                )
            )
        Path(path).write_bytes(order_template.rows_to_xlsx(rows))
    return {"lines": XLSX_LINES}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument(
        "--only", choices=["xlsx"], help="only the XLSX preview (part 2)"
    )
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate)
        return
    if args.child:
        result = {
            "paste": lambda: measure_paste(args.rounds),
            "write_xlsx": lambda: write_xlsx(args.path),
            "xlsx": lambda: measure_xlsx(args.path, traced=False),
            "xlsx_traced": lambda: measure_xlsx(args.path, traced=True),
            "confirm": lambda: measure_confirm(args.rounds),
        }[args.child]()
        print(json.dumps(result, default=str))
        return
    conf = write_conf(DB)
    if args.reset or not database_exists(DB):
        make_database(conf, DB, "b2b_quick_order", __file__, args.products)
    rounds = ["--rounds", str(args.rounds)]
    xlsx = HOME / f"{DB}-order.xlsx"
    paste = {} if args.only else child("--child", "paste", *rounds)
    child("--child", "write_xlsx", "--path", str(xlsx))
    plain = child("--child", "xlsx", "--path", str(xlsx))
    traced = child("--child", "xlsx_traced", "--path", str(xlsx))
    confirm = None if args.only else child("--child", "confirm", *rounds)

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\n{DB}: {args.products} products, median of {args.rounds} rounds; "
        f"load average {load} on {os.cpu_count()} CPUs\n"
    )
    print("1. preview of pasted lines (parse + _b2b_preview as the buyer)")
    print(f"   {'lines':>6} {'ms':>8} {'queries':>8}   goal: ≤ 1,000 ms, flat queries")
    for count, row in sorted(paste.items(), key=lambda item: int(item[0])):
        print(f"   {int(count):6d} {row['ms']:8.0f} {row['queries']:8d}")
    print(
        f"\n2. preview of a {XLSX_LINES:,}-line XLSX ({plain['bytes'] / 1024:.0f} KB)"
    )
    print(
        f"   read {plain['parse_s']:.2f} s + preview {plain['preview_s']:.2f} s "
        f"= {plain['total_s']:.2f} s   (goal ≤ 1.5 s); {plain['queries']} queries; "
        f"{plain['lines']} lines, {plain['ok']} orderable"
    )
    print(
        f"   Odoo's own on the same {plain['lines']:,} products, cold cache: "
        f"price list {plain['odoo_price_s']:.2f} s, "
        f"stock {plain['odoo_stock_s']:.2f} s"
    )
    print(
        f"   peak RSS {plain['maxrss_mb']:.0f} MB (Odoo loaded before: "
        f"{plain['maxrss_baseline_mb']:.0f} MB, growth "
        f"{plain['maxrss_mb'] - plain['maxrss_baseline_mb']:.0f} MB); "
        f"tracemalloc peak {traced['tracemalloc_peak_mb']:.0f} MB   (goal ≤ 300 MB)"
    )
    if not confirm:
        return
    ours, one, batch = confirm["ours"], confirm["one_by_one"], confirm["batched"]
    print(f"\n3. adding {PASTE_LINES:,} previewed lines to a cart (with the flush)")
    print(f"   {'path':34} {'s':>7} {'queries':>8}")
    for label, row in (
        ("_b2b_confirm (quick order)", ours),
        ("sale.order.line create one by one", one),
        ("sale.order.line batched create", batch),
    ):
        print(f"   {label:34} {row['s']:7.2f} {row['queries']:8d}")
    print(
        f"   one by one / quick order = {one['s'] / ours['s']:.1f}× (goal ≥ 3×); "
        f"quick order / batched = {ours['s'] / batch['s']:.2f}× (goal ≤ 1.2×)"
    )


if __name__ == "__main__":
    sys.exit(main())
