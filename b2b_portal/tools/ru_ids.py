"""Russian company identifiers: INN, KPP, OGRN and OGRNIP.

Plain Python, no ORM: each ``check_*`` returns ``None`` for a valid value or
an error code (one of ``ERROR_CODES``), which the caller turns into a message.
"""

import re

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.ru import inn as stdnum_inn

# KPP: tax office (4 digits), reason code (2 digits or capital Latin letters
# since 2013, order of the Federal Tax Service No. ММВ-7-6/435@), number (3 digits)
_KPP_RE = re.compile(r"^\d{4}[\dA-Z]{2}\d{3}$")
_SPACES_RE = re.compile(r"[\s-]+")


ERROR_CODES = (
    "inn_format",
    "inn_checksum",
    "inn_company_length",
    "kpp_format",
    "ogrn_format",
    "ogrn_checksum",
)


def compact(value):
    """Strip spaces and dashes a person may type into an identifier."""
    return _SPACES_RE.sub("", value or "")


def check_inn(value, company=None):
    """INN: 10 digits for an organisation, 12 for a person or sole trader.

    ``company`` True/False also checks the length matches the kind of entity;
    None accepts both.
    """
    value = compact(value)
    if not value.isdigit() or len(value) not in (10, 12):
        return "inn_format"
    try:
        stdnum_inn.validate(value)
    except StdnumError:
        return "inn_checksum"
    if company is True and len(value) != 10:
        return "inn_company_length"
    return None


def check_kpp(value):
    value = compact(value).upper()
    if not _KPP_RE.match(value):
        return "kpp_format"
    return None


def ogrn_check_digit(body):
    """Check digit of an OGRN (12-digit body) or OGRNIP (14-digit body)."""
    modulus = 11 if len(body) == 12 else 13
    return int(body) % modulus % 10


def check_ogrn(value):
    """OGRN (13 digits, organisation) or OGRNIP (15 digits, sole trader)."""
    value = compact(value)
    if not value.isdigit() or len(value) not in (13, 15):
        return "ogrn_format"
    if ogrn_check_digit(value[:-1]) != int(value[-1]):
        return "ogrn_checksum"
    return None


def inn_check_digits(body):
    """Complete an INN body (9 or 10 digits) with its check digit(s)."""
    w10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    w11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    w12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)

    def digit(digits, weights):
        return str(
            sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 % 10
        )

    if len(body) == 9:
        return body + digit(body, w10)
    if len(body) == 10:
        body += digit(body, w11)
        return body + digit(body, w12)
    raise ValueError("an INN body has 9 (organisation) or 10 (person) digits")
