"""The hash chain of final documents, without the ORM.

A link is a record's payload (its model, id and the values of the columns
its hash covers, as read from the database) and its hash: SHA-256 of the
previous link's hash followed by the payload. Changing any covered value,
or a stored hash, or removing or reordering a link, breaks the chain from
that link on; ``first_break`` finds where.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass

GENESIS = ""


def _plain(value):
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return value


def payload_text(model, record_id, values):
    """The text a link's hash covers: ``values`` is a sequence of
    ``(column, value)`` pairs in a fixed order (dates as ISO text)."""
    return json.dumps(
        [model, record_id, [[column, _plain(value)] for column, value in values]],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def link_hash(previous_hash, payload):
    """SHA-256 (hex) of the previous link's hash and this link's payload."""
    return hashlib.sha256(
        ((previous_hash or GENESIS) + payload).encode("utf-8")
    ).hexdigest()


@dataclass(frozen=True)
class Link:
    position: int
    model: str
    record_id: int
    stored_hash: str
    payload: str


@dataclass(frozen=True)
class Break:
    """Where the chain is broken: the link at ``position`` (``model``,
    ``record_id``; ``record_id`` 0 for a missing link) and why:
    "hash" (its values or its hash were changed), "gap" (a position is
    missing), "duplicate" (two links share a position), "head" (the chain
    is shorter, or its last hash differs, from what the company recorded)."""

    position: int
    model: str
    record_id: int
    reason: str


def first_break(links, head_length=None, head_hash=None):
    """Walk ``links`` (in position order) and return ``(count, Break or
    None)``. ``head_length``/``head_hash``: what the chain's head recorded
    (None to skip that check)."""
    previous = GENESIS
    expected = 1
    count = 0
    for link in links:
        if link.position < expected:
            return count, Break(link.position, link.model, link.record_id, "duplicate")
        if link.position > expected:
            return count, Break(expected, link.model, 0, "gap")
        if link_hash(previous, link.payload) != link.stored_hash:
            return count, Break(link.position, link.model, link.record_id, "hash")
        previous = link.stored_hash
        expected += 1
        count += 1
    if head_length is not None and (
        head_length != count or (head_hash or GENESIS) != previous
    ):
        return count, Break(count + 1 if head_length > count else count, "", 0, "head")
    return count, None
