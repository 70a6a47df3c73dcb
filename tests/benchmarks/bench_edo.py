"""The documents section of b2b_edo against Odoo's /my/invoices, and the
verification of a 10,000-link hash chain.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_edo.py \
        [--documents 5000] [--links 10000] [--rounds 5] [--reset]

Makes (once; --reset remakes it) a database ``b2b_bench_edo`` with b2b_edo:
two legal entities with an owner each; the small one with 10 documents and
10 posted invoices, the large one with N of each (documents copied with SQL
from a real one, invoices made and posted through the ORM), and a chain of
L accepted links (hashed with the chain's own kernel). Then starts Odoo on
a loopback port and requests, side by side in the same run, the documents
page and /my/invoices of each entity (server time and queries from Odoo's
request log), and times ``b2b.edo.chained._b2b_chain_verify`` in process.
Figures are printed, never asserted.
"""

import argparse
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

DB = os.environ.get("B2B_DB_BENCH_EDO", "b2b_bench_edo")
PORT = int(os.environ.get("B2B_BENCH_PORT", "8077"))
LOG_LINE = re.compile(
    r'"GET (?P<url>\S+) HTTP/[\d.]+" (?P<status>\d+) \S+ '
    r"(?P<queries>\d+) (?P<sql>[\d.]+) (?P<other>[\d.]+)"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def generate(count, links=10000):
    """Runs in a child process: entities, buyers, documents, invoices, chain."""
    cr, env = open_env(DB)
    from odoo import Command  # noqa: PLC0415
    from odoo.tools import SQL  # noqa: PLC0415

    from odoo.addons.b2b_edo.tools import edo_chain  # noqa: PLC0415

    product = env["product.product"].create({"name": "Bench item", "list_price": 10})
    for size, name in ((10, "small"), (count, "large")):
        entity = env["res.partner"].create(
            {"name": f"ООО «{name}»", "is_company": True, "b2b_state": "approved"}
        )
        buyer = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": f"EDO bench {name}",
                    "login": f"edo_{name}",
                    "password": f"edo_{name}",
                    "group_ids": [Command.set([env.ref("base.group_portal").id])],
                }
            )
        )
        buyer.partner_id.parent_id = entity
        env["b2b.membership"].create(
            {"user_id": buyer.id, "entity_id": entity.id, "role": "owner"}
        )
        document = env["b2b.document"].create(
            {"document_type": "other", "entity_id": entity.id}
        )
        document._b2b_attach(PDF, "bench.pdf", "application/pdf")
        document.with_context(tracking_disable=True).action_send()
        env.flush_all()
        env.execute_query(
            SQL(
                """INSERT INTO b2b_document (document_type, number, date, company_id,
                       entity_id, direction, state, version, file_sha256,
                       attachment_id)
                   SELECT document_type, 'BULK-' || n, date - (n / 7),
                       company_id, entity_id, direction, 'sent', 1, file_sha256,
                       attachment_id
                     FROM b2b_document, generate_series(1, %s) AS n
                    WHERE id = %s""",
                size - 1,
                document.id,
            )
        )
        moves = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": entity.id,
                    "invoice_line_ids": [
                        Command.create({"product_id": product.id, "price_unit": 10})
                    ],
                }
                for _n in range(size)
            ]
        )
        moves.action_post()
        cr.commit()
        print(f"{name}: {size} documents and invoices")
    # the chain: one accepted document of a third entity, copied, then
    # hashed in order
    holder = env["res.partner"].create({"name": "ООО «Цепочка»", "is_company": True})
    document = env["b2b.document"].create(
        {"document_type": "contract", "entity_id": holder.id}
    )
    document._b2b_attach(PDF, "chain.pdf", "application/pdf")
    document.with_context(tracking_disable=True).action_send()
    document.with_context(tracking_disable=True)._b2b_accept()
    env.flush_all()
    env.execute_query(
        SQL(
            """INSERT INTO b2b_document (document_type, number, date, company_id,
                   entity_id, direction, state, version, file_sha256,
                   attachment_id, b2b_chain_index)
               SELECT document_type, 'CHAIN-' || n, date, company_id, entity_id,
                   direction, 'accepted', 1, file_sha256, attachment_id,
                   b2b_chain_index + n
                 FROM b2b_document, generate_series(1, %s) AS n
                WHERE id = %s""",
            links - 1,
            document.id,
        )
    )
    chained = env["b2b.edo.chained"]
    company = env.company
    all_links = list(chained._b2b_chain_links(company))
    previous, rows = all_links[0].stored_hash, []
    for link in all_links[1:]:
        previous = edo_chain.link_hash(previous, link.payload)
        rows.append((link.record_id, previous))
    for start in range(0, len(rows), 2000):
        env.execute_query(
            SQL(
                "UPDATE b2b_document d SET b2b_chain_hash = v.h FROM (VALUES %s) "
                "AS v(id, h) WHERE d.id = v.id",
                SQL(", ").join(
                    SQL("(%s, %s)", i, h) for i, h in rows[start : start + 2000]
                ),
            )
        )
    env["b2b.edo.chain.head"].search([("company_id", "=", company.id)]).write(
        {"link_count": len(all_links), "last_hash": previous}
    )
    cr.commit()
    cr.close()
    print(f"chain: {len(all_links)} links")


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


def measure(log_path, session, url, rounds):
    session.get(f"http://127.0.0.1:{PORT}{url}", timeout=120)  # warm up
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
    )


def verify_chain(rounds):
    cr, env = open_env(DB)
    times = []
    for _round in range(rounds):
        env.invalidate_all()
        started = time.perf_counter()
        count, broken = env["b2b.edo.chained"]._b2b_chain_verify(env.company)
        times.append(time.perf_counter() - started)
    cr.close()
    return count, broken, statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--links", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, args.links)
        return
    conf = write_conf(DB, http_port=PORT, http_interface="127.0.0.1")
    if args.reset or not database_exists(DB):
        make_database(conf, DB, "b2b_edo", __file__, args.documents)
    with serving(conf, DB, f"http://127.0.0.1:{PORT}") as log_path:
        print(f"\n{DB}: median of {args.rounds} rounds\n")
        header = (
            f"{'entity':22} {'documents ms':>12} {'q':>4}   "
            f"{'/my/invoices ms':>15} {'q':>4}"
        )
        print(header)
        print("-" * len(header))
        for name, size in (("small", 10), ("large", args.documents)):
            session = requests.Session()
            login(session, f"edo_{name}")
            docs_ms, docs_q = measure(
                log_path, session, "/my/b2b/documents", args.rounds
            )
            inv_ms, inv_q = measure(log_path, session, "/my/invoices", args.rounds)
            print(
                f"{f'{size} documents/invoices':22} {docs_ms:12.0f} {docs_q:4d}   "
                f"{inv_ms:15.0f} {inv_q:4d}"
            )
    count, broken, seconds = verify_chain(args.rounds)
    print(
        f"\nchain verification: {count} links in {seconds:.2f} s "
        f"({'intact' if broken is None else broken})"
    )
    print("ms: server time from Odoo's request log (SQL + Python); q: queries")


if __name__ == "__main__":
    sys.exit(main())
