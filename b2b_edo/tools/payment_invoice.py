"""The invoice for payment as data: its content hash and VAT lines; no ORM.

The model gathers what the invoice prints about an order (lines, totals,
parties, contract) as plain values; :func:`content_hash` says whether two
gatherings print the same invoice, so that a retried request or an
unrelated write makes no new version.
"""

import hashlib
import json


def content_hash(content):
    """SHA-256 of ``content`` (dicts, lists, strings and numbers), stable
    across runs: keys sorted, floats rounded to the kopeck."""

    def normal(value):
        if isinstance(value, float):
            return round(value, 2)
        if isinstance(value, dict):
            return {str(key): normal(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [normal(item) for item in value]
        return value

    text = json.dumps(normal(content), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def vat_lines(lines):
    """The VAT lines printed under the total, from ``lines`` of
    ``(rate or None, tax amount)``: ``[(rate, amount)]`` by rate, highest
    first; empty when no line has VAT (the invoice prints "Без НДС")."""
    totals = {}
    for rate, amount in lines:
        if rate:
            totals[rate] = totals.get(rate, 0.0) + amount
    return sorted(totals.items(), reverse=True)


def rate_label(rate):
    """22.0 → "22", 10.5 → "10,5"."""
    return f"{rate:g}".replace(".", ",")
