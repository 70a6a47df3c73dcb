"""A buyer's script: sync the catalog of the B2B portal's API page by page,
then place an order (the lines priced, a cart, its lines, the checkout),
every write with its own Idempotency-Key so that a retry never orders twice.

    python sync_catalog_and_order.py --base http://localhost:8069 \
        --key <API key> [--entity <INN>] [--order SKU=QTY ...] [--since ISO] \
        [--page-size 500]

(or B2B_API_KEY and B2B_API_URL in the environment).

Needs only ``requests``. The catalog is written to ``catalog.json`` (one
item per SKU with the entity's price and free stock); with ``--order`` the
lines are ordered and the order printed. A refused call prints the API's
error (its code and the message in the buyer's language) and stops.
"""

import argparse
import json
import os
import sys
import time
import uuid

import requests

API = "/b2b/api/v1"


class ApiError(Exception):
    pass


class Client:
    def __init__(self, base, key, entity=None):
        self.base = base.rstrip("/") + API
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {key}"
        if entity:
            self.session.headers["X-B2B-Entity"] = entity

    def call(self, method, path, body=None, params=None, idempotency_key=None):
        """One call; waits out a 429 or 409 (Retry-After) and retries with
        the same Idempotency-Key, which replays a call that went through."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        for _attempt in range(5):
            response = self.session.request(
                method,
                self.base + path,
                json=body,
                params=params,
                headers=headers,
                timeout=120,
            )
            if response.status_code in (409, 429):
                time.sleep(int(response.headers.get("Retry-After", "1")))
                continue
            break
        if response.status_code >= 400:
            error = response.json().get("error", {})
            details = "".join(
                f"\n  - {d.get('message')}" for d in error.get("details") or []
            )
            raise ApiError(
                f"{method} {path}: {response.status_code} {error.get('code')}: "
                f"{error.get('message')}{details}"
            )
        return response.json()


def sync_catalog(client, since=None, page_size=500):
    """Every product of the entity's catalog (or those changed since), a
    page at a time: ``(items by SKU, pages read)``."""
    items, cursor, pages = {}, None, 0
    while True:
        params = {"limit": page_size}
        if cursor:
            params["cursor"] = cursor
        if since:
            params["updated_since"] = since
        page = client.call("GET", "/catalog", params=params)
        pages += 1
        for item in page["items"]:
            items[item["sku"]] = {
                "name": item["name"],
                "unit": item["unit"],
                "price": item["price"]["unit_price"],
                "currency": item["price"]["currency"],
                "free_qty": item["stock"]["free_qty"],
            }
        cursor = page["next_cursor"]
        if not cursor:
            return items, pages


def place_order(client, lines, note=None):
    """The lines priced first (``POST /prices``, nothing written), then a
    cart, its lines, its checkout: the order. One operation id names the
    three Idempotency-Keys: a retry of any step replays it."""
    priced = client.call("POST", "/prices", body={"lines": lines})["lines"]
    for line in priced:
        print(
            f"  {line['sku']}: {line['qty']} x {line.get('unit_price')} "
            f"{line.get('currency') or ''} ({line['status']})"
        )
    if any(line["status"] != "ok" for line in priced):
        raise ApiError("some lines cannot be ordered: nothing was ordered")
    operation = uuid.uuid4().hex  # one per order, kept for retries
    cart = client.call(
        "POST",
        "/carts",
        body={"name": "ERP " + time.strftime("%Y-%m-%d %H:%M")},
        idempotency_key=f"{operation}-cart",
    )
    client.call(
        "POST",
        f"/carts/{cart['id']}/lines",
        body={"lines": lines},
        idempotency_key=f"{operation}-lines",
    )
    body = {"note": note} if note else {}
    return client.call(
        "POST",
        f"/carts/{cart['id']}/checkout",
        body=body,
        idempotency_key=f"{operation}-checkout",
    )["order"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--base", default=os.environ.get("B2B_API_URL", "http://localhost:8069")
    )
    parser.add_argument("--key", default=os.environ.get("B2B_API_KEY"))
    parser.add_argument("--entity", help="INN or id (a key of several entities)")
    parser.add_argument("--since", help="only products changed since (ISO 8601)")
    parser.add_argument("--order", nargs="*", default=[], metavar="SKU=QTY")
    parser.add_argument("--output", default="catalog.json")
    parser.add_argument("--page-size", type=int, default=500)
    args = parser.parse_args()
    if not args.key:
        parser.error("give --key or set B2B_API_KEY")
    client = Client(args.base, args.key, args.entity)
    try:
        entities = client.call("GET", "/entities")["entities"]
        print("acting for:", ", ".join(e["name"] for e in entities))
        catalog, pages = sync_catalog(client, args.since, args.page_size)
        with open(args.output, "w", encoding="utf-8") as file:
            json.dump(catalog, file, ensure_ascii=False, indent=1)
        print(f"catalog: {len(catalog)} products in {pages} pages: {args.output}")
        if args.order:
            lines = []
            for text in args.order:
                sku, _sep, qty = text.rpartition("=")
                lines.append({"sku": sku, "qty": float(qty)})
            order = place_order(client, lines, note="Ordered by our ERP")
            print(
                f"order {order['name']} ({order['status']}): "
                f"{order['amount_total']} {order['currency']}, "
                f"{len(order['lines'])} lines"
            )
    except ApiError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
