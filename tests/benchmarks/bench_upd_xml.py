"""The UPD exchange file of 1,000 lines (b2b_edo/tools/upd_xml.py): time to
build the windows-1251 XML, and to check it against the schema subset of the
tests and for the mandatory elements. Pure Python, no database:

    ~/.cache/b2b-suite/venv/bin/python tests/benchmarks/bench_upd_xml.py [--lines 1000]

Target (issue 14): ≤ 1 s for 1,000 lines.
"""

import argparse
import datetime
import importlib.util
import statistics
import time
from decimal import Decimal
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[2]
KERNEL = REPO / "b2b_edo" / "tools" / "upd_xml.py"
SCHEMA = REPO / "b2b_edo" / "tests" / "data" / "ON_NSCHFDOPPR_5_03_subset.xsd"


def load_kernel():
    spec = importlib.util.spec_from_file_location("upd_xml", KERNEL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def document(upd, lines):
    party = upd.UpdParty
    return upd.UpdDocument(
        number="UPD-2026-00001",
        date=datetime.date(2026, 12, 2),
        status=1,
        seller=party("ООО «ОптТорг»", "7713012347", "771301001", "Москва"),
        buyer=party("ООО «СтройДвор»", "7705123458", "770501001", "Москва"),
        lines=tuple(
            upd.UpdLine(
                number=n + 1,
                name=f"Болт М{n % 30 + 6} × {n % 90 + 10}, оцинкованный",
                code=f"BOLT-{n:05d}",
                quantity=Decimal(n % 50 + 1),
                price=Decimal("12.40"),
                amount_untaxed=Decimal("12.40") * (n % 50 + 1),
                amount_total=Decimal("15.128") * (n % 50 + 1),
                tax_rate="22%",
                tax_amount=Decimal("2.728") * (n % 50 + 1),
            )
            for n in range(lines)
        ),
        signer=upd.UpdSigner("Петров", "Сергей", "Иванович"),
        guid="8c703486-75df-46f8-8f0a-959b09f807a9",
        created_at=datetime.datetime(2026, 12, 2, 10, 5, 9),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    upd = load_kernel()
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    builds, checks = [], []
    for _round in range(args.rounds):
        start = time.perf_counter()
        doc = document(upd, args.lines)
        content = upd.build_xml(doc)
        builds.append(time.perf_counter() - start)
        start = time.perf_counter()
        valid = schema.validate(etree.fromstring(content))
        missing = upd.missing_elements(content)
        checks.append(time.perf_counter() - start)
    print(f"UPD XML of {args.lines} lines: {len(content):,} bytes, valid={valid}")
    build = statistics.median(builds)
    print(f"  build (values + XML), median of {args.rounds}: {build:.3f} s")
    print(f"  schema + mandatory check, median: {statistics.median(checks):.3f} s")
    print(f"  missing elements: {missing or 'none'}")
    print(f"  target ≤ 1 s: {'met' if statistics.median(builds) <= 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
