"""The payment string of a QR code per ГОСТ Р 56042-2014 ("Стандарты
финансовых операций. Двумерные символы штрихового кода для осуществления
платежей физических лиц"); no ORM.

``ST0001`` is the format, the next digit the encoding (``2``: UTF-8), then
``|``-separated ``Key=value`` pairs: the five mandatory ones first, in the
standard's order (Name, PersonalAcc, BankName, BIC, CorrespAcc), then the
optional ones (Sum in kopecks, Purpose, PayeeINN, KPP...). The standard has
no escape for its separator: a ``|`` inside a value is replaced by ``/``, and
line breaks by spaces, so that a value can never open a new pair.
"""

HEADER = "ST00012"
SEPARATOR = "|"
MANDATORY = ("Name", "PersonalAcc", "BankName", "BIC", "CorrespAcc")
# the standard's maximum lengths (characters) of the fields used here
MAX_LENGTHS = {
    "Name": 160,
    "PersonalAcc": 20,
    "BankName": 45,
    "BIC": 9,
    "CorrespAcc": 20,
    "Sum": 18,
    "Purpose": 210,
    "PayeeINN": 12,
    "KPP": 9,
    "PayerINN": 12,
}


def clean(value):
    """``value`` as one field: no separator, no line break, trimmed."""
    text = " ".join(str(value if value is not None else "").split())
    return text.replace(SEPARATOR, "/")


def payment_string(values):
    """The string to encode in the QR code, from ``values`` ({key: value},
    ``Sum`` in kopecks). A mandatory key missing raises ``ValueError``; an
    empty optional value is left out; values are cut to the standard's
    lengths. ``CorrespAcc`` is "0" for a bank without one, as the standard
    says."""
    values = dict(values)
    values["CorrespAcc"] = values.get("CorrespAcc") or "0"
    missing = [key for key in MANDATORY if not clean(values.get(key))]
    if missing:
        raise ValueError("missing: " + ", ".join(missing))
    keys = list(MANDATORY) + [key for key in values if key not in MANDATORY]
    pairs = []
    for key in keys:
        value = clean(values.get(key))
        if value:
            pairs.append(f"{key}={value[: MAX_LENGTHS.get(key, len(value))]}")
    return SEPARATOR.join([HEADER, *pairs])
