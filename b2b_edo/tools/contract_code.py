"""One-time codes of the simple e-signature (63-ФЗ): drawn, hashed and
checked here, stored by ``b2b.esign.code``. Plain Python, no ORM.

A code has ``CODE_DIGITS`` digits, is valid ``VALID_MINUTES`` minutes and
takes ``MAX_ATTEMPTS`` wrong tries, then it is locked. Only its keyed hash
(HMAC-SHA256 with the database secret and a salt of its own) is stored, so
the code never lies in the database in clear.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

CODE_DIGITS = 6
VALID_MINUTES = 10
MAX_ATTEMPTS = 5

# outcomes of check_code
OK = "ok"
WRONG = "wrong"
EXPIRED = "expired"
LOCKED = "locked"
USED = "used"


def draw_code(randbelow=secrets.randbelow):
    """A new code: ``CODE_DIGITS`` digits, leading zeros kept."""
    return str(randbelow(10**CODE_DIGITS)).zfill(CODE_DIGITS)


def new_salt():
    return secrets.token_hex(16)


def hash_code(code, salt, key):
    """The stored form of ``code``: HMAC-SHA256 keyed by ``key`` + ``salt``."""
    message = "".join(ch for ch in str(code or "") if not ch.isspace())
    return hmac.new(
        f"{key}:{salt}".encode(), message.encode(), hashlib.sha256
    ).hexdigest()


def expiry(sent_at):
    return sent_at + timedelta(minutes=VALID_MINUTES)


def check_code(code, *, code_hash, salt, key, state, expires_at, attempts, now):
    """The outcome of typing ``code`` against a stored code: ``OK``,
    ``WRONG`` (one attempt more), ``EXPIRED``, ``LOCKED`` (too many wrong
    attempts: this one included) or ``USED`` (used or replaced by a newer
    one). An expired, locked or used code is refused whatever is typed."""
    if state != "active":
        return LOCKED if state == "locked" else USED
    if attempts >= MAX_ATTEMPTS:
        return LOCKED
    if now > expires_at:
        return EXPIRED
    if hmac.compare_digest(hash_code(code, salt, key), code_hash):
        return OK
    return LOCKED if attempts + 1 >= MAX_ATTEMPTS else WRONG
