"""Reconciliation act of an entity with 10,000 receivable move lines in the
period: the structure and the XLSX, against an entity
with 10 lines (time and queries), and the whole document with its PDF by wkhtmltopdf.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_reconciliation.py \
        [--lines 10000] [--rounds 3] [--reset]

Makes (once; --reset remakes it) a database ``b2b_bench_recon``
(``B2B_DB_BENCH_RECON``) with b2b_edo and two legal entities: "Big" with
N posted invoices of the 3rd quarter of 2026 (one made by the ORM, the others
copied in SQL, lines and all: the ORM would take an hour) and "Small" with
10. Each measurement is rolled back. Figures are printed, never asserted.
"""

import argparse
import os
import statistics
import sys
import time

from benchlib import database_exists, make_database, open_env, write_conf

DB = os.environ.get("B2B_DB_BENCH_RECON", "b2b_bench_recon")
START, END = "2026-07-01", "2026-09-30"


def generate(count):
    """Runs in a child process: two entities, an invoice each by the ORM,
    then copies of it in SQL, spread over the quarter."""
    cr, env = open_env(DB)
    from odoo import Command  # noqa: PLC0415
    from odoo.tools import SQL  # noqa: PLC0415

    income = env["account.account"].search(
        [("account_type", "=", "income"), ("company_ids", "in", env.company.id)],
        limit=1,
    )
    for name, lines in (("ООО «Большой»", count), ("ООО «Малый»", 10)):
        entity = env["res.partner"].create(
            {"name": name, "is_company": True, "b2b_state": "approved"}
        )
        move = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": entity.id,
                "invoice_date": START,
                "date": START,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Goods",
                            "quantity": 1,
                            "price_unit": 123.45,
                            "account_id": income.id,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        env.flush_all()
        columns = [
            column
            for (column,) in env.execute_query(
                SQL(
                    "SELECT column_name FROM information_schema.columns"
                    " WHERE table_name = %s AND column_name NOT IN %s",
                    "account_move",
                    ("id", "name", "date", "invoice_date"),
                )
            )
        ]
        copied = SQL(", ").join(SQL.identifier(column) for column in columns)
        new_ids = [
            move_id
            for (move_id,) in env.execute_query(
                SQL(
                    "INSERT INTO account_move (%s, name, date, invoice_date)"
                    " SELECT %s, name || '-' || g,"
                    "  DATE %s + (g %% 90), DATE %s + (g %% 90)"
                    " FROM account_move, generate_series(1, %s) g WHERE id = %s"
                    " RETURNING id",
                    copied,
                    copied,
                    START,
                    START,
                    lines - 1,
                    move.id,
                )
            )
        ]
        line_columns = [
            column
            for (column,) in env.execute_query(
                SQL(
                    "SELECT column_name FROM information_schema.columns"
                    " WHERE table_name = %s AND column_name NOT IN %s",
                    "account_move_line",
                    ("id", "move_id", "date", "move_name"),
                )
            )
        ]
        copied = SQL(", ").join(SQL.identifier(column) for column in line_columns)
        prefixed = SQL(", ").join(
            SQL("l.%s", SQL.identifier(column)) for column in line_columns
        )
        env.execute_query(
            SQL(
                "INSERT INTO account_move_line (%s, move_id, date, move_name)"
                " SELECT %s, m.id, m.date, m.name FROM account_move_line l,"
                " account_move m WHERE l.move_id = %s AND m.id = ANY(%s)",
                copied,
                prefixed,
                move.id,
                new_ids,
            )
        )
    cr.commit()
    cr.close()


def measure(env, entity, rounds):
    import datetime  # noqa: PLC0415

    from odoo.addons.b2b_edo.tools.recon_xlsx import act_xlsx  # noqa: PLC0415

    Document = env["b2b.document"]
    start, end = datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)
    times, queries = {"act": [], "xlsx": []}, 0
    for _round in range(rounds):
        env.invalidate_all()
        before = env.cr.sql_log_count
        started = time.perf_counter()
        act = Document._b2b_recon_compute(entity, env.company, start, end)
        times["act"].append(time.perf_counter() - started)
        queries = env.cr.sql_log_count - before
        labels = Document._b2b_recon_labels(act, env.company)
        started = time.perf_counter()
        act_xlsx(act, labels)
        times["xlsx"].append(time.perf_counter() - started)
    return (
        act,
        {key: statistics.median(values) for key, values in times.items()},
        queries,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--generate", type=int)
    args = parser.parse_args()
    conf = write_conf(DB)
    if args.generate:
        return generate(args.generate)
    if args.reset or not database_exists(DB):
        make_database(conf, DB, "b2b_edo", __file__, args.lines)
    cr, env = open_env(DB)
    Partner = env["res.partner"]
    for name in ("ООО «Малый»", "ООО «Большой»"):
        entity = Partner.search([("name", "=", name)], limit=1)
        act, times, queries = measure(env, entity, args.rounds)
        started = time.perf_counter()
        document = env["b2b.document"]._b2b_recon_create(
            entity, act.date_from, act.date_to, env.company
        )
        whole = time.perf_counter() - started
        print(
            f"{name}: {len(act.lines)} lines, closing {act.closing}: "
            f"structure {times['act'] * 1000:.0f} ms in {queries} queries, "
            f"XLSX {times['xlsx'] * 1000:.0f} ms; the whole document "
            f"(structure, QWeb PDF by wkhtmltopdf, XLSX, attachments) "
            f"{whole:.1f} s, PDF {len(document.attachment_id.raw) // 1024} KiB"
        )
        cr.rollback()
    cr.close()


if __name__ == "__main__":
    sys.exit(main())
