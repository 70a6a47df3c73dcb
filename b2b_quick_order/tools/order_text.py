"""Order lines pasted by buyers: text → rows, no ORM.

``parse_order_text(text)`` returns a :class:`ParseResult`. Rows are
``Row(line_no, key, qty, unit, comment)``; errors and notes are
``Issue(line_no, code, detail)`` with a plain string code, turned into a
translated message by the caller.

Separators, detected on each line, in this order: tab, ``|``, ``;``, comma,
two spaces or more. A line without any of them is split on single spaces and
its quantity (with an optional unit word) read from the end, so a SKU may
contain single spaces: ``AB 100 12`` is SKU ``AB 100``, quantity 12. With a
comma separator, ``SKU,12,5`` is quantity 12.5 (decimal comma), while
``SKU,12, note`` is quantity 12 and a comment.

Values in double quotes, as spreadsheets copy them (``"A-1";"4"``,
``"A-2","1 500,5"``), read like plain ones: the separator is looked for
outside the quotes, and a comma inside them is part of the value.

Rows of a downloaded template marked as examples (a cell starting with
``# пример`` or ``# example``, see ``order_template``) are skipped with an
``example_skipped`` note, never ordered.

The row normalisation (quantities, units, merging of duplicated SKUs, the
line limit) is shared with ``order_file`` through :func:`build_result`.
"""

import re
from collections import namedtuple
from dataclasses import dataclass, field

# one maximum and one check of a quantity for the suite (b2b_portal's kernel)
from odoo.addons.b2b_portal.tools.quantities import (
    MAX_QUANTITY,
    check_quantity,
    to_number,
)

MAX_LINES = 10_000
MAX_TEXT_CHARS = 10 * 1024 * 1024

Row = namedtuple("Row", "line_no key qty unit comment")
Issue = namedtuple("Issue", "line_no code detail", defaults=(None,))
# ``mark``: None, "example" (a template's example row: skipped with a note) or
# "decimal_comma" (an unquoted "2,5" in a comma-separated file without a
# header: refused with that code, the quantity kept as "2,5" for a fix)
RawRow = namedtuple(
    "RawRow", "line_no key qty unit comment mark", defaults=(None, None, None)
)
# a cell starting with one of these marks an example row of a template
EXAMPLE_MARKS = ("# пример", "# example")
# notes of lines left out on purpose (no row, no error): a preview names them
SKIP_NOTES = ("title_skipped", "header_skipped", "example_skipped")


@dataclass
class ParseResult:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    # what the buyer typed on refused lines: {line_no: (key, qty)} as text,
    # so that the preview can show them for a fix in place
    raw: dict = field(default_factory=dict)


def normalize_header(text):
    """``"Кол-во:"`` → ``"кол во"``: lower case, punctuation as spaces."""
    text = str(text or "").casefold().replace("ё", "е")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _headers(*names):
    return frozenset(normalize_header(name) for name in names)


# column headers, Russian and English; the first set that matches wins
KEY_HEADERS = _headers(
    "sku", "артикул", "арт", "код", "код товара", "артикул товара", "article",
    "art", "art no", "item", "item code", "item no", "product code", "code",
    "ref", "reference", "part number", "part no", "vendor code",
)  # fmt: skip
BARCODE_HEADERS = _headers("barcode", "штрихкод", "штрих-код", "ean", "gtin")
QTY_HEADERS = _headers(
    "qty", "quantity", "кол-во", "количество", "кол", "колво", "qty.", "count",
    "кол-во шт", "заказ", "order qty", "amount",
)  # fmt: skip
UNIT_HEADERS = _headers("unit", "uom", "ед", "ед. изм.", "единица", "единица измерения")
COMMENT_HEADERS = _headers(
    "comment", "comments", "note", "notes", "комментарий", "примечание"
)
ALL_HEADERS = KEY_HEADERS | BARCODE_HEADERS | QTY_HEADERS | UNIT_HEADERS
ALL_HEADERS |= COMMENT_HEADERS | _headers("name", "наименование", "название")

# unit words buyers type after a quantity → unit code
UNITS = {
    "pcs": ("шт", "штук", "штука", "штуки", "pcs", "pc", "piece", "pieces", "ea"),
    "box": ("кор", "короб", "коробка", "коробки", "коробок", "box", "boxes"),
    "pack": ("уп", "упак", "упаковка", "упаковки", "упаковок", "pack", "packs"),
    "pallet": ("палл", "пал", "паллета", "паллеты", "паллет", "pallet", "pallets"),
}
UNIT_CODES = {word: code for code, words in UNITS.items() for word in words}

_NUMBER = r"[+-]?(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,]\d+)?"
_QTY_RE = re.compile(rf"^({_NUMBER})\s*([^\W\d_]+\.?)?$")
_TAIL_RE = re.compile(rf"^(.*?)\s+({_NUMBER}(?:\s*[^\W\d_]+\.?)?)$")
_SPACES_RE = re.compile(r"\s{2,}")
_DIGITS_RE = re.compile(r"^\d+(?:\s*[^\W\d_]+\.?)?$")
_QUOTED_RE = re.compile(r'"[^"]*"')


def line_ranges(numbers):
    """``[1, 2, 3, 5]`` → ``"1–3, 5"``: line numbers as a preview says them."""
    spans = []
    for number in sorted(set(numbers)):
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(
        str(first) if first == last else f"{first}–{last}" for first, last in spans
    )


def unit_code(word):
    """``"шт."`` → ``"pcs"``; ``None`` for an unknown word."""
    return UNIT_CODES.get(normalize_header(word))


def parse_qty(value):
    """``(quantity, unit code or None, error code or None)``.

    ``value`` is a cell: a number, or a text such as ``"12"``, ``"12,5"``,
    ``"1 200"`` or ``"12 шт"``.
    """
    if isinstance(value, bool):
        return None, None, "bad_quantity"
    unit = None
    if isinstance(value, int | float):
        number = float(value)
    else:
        match = _QTY_RE.match(str(value).strip())
        if not match:
            return None, None, "bad_quantity"
        if match.group(2):
            unit = unit_code(match.group(2))
            if not unit:
                return None, None, "unknown_unit"
        number = to_number(match.group(1))
    # fractions of whole units are checked once the product is known
    code = check_quantity(number, whole=False)
    if code:
        return None, None, "bad_quantity" if code == "not_a_number" else code
    return (int(number) if number == int(number) else number), unit, None


def is_example(value):
    """A cell marking an example row of a template (``# пример …``)."""
    return isinstance(value, str) and value.strip().casefold().startswith(EXAMPLE_MARKS)


def is_quantity(value):
    return value not in (None, "") and parse_qty(value)[2] in (None, "not_positive")


def key_text(value):
    """A SKU cell as text: ``12345.0`` (a spreadsheet number) → ``"12345"``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _text(value):
    """A cell as the buyer typed it: ``12.0`` → ``"12"``, ``None`` → ``""``."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _row_from_raw(raw):
    """``(Row, None)``, or ``(None, Issue)`` for a refused line; and a note."""
    key = key_text(raw.key)
    if not key:
        return None, Issue(raw.line_no, "missing_key"), None
    if raw.mark == "decimal_comma":
        return None, Issue(raw.line_no, "decimal_comma", _text(raw.qty)), None
    note = None
    if raw.qty is None or (isinstance(raw.qty, str) and not raw.qty.strip()):
        qty, unit, error = 1, None, None
        note = Issue(raw.line_no, "qty_defaulted", key)
    else:
        qty, unit, error = parse_qty(raw.qty)
    if error:
        return None, Issue(raw.line_no, error, str(raw.qty).strip()), None
    raw_unit = (raw.unit or "").strip() if isinstance(raw.unit, str) else raw.unit
    if not unit and raw_unit:
        unit = unit_code(raw_unit)
        if not unit:
            return None, Issue(raw.line_no, "unknown_unit", str(raw_unit)), None
    comment = " ".join(str(raw.comment or "").split())
    return Row(raw.line_no, key, qty, unit, comment), None, note


def build_result(raw_rows, notes=()):
    """Check and merge raw rows (``RawRow``) into a :class:`ParseResult`.

    Duplicated keys (case and spaces ignored) with the same unit are added
    into the first row, with a ``merged`` note whose detail lists the lines.
    More than ``MAX_LINES`` rows refuse the whole input (``too_many_lines``).
    """
    result = ParseResult(notes=list(notes))
    merged = {}  # (key, unit) → [row fields, lines]
    for count, raw in enumerate(raw_rows, 1):
        if count > MAX_LINES:
            return ParseResult(errors=[Issue(raw.line_no, "too_many_lines", MAX_LINES)])
        if raw.mark == "example":
            result.notes.append(Issue(raw.line_no, "example_skipped"))
            continue
        row, error, note = _row_from_raw(raw)
        if note:
            result.notes.append(note)
        if error:
            result.errors.append(error)
            result.raw[raw.line_no] = (key_text(raw.key), _text(raw.qty))
            continue
        ident = (row.key.casefold(), row.unit)
        if ident not in merged:
            merged[ident] = [row._asdict(), [row.line_no]]
            continue
        first, lines = merged[ident]
        first["qty"] += row.qty
        if row.comment and row.comment not in first["comment"]:
            first["comment"] = "; ".join(filter(None, [first["comment"], row.comment]))
        lines.append(row.line_no)
    for values, lines in merged.values():
        if values["qty"] > MAX_QUANTITY:
            result.errors.append(Issue(lines[0], "too_large", values["key"]))
            result.raw[lines[0]] = (values["key"], _text(values["qty"]))
            continue
        result.rows.append(Row(**values))
        if len(lines) > 1:
            result.notes.append(Issue(lines[0], "merged", tuple(lines)))
    result.notes.sort(key=lambda issue: issue.line_no)
    return result


def _split_comma(fields):
    """Comma-separated fields, ``SKU,12,5`` read as a decimal comma."""
    if (
        len(fields) >= 3
        and fields[1].strip().isdigit()
        and fields[1] == fields[1].rstrip()
        and _DIGITS_RE.match(fields[2])
    ):
        fields[1:3] = [fields[1] + "," + fields[2]]
    return fields


def unquote(value):
    """``"ANC-1"`` → ``ANC-1``: a value in double quotes as a plain one
    (``""`` inside stands for one quote)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('""', '"')
    return value


def _split(line, separator):
    """``line`` split on ``separator``, but not inside balanced double
    quotes (an inch mark, ``1/2";5``, leaves the line to a plain split)."""
    if '"' not in line or line.count('"') % 2:
        return line.split(separator)
    fields, current, quoted = [], [], False
    for char in line:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    fields.append("".join(current))
    return fields


def _fields(line):
    """The fields of one line, quotes still on (see :func:`split_line`)."""
    # the separator is looked for outside double quotes: "1 500,5" is a value
    bare = _QUOTED_RE.sub("", line) if line.count('"') % 2 == 0 else line
    for separator in ("\t", "|", ";", ","):
        if separator in bare:
            fields = _split(line, separator)
            return _split_comma(fields) if separator == "," else fields
    if _SPACES_RE.search(line.strip()):
        return _SPACES_RE.split(line.strip())
    match = _TAIL_RE.match(line.strip())
    if match:
        return [match.group(1), match.group(2)]
    return [line]


def split_line(line):
    """The fields of one line, the separator detected on the line itself,
    values in double quotes read as plain ones."""
    return [unquote(field) for field in _fields(line)]


def is_header(fields):
    """A header row: a SKU title first, then only known titles or nothing."""
    names = [normalize_header(f) for f in fields if normalize_header(f)]
    if len(names) == 1 and names[0] not in KEY_HEADERS | BARCODE_HEADERS:
        names = names[0].split()  # "SKU Qty": single spaces
    return (
        bool(names)
        and names[0] in KEY_HEADERS | BARCODE_HEADERS
        and all(name in ALL_HEADERS for name in names[1:])
        and not any(is_quantity(f.strip()) for f in fields)
    )


def _raw_row(line_no, fields):
    fields = [f.strip() for f in fields]
    key, qty = fields[0], fields[1] if len(fields) > 1 else None
    unit = comment = None
    rest = [f for f in fields[2:] if f]
    if rest and unit_code(rest[0]):
        unit = rest.pop(0)
    comment = " ".join(rest) or None
    mark = "example" if any(map(is_example, fields)) else None
    return RawRow(line_no, key, qty, unit, comment, mark)


def parse_order_text(text):
    """Pasted order lines → :class:`ParseResult` (see the module's doc)."""
    text = (text or "").replace("\ufeff", "")
    if len(text) > MAX_TEXT_CHARS:
        return ParseResult(errors=[Issue(0, "text_too_large", MAX_TEXT_CHARS)])
    lines = [
        (line_no, split_line(line))
        for line_no, line in enumerate(text.splitlines(), 1)
        if line.strip()
    ]
    notes = []
    if lines and is_header(lines[0][1]):
        notes.append(Issue(lines.pop(0)[0], "header_skipped"))
    return build_result((_raw_row(n, fields) for n, fields in lines), notes)
