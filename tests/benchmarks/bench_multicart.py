"""Named carts of 1,000 lines: the cart page, one quantity change, a merge.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_multicart.py \
        [--lines 1000] [--rounds 3] [--reset]

Makes (once; --reset remakes it) a database ``b2b_bench_cart`` with
b2b_multicart, N storable products (a third in stock) and a legal entity with
a discounted price list, a contract and a buyer. Then, in one process and
each measurement rolled back:

- the cart page (values and QWeb rendering of its content, as the buyer) of
  a 10-line and an N-line cart: time and queries;
- one quantity changed on the N-line cart (``_b2b_update_lines``);
- two N/2-line carts merged into one order (confirmed, invoice posted);
- against Odoo alone: the same N order lines made by one batched
  ``sale.order.create``, and that create followed by ``action_confirm`` and
  ``_create_invoices`` + ``action_post`` (the work a merge does).

Times are medians of the rounds; figures are printed, never asserted.
"""

import argparse
import os
import statistics
import sys
import time

from benchlib import (
    database_exists,
    make_database,
    odoo_bin,
    open_env,
    write_conf,
)

DB = os.environ.get("B2B_DB_BENCH_CART", "b2b_bench_cart")


def generate(count):
    """Runs in a child process: fill the database through the ORM."""
    cr, env = open_env(DB)
    from odoo import Command  # noqa: PLC0415

    products = env["product.product"].create(
        [
            {
                "name": f"Позиция {i}",
                "default_code": f"MCB-{i:05d}",
                "type": "consu",
                "is_storable": True,
                "list_price": 10 + i % 300,
            }
            for i in range(count)
        ]
    )
    stock = env["stock.warehouse"].search([], limit=1).lot_stock_id
    env["stock.quant"].create(
        [
            {"product_id": p.id, "location_id": stock.id, "quantity": 50}
            for n, p in enumerate(products)
            if n % 3 == 0
        ]
    )
    pricelist = env["product.pricelist"].create(
        {
            "name": "Bench cart prices",
            "item_ids": [
                Command.create({"compute_price": "percentage", "percent_price": 5})
            ],
        }
    )
    entity = env["res.partner"].create(
        {"name": "ООО «Корзины»", "is_company": True, "b2b_state": "approved"}
    )
    env["b2b.contract"].create(
        {
            "name": "CART-1",
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
                "name": "Cart bench buyer",
                "login": "cart_bench_buyer",
                "group_ids": [Command.set([env.ref("base.group_portal").id])],
            }
        )
    )
    buyer.partner_id.parent_id = entity
    env["b2b.membership"].create({"user_id": buyer.id, "entity_id": entity.id})
    cr.commit()
    cr.close()
    print(f"generated {count} products, an entity and its buyer")


def timed(cr, env, action, rounds):
    """Median time (ms) and queries of ``action()``, rolled back each round."""
    times, queries = [], []
    for _round in range(rounds):
        env.invalidate_all()
        env.registry.clear_cache()
        action_env = env
        before = cr.sql_log_count
        started = time.perf_counter()
        action(action_env)
        action_env.flush_all()
        times.append((time.perf_counter() - started) * 1000)
        queries.append(cr.sql_log_count - before)
        cr.rollback()
    return statistics.median(times), max(queries)


def run(lines, rounds):
    cr, env = open_env(DB)
    from odoo import Command  # noqa: PLC0415

    from odoo.addons.b2b_multicart.controllers.cart_page import (  # noqa: PLC0415
        B2bCartPage,
    )
    from odoo.addons.http_routing.tests.common import MockRequest  # noqa: PLC0415

    buyer = env["res.users"].search([("login", "=", "cart_bench_buyer")])
    entity = buyer._b2b_entities()
    products = env["product.product"].search(
        [("default_code", "=like", "MCB-%")], order="default_code", limit=lines
    )
    assert len(products) == lines, f"{len(products)} products, {lines} asked: --reset"
    env["sale.order"].search([("partner_id", "=", entity.id)]).unlink()
    big = buyer._b2b_new_cart(entity, "Большая")
    big._b2b_add_products(dict.fromkeys(products, 3))
    small = buyer._b2b_new_cart(entity, "Малая")
    small._b2b_add_products(dict.fromkeys(products[:10], 3))
    half = lines // 2
    first = buyer._b2b_new_cart(entity, "Половина 1")
    first._b2b_add_products(dict.fromkeys(products[:half], 2))
    second = buyer._b2b_new_cart(entity, "Половина 2")
    second._b2b_add_products(dict.fromkeys(products[half:], 2))
    cr.commit()
    results = []

    def page(cart):
        def action(env):
            user_env = env(user=buyer.id)
            with MockRequest(user_env):
                values = B2bCartPage()._b2b_cart_values(
                    entity.with_env(user_env), cart.with_env(user_env).sudo()
                )
                html = user_env["ir.qweb"]._render(
                    "b2b_multicart.portal_b2b_cart_content", values
                )
            assert html.count('class="o_b2b_line"') == len(cart.order_line)

        return action

    results.append(
        (
            f"cart page, {len(small.order_line)} lines",
            *timed(cr, env, page(small), rounds),
        )
    )
    results.append((f"cart page, {lines} lines", *timed(cr, env, page(big), rounds)))

    def change(env):
        cart = big.with_env(env)
        line = cart.order_line[lines // 2]
        cart._b2b_update_lines(
            {line: line.product_uom_qty + 1}, env["sale.order.line"], cart.b2b_version
        )

    results.append(("change one quantity", *timed(cr, env, change, rounds)))

    def merge(env):
        carts = (first | second).with_env(env)
        merged, _summed = carts._b2b_merge(buyer.with_env(env), None)
        order = merged._b2b_checkout(None, merged.b2b_contract_id)
        assert len(order.order_line) == lines and order.invoice_ids.state == "posted"

    merge_ms, merge_q = timed(cr, env, merge, rounds)
    results.append((f"merge 2 × {half} lines", merge_ms, merge_q))

    values = buyer._b2b_cart_values(entity)
    values.update(b2b_is_cart=False)

    def create(env):
        return env["sale.order"].create(
            dict(
                values,
                order_line=[
                    Command.create({"product_id": p.id, "product_uom_qty": 2})
                    for p in products
                ],
            )
        )

    create_ms, create_q = timed(cr, env, create, rounds)
    results.append((f"Odoo: create {lines} lines", create_ms, create_q))

    def create_confirm_invoice(env):
        order = create(env)
        order.action_confirm()
        order._create_invoices().action_post()

    full_ms, full_q = timed(cr, env, create_confirm_invoice, rounds)
    results.append(("Odoo: + confirm + invoice", full_ms, full_q))
    cr.close()

    print(f"\n{DB}: carts of {lines} lines, median of {rounds} rounds\n")
    header = f"{'what':30} {'ms':>8} {'queries':>8}"
    print(header)
    print("-" * len(header))
    for label, ms, queries in results:
        print(f"{label:30} {ms:8.0f} {queries:8d}")
    print(
        f"\nmerge / Odoo create + confirm + invoice: {merge_ms / full_ms:.2f}"
        f"\nmerge / Odoo batched create alone:       {merge_ms / create_ms:.2f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    conf = write_conf(DB)
    if args.generate:
        generate(args.generate)
        return
    if args.reset or not database_exists(DB):
        make_database(conf, DB, "b2b_multicart", __file__, args.lines)
    else:
        # the addon's views and templates as the working tree has them
        odoo_bin(conf, DB, "-u", "b2b_multicart")
    run(args.lines, args.rounds)


if __name__ == "__main__":
    sys.exit(main())
