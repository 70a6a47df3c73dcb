"""Time the demo generator of b2b_portal in a throw-away transaction.

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_demo_catalog.py [DB]

The database must have b2b_portal installed without demo data (setup/test
leaves one, b2b_test). Prints the time and query count of ``_load_demo``;
everything is rolled back.
"""

import os
import sys
import time
from pathlib import Path

import odoo
from odoo.modules.registry import Registry
from odoo.sql_db import Cursor


def main():
    db = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("B2B_DB_TEST", "b2b_test")
    cache = Path(os.environ.get("B2B_HOME", Path.home() / ".cache" / "b2b-suite"))
    odoo.tools.config.parse_config(["-c", str(cache / f"odoo-{db}.conf"), "-d", db])
    registry = Registry(db)
    queries = 0
    original = Cursor.execute

    def counting(self, *args, **kwargs):
        nonlocal queries
        queries += 1
        return original(self, *args, **kwargs)

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Cursor.execute = counting
        start = time.perf_counter()
        env["b2b.demo"]._load_demo()
        env.flush_all()
        elapsed = time.perf_counter() - start
        Cursor.execute = original
        products = env["product.product"].search_count(
            [("default_code", "=like", "%-%")]
        )
        cr.rollback()
    print(f"demo generator: {elapsed:.2f} s, {queries} queries, {products} products")


if __name__ == "__main__":
    main()
