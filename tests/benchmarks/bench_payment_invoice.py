"""The invoice for payment (b2b_edo) of an order of 1,000 lines.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_payment_invoice.py \
        [--lines 1000] [--rounds 3] [--reset]

Makes (once; --reset remakes it) a database ``b2b_bench_pinv`` with b2b_edo,
N products with VAT 22 % included, a supplier with Russian requisites and a
bank account, and a legal entity with a contract. Then, in one process and
each measurement rolled back:

- the form's values and its HTML (QWeb) for a 10-line and an N-line order;
- the real PDF (wkhtmltopdf) of the N-line invoice for payment;
- confirming the N-line order, which makes its invoice for payment (content
  hash, number, PDF, sent), against Odoo's confirmation alone (a customer
  who is no B2B entity: no document).

The target of issue 14: the PDF of a 1,000-line order in at most 10 s. The
script runs without an HTTP server, so wkhtmltopdf cannot fetch Odoo's report
assets (the form's own styles are inline): it measures the rendering, not a
server's asset delivery. Times are medians of the rounds; figures are
printed, never asserted.
"""

import argparse
import os
import statistics
import sys
import time

from benchlib import database_exists, make_database, odoo_bin, open_env, write_conf

DB = os.environ.get("B2B_DB_BENCH_PINV", "b2b_bench_pinv")
BIC = "044525593"


def generate(count):
    """Runs in a child process: fill the database through the ORM."""
    cr, env = open_env(DB)
    from odoo import Command  # noqa: PLC0415

    from odoo.addons.b2b_portal.tools import ru_requisites  # noqa: PLC0415

    company = env.company
    rub = env.ref("base.RUB")
    rub.active = True
    company.partner_id.write(
        {"name": "ООО «Поставщик»", "vat": "7703000039", "b2b_kpp": "770301001"}
    )
    company.write(
        {"b2b_director_name": "Кузнецов А. В.", "b2b_accountant_name": "Соколова Е. П."}
    )
    bank = env["res.bank"].create(
        {
            "name": "АО «Альфа-Банк»",
            "bic": BIC,
            "b2b_corr_account": "30101810200000000593",
        }
    )
    env["res.partner.bank"].create(
        {
            "partner_id": company.partner_id.id,
            "bank_id": bank.id,
            "acc_number": ru_requisites.bank_account_with_key(
                "40702810701300012345", BIC
            ),
        }
    )
    vat = env["account.tax"].create(
        {
            "name": "НДС 22%",
            "amount": 22.0,
            "type_tax_use": "sale",
            "price_include_override": "tax_included",
        }
    )
    env["product.product"].create(
        [
            {
                "name": f"Позиция каталога номер {i} с длинным наименованием",
                "default_code": f"PIB-{i:05d}",
                "type": "consu",
                "list_price": 10 + i % 300,
                "taxes_id": [Command.set(vat.ids)],
            }
            for i in range(count)
        ]
    )
    pricelist = env["product.pricelist"].create(
        {"name": "Bench roubles", "currency_id": rub.id}
    )
    entity = env["res.partner"].create(
        {
            "name": "ООО «Счета»",
            "is_company": True,
            "b2b_state": "approved",
            "vat": "7701000019",
            "b2b_kpp": "770101001",
        }
    )
    env["b2b.contract"].create(
        {
            "name": "PINV-1",
            "entity_id": entity.id,
            "pricelist_id": pricelist.id,
            "state": "active",
            "is_default": True,
            "payment_term_id": env.ref("account.account_payment_term_30days").id,
        }
    )
    env["res.partner"].create({"name": "Розничный покупатель"})
    cr.commit()
    cr.close()
    print(f"generated {count} products, a supplier and an entity")


def timed(cr, env, action, rounds):
    """Median time (ms) and queries of ``action()``, rolled back each round."""
    times, queries = [], []
    for _round in range(rounds):
        env.invalidate_all()
        before = cr.sql_log_count
        started = time.perf_counter()
        action(env)
        env.flush_all()
        times.append((time.perf_counter() - started) * 1000)
        queries.append(cr.sql_log_count - before)
        cr.rollback()
    return statistics.median(times), max(queries)


def run(lines, rounds):
    cr, env = open_env(DB)
    from odoo import Command  # noqa: PLC0415

    entity = env["res.partner"].search([("name", "=", "ООО «Счета»")])
    retail = env["res.partner"].search([("name", "=", "Розничный покупатель")])
    contract = entity.b2b_contract_ids[:1]
    products = env["product.product"].search(
        [("default_code", "=like", "PIB-%")], order="default_code", limit=lines
    )
    assert len(products) == lines, f"{len(products)} products, {lines} asked: --reset"

    def make_order(env, partner, count):
        return env["sale.order"].create(
            {
                "partner_id": partner.id,
                "b2b_contract_id": contract.id if partner == entity else False,
                "pricelist_id": contract.pricelist_id.id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": 3})
                    for p in products[:count]
                ],
            }
        )

    small = make_order(env, entity, 10)
    small.action_confirm()
    big = make_order(env, entity, lines)
    big.action_confirm()
    cr.commit()
    documents = {order: order._b2b_edo_payment_invoices()[:1] for order in (small, big)}
    assert all(documents.values()), "no invoice for payment was made"
    Report = env["ir.actions.report"]
    results = []

    def html(order):
        def action(env):
            document = documents[order].with_env(env)
            content, _kind = Report.with_env(env)._render_qweb_html(
                "b2b_edo.payment_invoice_report", document.ids
            )
            assert content.count(b"<tr>") > len(order.order_line)

        return action

    for order in (small, big):
        results.append(
            (
                f"values + HTML, {len(order.order_line)} lines",
                *timed(cr, env, html(order), rounds),
            )
        )

    def pdf(env):
        document = documents[big].with_env(env)
        content, kind = Report.with_env(env)._render_qweb_pdf(
            "b2b_edo.payment_invoice_report", document.ids
        )
        assert kind == "pdf" and content.startswith(b"%PDF")

    results.append((f"PDF, {lines} lines", *timed(cr, env, pdf, rounds)))

    def confirm(partner):
        def action(env):
            order = make_order(env, partner, lines)
            order.action_confirm()

        return action

    for label, partner in (
        ("confirm, with its invoice for payment", entity),
        ("confirm, Odoo alone (no B2B entity)", retail),
    ):
        results.append(
            (
                f"create + {label}, {lines} lines",
                *timed(cr, env, confirm(partner), rounds),
            )
        )

    print(f"\ninvoice for payment, {lines} lines, median of {rounds} rounds")
    for label, ms, queries in results:
        print(f"  {label:<58} {ms / 1000:8.2f} s  {queries:6d} queries")
    cr.close()


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
        make_database(conf, DB, "b2b_edo", __file__, args.lines)
    else:
        odoo_bin(conf, DB, "-u", "b2b_edo")
    run(args.lines, args.rounds)


if __name__ == "__main__":
    sys.exit(main())
