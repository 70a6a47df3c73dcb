"""Order templates and cart exports: rows → XLSX or CSV bytes, no ORM.

A :class:`TemplateRow` is ``(sku, name, qty, unit, customer_code, comment)``.
The files carry one header row whose titles ``order_file`` recognises
(``Артикул``, ``Кол-во``, ``Ед. изм.``, ``Комментарий``), so a file written
here is read back by :func:`~.order_file.read_order_file` into the same keys,
quantities, units and comments: a buyer downloads a template or a cart,
edits it offline and uploads it again. The name and the customer code are
for the reader only; they are not read back.

- XLSX: openpyxl in write-only mode (rows are streamed, never held as a
  sheet of cell objects); the order sheet comes first, because only the
  first sheet is read back. An optional second sheet lists reference rows
  (the entity's customer codes). Text is always written as text, never as a
  formula.
- CSV: UTF-8 with a BOM and ``;`` as delimiter, what Russian Excel opens by
  a double click; quantities with a decimal comma. A name, customer code or
  comment starting with ``= + - @`` gets a leading apostrophe, so that Excel
  never runs it as a formula (CSV injection, OWASP); the SKU is written as
  is, since it is what the file is read back by.

``unit`` is a unit code of ``order_text.UNITS`` (``pcs``, ``box``…) or empty;
it is written as its Russian word (``шт``), which the parser maps back.

A row with ``example`` set is an example of the template: its comment is
written after the mark ``# пример``, by which the parser skips the row with
a note, so that an example left in the file is never ordered by accident.
"""

import csv
import io
from collections import namedtuple

from .order_text import EXAMPLE_MARKS, MAX_LINES

TemplateRow = namedtuple(
    "TemplateRow",
    "sku name qty unit customer_code comment example",
    defaults=("", "", False),
)
EXAMPLE_MARK = EXAMPLE_MARKS[0]

HEADER = ("Артикул", "Наименование", "Кол-во", "Ед. изм.", "Код клиента", "Комментарий")
CODES_HEADER = ("Код клиента", "Артикул", "Наименование", "Ед. изм.")
ORDER_SHEET = "Заказ"
CODES_SHEET = "Коды клиента"
# unit code → the word written in the file (read back by order_text.unit_code)
UNIT_WORDS = {"pcs": "шт", "box": "кор", "pack": "уп", "pallet": "палл"}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class TooManyRows(ValueError):
    """More rows than an order file may hold (``order_text.MAX_LINES``)."""


def unit_word(unit):
    return UNIT_WORDS.get(unit or "", "")


def _qty(qty):
    """A quantity as a number: ``3.0`` → ``3``; empty stays empty."""
    if qty in (None, ""):
        return None
    qty = float(qty)
    return int(qty) if qty.is_integer() else qty


def _text(value):
    """One line of text: tabs and line breaks would split a CSV row."""
    return " ".join(str(value or "").split())


def _comment(row):
    comment = _text(row.comment)
    if row.example:
        return f"{EXAMPLE_MARK} — {comment}" if comment else EXAMPLE_MARK
    return comment


def _cells(row):
    return (
        _text(row.sku),
        _text(row.name),
        _qty(row.qty),
        unit_word(row.unit),
        _text(row.customer_code),
        _comment(row),
    )


def _check(rows):
    rows = list(rows)
    if len(rows) > MAX_LINES:
        raise TooManyRows(len(rows))
    return rows


# XLSX -----------------------------------------------------------------------


def _text_cell(sheet, value):
    """A cell holding ``value`` as text even when it starts with ``=``."""
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text, not a formula
    return cell


def _append(sheet, values, bold=None):
    cells = [_text_cell(sheet, value) for value in values]
    if bold:
        for cell in cells:
            cell.font = bold
    sheet.append(cells)


def rows_to_xlsx(rows, codes=()):
    """``rows`` (:class:`TemplateRow`) → XLSX bytes; ``codes`` — rows
    ``(customer_code, sku, name, unit)`` — go to a second sheet."""
    import openpyxl  # noqa: PLC0415 - external dependency, loaded when needed
    from openpyxl.styles import Font  # noqa: PLC0415

    rows = _check(rows)
    codes = _check(codes)
    workbook = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    sheet = workbook.create_sheet(ORDER_SHEET)
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 48
    sheet.column_dimensions["E"].width = 16
    sheet.column_dimensions["F"].width = 30
    _append(sheet, HEADER, bold)
    for row in rows:
        _append(sheet, _cells(row))
    if codes:
        reference = workbook.create_sheet(CODES_SHEET)
        reference.column_dimensions["A"].width = 18
        reference.column_dimensions["B"].width = 18
        reference.column_dimensions["C"].width = 48
        _append(reference, CODES_HEADER, bold)
        for code, sku, name, unit in codes:
            _append(reference, (_text(code), _text(sku), _text(name), unit_word(unit)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# CSV ------------------------------------------------------------------------


def _csv_qty(qty):
    return "" if qty is None else str(qty).replace(".", ",")


def _defused(text):
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def rows_to_csv(rows):
    """``rows`` (:class:`TemplateRow`) → CSV bytes (UTF-8 with BOM, ``;``)."""
    rows = _check(rows)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        sku, name, qty, unit, code, comment = _cells(row)
        writer.writerow(
            (
                sku,
                _defused(name),
                _csv_qty(qty),
                unit,
                _defused(code),
                _defused(comment),
            )
        )
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
