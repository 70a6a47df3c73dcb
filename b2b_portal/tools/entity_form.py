"""The portal forms of a legal entity: registration and change requests.

Plain Python, no ORM: ``clean`` returns the typed values, stripped, and an
error code per wrong field, which the caller turns into a message.
"""

import re

from . import ru_ids, ru_requisites

REGISTRATION_KEYS = (
    "name",
    "inn",
    "kpp",
    "ogrn",
    "tax_system",
    "street",
    "city",
    "zip",
    "phone",
    "email",
    "delivery_street",
    "delivery_city",
    "delivery_zip",
    "bank_account",
    "bank_bic",
    "bank_name",
)
REGISTRATION_REQUIRED = ("name", "inn", "ogrn", "tax_system", "street", "city")
# what a change request may change, and nothing else
CONTACT_KEYS = ("street", "city", "zip", "phone", "email")
BANK_KEYS = ("bank_account", "bank_bic", "bank_name")
DELIVERY_KEYS = ("delivery_street", "delivery_city", "delivery_zip")
CHANGE_KEYS = CONTACT_KEYS + BANK_KEYS + DELIVERY_KEYS

MAX_LENGTH = 200
_COMPACT_KEYS = {
    "inn",
    "kpp",
    "ogrn",
    "zip",
    "delivery_zip",
    "bank_account",
    "bank_bic",
}
_PHONE_RE = re.compile(r"^\+?[\d\s().-]{5,25}$")
# a light check: the caller may normalise with a stricter function
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# codes of this module; the identifier checks add those of ru_ids and
# ru_requisites
ERROR_CODES = (
    "required",
    "too_long",
    "kpp_required",
    "kpp_sole_trader",
    "ogrn_organisation",
    "ogrn_sole_trader",
    "tax_system",
    "email",
    "phone",
    "delivery_required",
    "bank_both",
)


def clean(form, keys, required=(), tax_systems=(), normalize_email=None):
    """Typed values of ``keys`` from ``form`` and the error code of each
    wrong one.

    :param tax_systems: the accepted tax system codes
    :param normalize_email: function returning the normalised address or a
        false value for a wrong one; a plain pattern check without it
    :return: (values {key: str}, errors {key: code})
    """
    values = {}
    for key in keys:
        value = str(form.get(key) or "").strip()
        if key in _COMPACT_KEYS:
            value = ru_ids.compact(value).upper()
        values[key] = value
    errors = {key: "too_long" for key in keys if len(values[key]) > MAX_LENGTH}
    for key in required:
        if not values[key]:
            errors.setdefault(key, "required")
    _check_identifiers(values, errors, tax_systems)
    _check_contacts(values, errors, normalize_email)
    _check_bank(values, errors)
    return values, errors


def _check(values, errors, key, check_function, *args):
    if values.get(key) and key not in errors:
        code = check_function(values[key], *args)
        if code:
            errors[key] = code


def _check_identifiers(values, errors, tax_systems):
    _check(values, errors, "inn", ru_ids.check_inn)
    _check(values, errors, "kpp", ru_ids.check_kpp)
    _check(values, errors, "ogrn", ru_ids.check_ogrn)
    inn = "" if "inn" in errors else values.get("inn", "")
    if "kpp" in values and inn and "kpp" not in errors:
        if len(inn) == 10 and not values["kpp"]:
            errors["kpp"] = "kpp_required"
        elif len(inn) == 12 and values["kpp"]:
            errors["kpp"] = "kpp_sole_trader"
    ogrn = "" if "ogrn" in errors else values.get("ogrn", "")
    if ogrn and inn:
        if len(inn) == 10 and len(ogrn) != 13:
            errors["ogrn"] = "ogrn_organisation"
        elif len(inn) == 12 and len(ogrn) != 15:
            errors["ogrn"] = "ogrn_sole_trader"
    if values.get("tax_system") and values["tax_system"] not in tax_systems:
        errors.setdefault("tax_system", "tax_system")


def _check_contacts(values, errors, normalize_email):
    _check(values, errors, "zip", ru_requisites.check_postcode)
    _check(values, errors, "delivery_zip", ru_requisites.check_postcode)
    if values.get("email") and "email" not in errors:
        if normalize_email:
            email = normalize_email(values["email"])
        else:
            email = _EMAIL_RE.match(values["email"]) and values["email"]
        if email:
            values["email"] = email
        else:
            errors["email"] = "email"
    if values.get("phone") and not _PHONE_RE.match(values["phone"]):
        errors.setdefault("phone", "phone")
    if any(values.get(key) for key in DELIVERY_KEYS):
        for key in ("delivery_street", "delivery_city"):
            if not values[key]:
                errors.setdefault(key, "delivery_required")


def _check_bank(values, errors):
    if not (values.get("bank_account") or values.get("bank_bic")):
        return
    for key in ("bank_account", "bank_bic"):
        if not values[key]:
            errors.setdefault(key, "bank_both")
    _check(values, errors, "bank_bic", ru_requisites.check_bic)
    if "bank_bic" not in errors:
        _check(
            values,
            errors,
            "bank_account",
            ru_requisites.check_bank_account,
            values["bank_bic"],
        )
