#!/usr/bin/env python3
"""A buyer's script: sync the supplier's catalog, then place an order.

    B2B_API_URL=http://localhost:8069 B2B_API_KEY=<key> \
        python3 sync_catalog_and_order.py [--entity INN] [--order SKU=QTY ...]

1. ``GET /b2b/api/v1/entities``: which legal entities the key acts for.
2. ``GET /b2b/api/v1/catalog`` page by page (cursor paging, 500 a page):
   every product with the entity's price, quantity breaks, minimum,
   multiple, free stock and incoming supply, written to ``catalog.json``
   (``--since`` for the products changed since the last sync).
3. With ``--order``: ``POST /b2b/api/v1/prices`` to check the lines, then a
   cart (``POST /b2b/api/v1/carts``), its lines
   (``POST /b2b/api/v1/carts/{id}/lines``) and the checkout
   (``POST /b2b/api/v1/carts/{id}/checkout``), each POST that creates with
   its own ``Idempotency-Key``: a retry after a timeout replays the answer
   instead of ordering twice.

Needs only ``requests``. Errors are ``{"error": {"code", "message"}}``; 429
answers say how long to wait in ``Retry-After``.
"""

import argparse
import json
import os
import sys
import time
import uuid

import requests


class Api:
    def __init__(self, url, key, entity=None):
        self.base = url.rstrip("/") + "/b2b/api/v1"
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {key}"
        if entity:
            self.session.headers["X-B2B-Entity"] = entity

    def call(self, method, path, body=None, params=None, idempotency_key=None):
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        for _attempt in range(5):
            response = self.session.request(
                method, self.base + path, json=body, params=params,
                headers=headers, timeout=120,
            )  # fmt: skip
            if response.status_code == 429 or (
                response.status_code == 409 and idempotency_key
            ):
                time.sleep(int(response.headers.get("Retry-After", "1")))
                continue  # same Idempotency-Key: never a second order
            break
        if response.status_code >= 400:
            error = response.json().get("error", {})
            sys.exit(f"{method} {path}: {response.status_code} "
                     f"{error.get('code')}: {error.get('message')}")  # fmt: skip
        return response.json()


def sync_catalog(api, since=None, path="catalog.json"):
    products, cursor = [], None
    while True:
        params = {"limit": 500, "cursor": cursor, "updated_since": since}
        page = api.call("GET", "/catalog", params=params)
        products += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    with open(path, "w", encoding="utf-8") as file:
        json.dump(products, file, ensure_ascii=False, indent=1)
    print(f"{len(products)} products written to {path}")
    return products


def place_order(api, lines):
    prices = api.call("POST", "/prices", {"lines": lines})["lines"]
    for line in prices:
        print(f"  {line['sku']}: {line['qty']} × {line.get('unit_price')} "
              f"{line.get('currency') or ''} ({line['status']})")  # fmt: skip
    if any(line["status"] != "ok" for line in prices):
        sys.exit("some lines cannot be ordered: fix them first")
    operation = uuid.uuid4().hex  # one per order, kept for retries
    cart = api.call("POST", "/carts", {"name": "From our ERP"},
                    idempotency_key=f"{operation}-cart")  # fmt: skip
    api.call("POST", f"/carts/{cart['id']}/lines", {"lines": lines},
             idempotency_key=f"{operation}-lines")  # fmt: skip
    order = api.call("POST", f"/carts/{cart['id']}/checkout", {},
                     idempotency_key=f"{operation}-checkout")  # fmt: skip
    print("ordered:", json.dumps(order, ensure_ascii=False))
    return order


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entity", help="INN or id (several entities)")
    parser.add_argument("--since", help="only products changed since (ISO 8601)")
    parser.add_argument("--order", nargs="*", default=[], metavar="SKU=QTY")
    args = parser.parse_args()
    api = Api(
        os.environ.get("B2B_API_URL", "http://localhost:8069"),
        os.environ["B2B_API_KEY"],
        args.entity,
    )
    for entity in api.call("GET", "/entities")["entities"]:
        print(f"entity {entity['id']}: {entity['name']} (INN {entity['inn']}), "
              f"role {entity['role']}")  # fmt: skip
    sync_catalog(api, args.since)
    if args.order:
        lines = [
            {"sku": sku, "qty": float(qty)}
            for sku, qty in (item.split("=", 1) for item in args.order)
        ]
        place_order(api, lines)


if __name__ == "__main__":
    main()
