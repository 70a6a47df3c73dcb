"""Opaque paging cursors, no ORM: the last id seen and a fingerprint of
the filters, so that a cursor is refused with other filters than the ones
it was made for."""

import base64
import binascii
import hashlib
import json


def filters_fingerprint(filters):
    """A short hash of ``filters`` (a JSON-serializable dict)."""
    text = json.dumps(filters, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def encode_cursor(last_id, filters):
    """The cursor of the page after the record ``last_id``."""
    raw = json.dumps({"after": last_id, "f": filters_fingerprint(filters)})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor, filters):
    """The id after which the page of ``cursor`` starts.

    :raise ValueError: not a cursor of these filters
    """
    padded = cursor + "=" * (-len(cursor) % 4)
    try:
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise ValueError("not a cursor") from error
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("after"), int)
        or isinstance(data.get("after"), bool)
        or data["after"] < 0
    ):
        raise ValueError("not a cursor")
    if data.get("f") != filters_fingerprint(filters):
        raise ValueError("cursor of other filters")
    return data["after"]
