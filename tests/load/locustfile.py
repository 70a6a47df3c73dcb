"""Simulated buyers of the B2B portal, for Locust (run by tests/load/driver.py).

Each buyer (``load_buyer_NN``, one per simulated user) logs in, then loops:
the dashboard, a catalog search and a product page, then a quick order of
200–1,000 distinct SKUs pasted, previewed and confirmed into a new named
cart, and the checkout of that cart. About one buyer in four pastes two
requests into two carts, merges them (b2b_multicart) and checks out the
merged cart. With ``B2B_LOAD_API_KEYS`` (written where b2b_api is
installed), API clients read ``GET /b2b/api/v1/catalog`` with their key.

Every form is the portal's own (forms.py). What was submitted, and what the
server answered, goes to the journal (``B2B_LOAD_JOURNAL``, JSON lines) that
invariant.py checks against the database; every request's timing goes to
``B2B_LOAD_REQUESTS`` for the driver's figures. A checkout whose answer was
lost (a killed worker, PostgreSQL restarting) is sent again with the same
submit token, as a buyer pressing the button again: the portal must give the
one order.
"""

import itertools
import json
import os
import random
import re
import sys
import threading
import time
from pathlib import Path

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).parent))
from forms import csrf_token, form  # noqa: E402

PRODUCTS = int(os.environ.get("B2B_LOAD_PRODUCTS", "3000"))
LINES = tuple(int(n) for n in os.environ.get("B2B_LOAD_LINES", "200-1000").split("-"))
MERGE_SHARE = float(os.environ.get("B2B_LOAD_MERGE_SHARE", "0.25"))
RETRIES = 6
TIMEOUT = 900  # seconds: a 1,000-line checkout under load is slow, never cut
SKU = "LD-{:05d}"

_logins = itertools.count(1)
_lock = threading.Lock()
_files = {}


def _write(env_name, record):
    path = os.environ.get(env_name)
    if not path:
        return
    with _lock:
        handle = _files.get(path)
        if handle is None:
            handle = _files[path] = open(path, "a", encoding="utf-8")  # noqa: SIM115
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.flush()


def journal(**record):
    _write("B2B_LOAD_JOURNAL", {"t": time.time(), **record})


@events.request.add_listener
def _timing(request_type, name, response_time, response, exception, **kw):
    start = kw.get("start_time") or (time.time() - response_time / 1000)
    status = getattr(response, "status_code", 0) if response is not None else 0
    _write(
        "B2B_LOAD_REQUESTS",
        {
            "t": start,
            "name": name,
            "ms": round(response_time, 1),
            "ok": exception is None,
            "status": status,
            "error": str(exception)[:200] if exception else None,
        },
    )


def _lost(response):
    """Whether an answer was lost (connection, a dead worker, the database
    away) rather than given: then the same submission is sent again. While
    its database is away Odoo answers 404 for every portal route (it falls
    back to serving without a database), so a 404 counts as lost too."""
    if response is None or response.status_code == 0:
        return True
    return response.status_code >= 500 or response.status_code == 404


class Buyer(HttpUser):
    wait_time = between(1, 4)
    weight = 10

    def on_start(self):
        self.number = next(_logins)
        self.login = f"load_buyer_{self.number:02d}"
        self.rng = random.Random(self.number * 7919)
        self.carts_made = 0
        self.csrf = None
        self.log_in()

    # -- helpers -----------------------------------------------------------------
    def get(self, url, name, **kw):
        with self.client.get(
            url, name=name, timeout=TIMEOUT, catch_response=True, **kw
        ) as response:
            if url != "/web/login" and "/web/login" in (response.url or ""):
                response.failure("logged out")
            elif response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            else:
                self.csrf = csrf_token(response.text) or self.csrf
                response.success()
            return response

    def post(self, url, name, data, expect=303):
        """POST without following the redirect; a 303 (or ``expect``) is a
        success, anything else a failure Locust counts."""
        try:
            with self.client.post(
                url,
                name=name,
                data=data,
                timeout=TIMEOUT,
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code == expect:
                    response.success()
                else:
                    response.failure(f"HTTP {response.status_code}")
                return response
        except Exception:  # noqa: BLE001 - a connection error is an answer lost
            return None

    def log_in(self):
        for _attempt in range(RETRIES):
            page = self.get("/web/login", "login page")
            token = csrf_token(page.text) if page.status_code == 200 else None
            if token:
                response = self.post(
                    "/web/login",
                    "login",
                    {
                        "login": self.login,
                        "password": self.login,
                        "csrf_token": token,
                        "redirect": "/my/b2b",
                    },
                )
                if response is not None and response.status_code == 303:
                    return True
            time.sleep(2)
        return False

    def skus(self, count):
        numbers = self.rng.sample(range(1, PRODUCTS + 1), count)
        return {SKU.format(n): self.rng.randint(1, 20) for n in numbers}

    # -- steps ---------------------------------------------------------------------
    def browse(self):
        self.get("/my/b2b", "dashboard")
        prefix = f"LD-0{self.rng.randint(0, 2)}{self.rng.randint(0, 9)}"
        page = self.get(f"/my/b2b/catalog?search={prefix}", "catalog search")
        ids = re.findall(r"/my/b2b/product/(\d+)", page.text or "")
        if ids:
            self.get(f"/my/b2b/product/{self.rng.choice(ids)}", "product page")

    def paste(self, lines):
        """Paste, preview, confirm into a new named cart: the cart id, or None."""
        self.carts_made += 1
        name = f"{self.login} #{self.carts_made}"
        text = "\n".join(f"{sku};{qty}" for sku, qty in lines.items())
        if not self.csrf:
            self.get("/my/b2b/quick-order", "quick order page")
        preview = self.post(
            "/my/b2b/quick-order/preview",
            "quick order preview",
            {"csrf_token": self.csrf, "text": text, "source": "paste"},
            expect=200,
        )
        found = (
            form(preview.text, "/my/b2b/quick-order/preview")
            if preview is not None and preview.status_code == 200
            else None
        )
        if found is None:
            journal(
                kind="cart",
                login=self.login,
                cart_name=name,
                lines=lines,
                status="not_sent",
                cart_id=None,
            )
            return None
        journal(
            kind="cart",
            login=self.login,
            cart_name=name,
            lines=lines,
            status="sent",
            cart_id=None,
        )
        response = self.post(
            "/my/b2b/quick-order/confirm",
            "quick order confirm",
            found.values(cart_name=name),
        )
        match = re.search(
            r"cart=(\d+)",
            (response.headers.get("Location") or "") if response is not None else "",
        )
        if match and response.status_code == 303:
            status, cart_id = "ok", int(match.group(1))
        elif _lost(response):
            status, cart_id = "unknown", None
        else:
            status, cart_id = "refused", None
        journal(
            kind="cart",
            login=self.login,
            cart_name=name,
            lines=lines,
            status=status,
            cart_id=cart_id,
        )
        return cart_id

    def merge(self, cart_ids):
        page = self.get("/my/b2b/carts", "carts")
        found = (
            form(page.text, "/my/b2b/carts/merge") if page.status_code == 200 else None
        )
        if found is None:
            journal(
                kind="merge",
                login=self.login,
                sources=cart_ids,
                status="not_sent",
                cart_id=None,
            )
            return None
        data = found.values() + [("cart_ids", str(i)) for i in cart_ids]
        merged = None
        for attempt in range(1, RETRIES + 1):
            response = self.post("/my/b2b/carts/merge", "merge", data)
            location = (
                response.headers.get("Location", "") if response is not None else ""
            )
            match = re.search(r"/my/b2b/carts/(\d+)", location)
            if match and response.status_code == 303:
                merged = int(match.group(1))
                break
            if not _lost(response):
                break
            time.sleep(2 * attempt)
        status = "ok" if merged else ("unknown" if _lost(response) else "refused")
        journal(
            kind="merge",
            login=self.login,
            sources=cart_ids,
            token=found.get("token"),
            status=status,
            cart_id=merged,
            attempts=attempt,
        )
        return merged

    def checkout(self, cart_id, lines):
        page = self.get(f"/my/b2b/carts/{cart_id}", "cart page")
        action = f"/my/b2b/carts/{cart_id}/checkout"
        found = form(page.text, action) if page.status_code == 200 else None
        if found is None:
            journal(
                kind="checkout",
                login=self.login,
                cart_id=cart_id,
                lines=lines,
                status="not_sent",
                token=None,
                order_id=None,
            )
            return
        order_id = None
        # written before sending: a run that stops mid-request leaves this record
        journal(
            kind="checkout",
            login=self.login,
            cart_id=cart_id,
            lines=lines,
            token=found.get("token"),
            status="sent",
            order_id=None,
        )
        for attempt in range(1, RETRIES + 1):
            response = self.post(action, "checkout", found.values())
            location = (
                response.headers.get("Location", "") if response is not None else ""
            )
            match = re.search(r"/my/orders/(\d+)", location)
            if match and response.status_code == 303:
                order_id = int(match.group(1))
                break
            if not _lost(response):
                break
            # the answer was lost: the same form again, the same token
            time.sleep(2 * attempt)
        status = "ok" if order_id else ("unknown" if _lost(response) else "refused")
        journal(
            kind="checkout",
            login=self.login,
            cart_id=cart_id,
            lines=lines,
            token=found.get("token"),
            status=status,
            order_id=order_id,
            attempts=attempt,
            http=getattr(response, "status_code", 0),
        )

    @task
    def order_day(self):
        self.browse()
        count = self.rng.randint(*LINES)
        if self.rng.random() < MERGE_SHARE:
            first, second = self.skus(count // 2), self.skus(count - count // 2)
            ids = [self.paste(first), self.paste(second)]
            if None in ids:
                return
            merged = self.merge(ids)
            if merged:
                total = dict(first)
                for sku, qty in second.items():
                    total[sku] = total.get(sku, 0) + qty
                self.checkout(merged, total)
            return
        lines = self.skus(count)
        cart_id = self.paste(lines)
        if cart_id:
            self.checkout(cart_id, lines)


class ApiClient(HttpUser):
    """The buyer's own system reading the catalog through b2b_api (only
    where b2b_api is installed: ``B2B_LOAD_API_KEYS`` names the keys)."""

    wait_time = between(1, 3)
    weight = 2
    keys = {}
    path = os.environ.get("B2B_LOAD_API_KEYS")
    if path and Path(path).is_file():
        keys = json.loads(Path(path).read_text() or "{}")
    abstract = not keys

    def on_start(self):
        key = self.keys[random.choice(sorted(self.keys))]
        self.headers = {
            "Authorization": f"Bearer {key['key']}",
            "X-B2B-Entity": key["entity"],
        }

    @task
    def catalog(self):
        self.client.get(
            "/b2b/api/v1/catalog",
            name="api catalog",
            headers=self.headers,
            timeout=TIMEOUT,
        )
