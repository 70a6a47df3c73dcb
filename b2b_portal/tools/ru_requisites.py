"""Russian bank requisites and postcodes: BIC, settlement account, postcode.

Plain Python, no ORM: each ``check_*`` returns ``None`` for a valid value or
an error code (one of ``ERROR_CODES``), which the caller turns into a message.
"""

import re
from itertools import cycle

from .ru_ids import compact

_BIC_RE = re.compile(r"^04\d{7}$")  # country code 04, region, division, bank
_ACCOUNT_RE = re.compile(r"^\d{20}$")
_POSTCODE_RE = re.compile(r"^\d{6}$")
# weights of the control key (Bank of Russia regulation No. 579-P, annex)
_KEY_WEIGHTS = (7, 1, 3)

ERROR_CODES = (
    "bic_format",
    "account_format",
    "account_checksum",
    "postcode_format",
)


def check_bic(value):
    """BIC of a Russian bank: 9 digits starting with 04."""
    if not _BIC_RE.match(compact(value)):
        return "bic_format"
    return None


def _key_sum(bic, account):
    # an account held by a bank: the last three digits of its BIC, then the
    # 20 digits of the account
    digits = compact(bic)[-3:] + compact(account)
    return sum(int(d) * w for d, w in zip(digits, cycle(_KEY_WEIGHTS)))


def check_bank_account(account, bic):
    """A 20-digit account number and its control key (9th digit), which
    depends on the bank's BIC; ``bic`` must be valid."""
    account = compact(account)
    if not _ACCOUNT_RE.match(account):
        return "account_format"
    if _key_sum(bic, account) % 10:
        return "account_checksum"
    return None


def bank_account_with_key(account, bic):
    """``account`` (20 digits, any 9th digit) with its right control key."""
    account = compact(account)
    body = account[:8] + "0" + account[9:]
    key = _key_sum(bic, body) % 10 * 3 % 10
    return account[:8] + str(key) + account[9:]


def check_postcode(value):
    """A Russian postcode: 6 digits."""
    if not _POSTCODE_RE.match(compact(value)):
        return "postcode_format"
    return None
