"""The b2b_pricelist pricing service against Odoo's own price list computation.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_pricelist.py \
        [--products 10000] [--rounds 5] [--reset]

Makes (once; --reset remakes it) a database ``b2b_bench_price`` with
b2b_pricelist and N products in 20 categories; a price type "Wholesale"
(list price -10 %) with hand-made exceptions (5 categories, 1 product in 20)
and two global quantity breaks; a price type "Large wholesale" based on it
(-5 %); a legal entity of each (and, made in the run and rolled back, a
"Plain" price type with no hand-made rule). Then, in the same process and on the same
price list, it times pricing every product at quantity 1:

- ``entity._b2b_price_lines(items)``: the service (resolution, rule, next
  break, minimum / multiple per line);
- ``pricelist._get_products_price(products, 1)``: Odoo's own.

Each round starts from an empty ORM cache; the median of the rounds and the
SQL query count of one round are printed, never asserted.
"""

import argparse
import os
import statistics
import sys
import time

from benchlib import database_exists, make_database, open_env, write_conf

DB = os.environ.get("B2B_DB_BENCH_PRICE", "b2b_bench_price")


def generate(count):
    """Runs in a child process: fill the database through the ORM."""
    cr, env = open_env(DB)
    from odoo import Command  # noqa: PLC0415

    with cr:
        categories = env["product.category"].create(
            [{"name": f"Раздел {n:02d}"} for n in range(20)]
        )
        templates = env["product.template"]
        for start in range(0, count, 1000):
            templates |= env["product.template"].create(
                [
                    {
                        "name": f"Товар {i}",
                        "default_code": f"BP-{i:06d}",
                        "list_price": 10 + i % 500,
                        "categ_id": categories[i % 20].id,
                        "b2b_min_qty": 12 if i % 7 == 0 else 0,
                        "b2b_multiple": 6 if i % 7 == 0 else 0,
                        "type": "consu",
                        "sale_ok": True,
                    }
                    for i in range(start, min(start + 1000, count))
                ]
            )
            env.flush_all()
            cr.commit()
            env.invalidate_all()
        Pricelist = env["product.pricelist"]
        wholesale = Pricelist.create(
            {
                "name": "Wholesale",
                "b2b_is_price_type": True,
                "b2b_discount": 10,
                "b2b_rounding": 0.01,
            }
        )
        large = Pricelist.create(
            {
                "name": "Large wholesale",
                "b2b_is_price_type": True,
                "b2b_base": "price_type",
                "b2b_base_pricelist_id": wholesale.id,
                "b2b_discount": 5,
            }
        )
        products = templates.product_variant_id
        env["product.pricelist.item"].create(
            [
                {
                    "pricelist_id": wholesale.id,
                    "applied_on": "2_product_category",
                    "categ_id": categ.id,
                    "compute_price": "percentage",
                    "percent_price": 12,
                }
                for categ in categories[:5]
            ]
            + [
                {
                    "pricelist_id": wholesale.id,
                    "applied_on": "1_product",
                    "product_tmpl_id": product.product_tmpl_id.id,
                    "compute_price": "fixed",
                    "fixed_price": 7.0,
                }
                for product in products[::20]
            ]
            + [
                {
                    "pricelist_id": wholesale.id,
                    "min_quantity": qty,
                    "compute_price": "percentage",
                    "percent_price": percent,
                }
                for qty, percent in ((10, 15), (50, 20))
            ]
        )
        for name, pricelist in (("ООО «Опт»", wholesale), ("ООО «Крупный опт»", large)):
            env["res.partner"].create(
                {
                    "name": name,
                    "is_company": True,
                    "b2b_state": "approved",
                    "b2b_pricelist_id": pricelist.id,
                    "category_id": [Command.clear()],
                }
            )
        cr.commit()


def measure(env, run, rounds):
    cr = env.cr
    times, queries = [], None
    for _round in range(rounds):
        env.invalidate_all()
        env.registry.clear_cache()
        before = cr.sql_log_count
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
        if queries is None:
            queries = cr.sql_log_count - before
    return statistics.median(times) * 1000, queries


def bench(rounds):
    cr, env = open_env(DB)
    with cr:
        products = env["product.product"].search([("default_code", "=like", "BP-%")])
        print(f"\n{DB}: {len(products)} products, median of {rounds} rounds\n")
        header = (
            f"{'price type':18} {'products':>8} {'service ms':>11} {'Odoo ms':>8} "
            f"{'ratio':>6} {'service q':>10} {'Odoo q':>7}"
        )
        print(header)
        print("-" * len(header))
        # a price type with its generated rule only, made in this transaction
        # (rolled back at the end): Odoo's loop has one rule to try per
        # product, the fairest case for it
        plain = env["product.pricelist"].create(
            {"name": "Plain -10 %", "b2b_is_price_type": True, "b2b_discount": 10}
        )
        env["res.partner"].create(
            {
                "name": "ООО «Розница»",
                "is_company": True,
                "b2b_state": "approved",
                "b2b_pricelist_id": plain.id,
            }
        )
        for name in ("ООО «Розница»", "ООО «Опт»", "ООО «Крупный опт»"):
            entity = env["res.partner"].search([("name", "=", name)])
            pricelist = entity._b2b_pricelist()
            for size in (100, 1000, len(products)):
                subset = products[:size]

                def service(subset=subset, entity=entity):
                    subset = subset.with_env(env)
                    return entity._b2b_price_lines([(p, 1.0, None) for p in subset])

                def odoo(subset=subset, pricelist=pricelist):
                    return pricelist._get_products_price(subset.with_env(env), 1.0)

                # same prices, or the comparison means nothing
                lines = service()
                expected = odoo()
                assert all(
                    abs(line.price_unit - expected[p.id]) < 1e-6
                    for p, line in zip(subset, lines, strict=True)
                ), "the service and Odoo disagree"
                service_ms, service_q = measure(env, service, rounds)
                odoo_ms, odoo_q = measure(env, odoo, rounds)
                print(
                    f"{pricelist.name:18} {size:8d} {service_ms:11.0f} {odoo_ms:8.0f} "
                    f"{service_ms / odoo_ms:6.2f} {service_q:10d} {odoo_q:7d}"
                )
        print(
            "\nservice: resolution + rule + next break + minimum/multiple per "
            "line; Odoo: price only. q: SQL queries of one cold round."
        )
        cr.rollback()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate)
        return
    conf = write_conf(DB)
    if args.reset or not database_exists(DB):
        make_database(conf, DB, "b2b_pricelist", __file__, args.products)
    bench(args.rounds)


if __name__ == "__main__":
    sys.exit(main())
