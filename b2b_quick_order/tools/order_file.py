"""Order files uploaded by buyers: CSV, XLSX, XLS → rows, no ORM.

``read_order_file(filename, data)`` returns the :class:`ParseResult` of
``order_text``, built by the same :func:`build_result` (quantities, units,
merging, line limit). A refused file gives no rows and one error, line 0:

``empty``, ``file_too_large``, ``unsupported_format``, ``wrong_format`` (the
content does not match the extension), ``encrypted``, ``archive_bomb``,
``too_many_lines``.

The guards run on the bytes before any parser: the size, the magic number,
for XLSX the zip's directory (declared sizes and compression ratios, which
``zipfile`` enforces when reading) and the ``<dimension>`` at the head of each
sheet. Nothing bigger than ``MAX_FILE_BYTES`` is ever read.
"""

import csv
import io
import re
import struct
import zipfile

from .order_text import (
    BARCODE_HEADERS,
    COMMENT_HEADERS,
    KEY_HEADERS,
    MAX_LINES,
    QTY_HEADERS,
    UNIT_HEADERS,
    Issue,
    ParseResult,
    RawRow,
    build_result,
    is_example,
    is_quantity,
    key_text,
    normalize_header,
    parse_order_text,
    unit_code,
)
from .xlsx_sheet import sheet_rows

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_MEMBERS = 1000
HEADER_SCAN_ROWS = 10  # title rows tolerated above the header
GUESS_SCAN_ROWS = 20  # rows read to guess the quantity column

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
CSV_DELIMITERS = ("\t", ";", "|", ",")
FORMATS = {"csv": "csv", "txt": "csv", "xlsx": "xlsx", "xlsm": "xlsx", "xls": "xls"}

_DIMENSION_RE = re.compile(
    rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]*(\d*)(?::[A-Z]*(\d+))?\"", re.IGNORECASE
)


# what a broken file makes the readers raise, besides their own errors
BROKEN = (KeyError, IndexError, ValueError, TypeError, OSError, EOFError)


class FileRefused(Exception):
    """The file is refused as a whole; ``code`` says why."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def refused(code):
    return ParseResult(errors=[Issue(0, code)])


def read_order_file(filename, data):
    """An uploaded file → :class:`ParseResult` (see the module's doc)."""
    if not data:
        return refused("empty")
    if len(data) > MAX_FILE_BYTES:
        return refused("file_too_large")
    name = filename or ""
    kind = FORMATS.get(name.rpartition(".")[2].lower() if "." in name else "")
    if not kind:
        return refused("unsupported_format")
    reader = {"csv": _read_csv, "xlsx": _read_xlsx, "xls": _read_xls}[kind]
    try:
        return reader(data)
    except FileRefused as refusal:
        return refused(refusal.code)


# guards ---------------------------------------------------------------------


def _check_ole(data):
    """An OLE2 file: refused when it is an encrypted (OOXML) workbook."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise FileRefused("encrypted")


def check_xlsx(data):
    """Refuse a zip that is no workbook, a bomb or a sheet claiming too much."""
    if data.startswith(OLE_MAGIC):
        _check_ole(data)  # Excel saves a password-protected XLSX as OLE2
        raise FileRefused("wrong_format")
    if not data.startswith(ZIP_MAGIC):
        raise FileRefused("wrong_format")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as error:
        raise FileRefused("wrong_format") from error
    names = {member.filename for member in members}
    if not {"[Content_Types].xml", "xl/workbook.xml"} <= names:
        raise FileRefused("wrong_format")
    total = sum(member.file_size for member in members)
    if len(members) > MAX_ZIP_MEMBERS or total > MAX_UNCOMPRESSED_BYTES:
        raise FileRefused("archive_bomb")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > MAX_COMPRESSION_RATIO:
            raise FileRefused("archive_bomb")
    for member in members:
        if member.filename.startswith("xl/worksheets/") and _sheet_rows(
            archive, member
        ) > (MAX_LINES + HEADER_SCAN_ROWS):
            raise FileRefused("too_many_lines")


def _sheet_rows(archive, member):
    """Rows a sheet claims in its ``<dimension>``, read from its first 4 KB."""
    try:
        with archive.open(member) as sheet:
            head = sheet.read(4096)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
        raise FileRefused("wrong_format") from error
    match = _DIMENSION_RE.search(head)
    if not match:
        return 0
    first, last = match.group(1), match.group(2) or match.group(1)
    return int(last or 0) - int(first or 1) + 1


# readers --------------------------------------------------------------------


def _decode(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


def sniff_delimiter(lines):
    """The delimiter found on most sample lines (tab, ``;``, ``|``, ``,``)."""
    sample = [line for line in lines[:GUESS_SCAN_ROWS] if line.strip()]
    best, best_count = None, 0
    for delimiter in CSV_DELIMITERS:
        count = sum(delimiter in line for line in sample)
        if count > best_count:
            best, best_count = delimiter, count
    return best


def _read_csv(data):
    head = data[:8192]
    if head.startswith((ZIP_MAGIC, OLE_MAGIC, b"%PDF")) or b"\x00" in head:
        raise FileRefused("wrong_format")
    text = _decode(data)
    lines = text.splitlines()
    delimiter = sniff_delimiter(lines)
    if not delimiter:
        return parse_order_text(text)  # one column, or space-separated
    table = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True
    )
    rows = ((number, row) for number, row in enumerate(table, 1))
    return table_result(rows, decimal_comma=delimiter == ",")


def _read_xlsx(data):
    check_xlsx(data)
    broken = (zipfile.BadZipFile, SyntaxError) + BROKEN
    try:
        # streamed (tools/xlsx_sheet.py), so parsed as table_result reads it
        return table_result(sheet_rows(data))
    except broken as error:
        raise FileRefused("wrong_format") from error


def _read_xls(data):
    if not data.startswith(OLE_MAGIC):
        raise FileRefused("wrong_format")
    _check_ole(data)
    import xlrd  # noqa: PLC0415 - external dependency, loaded when needed

    broken = (xlrd.compdoc.CompDocError, AssertionError, struct.error) + BROKEN
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
        sheet = book.sheet_by_index(0)
    except xlrd.XLRDError as error:
        code = "encrypted" if "encrypt" in str(error).lower() else "wrong_format"
        raise FileRefused(code) from error
    except broken as error:
        raise FileRefused("wrong_format") from error
    try:
        if sheet.nrows > MAX_LINES + HEADER_SCAN_ROWS:
            raise FileRefused("too_many_lines")
        rows = ((number + 1, sheet.row_values(number)) for number in range(sheet.nrows))
        return table_result(rows)
    finally:
        book.release_resources()


# a table (rows of cells) → ParseResult ---------------------------------------


def _is_blank(cell):
    return cell is None or (isinstance(cell, str) and not cell.strip())


def find_columns(cells):
    """``{"key": i, "qty": j, …}`` when ``cells`` is a header row, else None.

    Merged header cells come as one value and empty cells: empty cells are
    ignored. A SKU column is preferred to a barcode column. A row holding a
    quantity (``SKU,2,5,шт``: a SKU named "SKU") is no header.
    """
    if any(is_quantity(cell) for cell in cells if not _is_blank(cell)):
        return None
    names = [normalize_header(cell) if isinstance(cell, str) else "" for cell in cells]
    columns = {}
    for role, headers in (
        ("key", KEY_HEADERS),
        ("barcode", BARCODE_HEADERS),
        ("qty", QTY_HEADERS),
        ("unit", UNIT_HEADERS),
        ("comment", COMMENT_HEADERS),
    ):
        found = [index for index, name in enumerate(names) if name in headers]
        if found:
            columns[role] = found[0]
    if "key" not in columns and "barcode" in columns:
        columns["key"] = columns["barcode"]
    return columns if "key" in columns else None


def guess_columns(sample):
    """No header: the SKU in the first column, the quantity in the first
    column (after it) holding numbers on most sample rows, and a unit in the
    column after the quantity when it holds unit words on most rows."""
    width = max((len(cells) for _number, cells in sample), default=0)

    def filled(index):
        values = [cells[index] for _number, cells in sample if index < len(cells)]
        return [value for value in values if not _is_blank(value)]

    for index in range(1, width):
        values = filled(index)
        if values and sum(map(is_quantity, values)) * 2 > len(values):
            units = filled(index + 1)
            if units and sum(bool(unit_code(str(u))) for u in units) * 2 > len(units):
                return {"key": 0, "qty": index, "unit": index + 1}
            return {"key": 0, "qty": index}
    return {"key": 0}


def _cell(cells, index):
    if index is None or index >= len(cells):
        return None
    return cells[index]


def _width(cells):
    """The number of cells up to the last filled one."""
    filled = [index for index, cell in enumerate(cells) if not _is_blank(cell)]
    return filled[-1] + 1 if filled else 0


def _decimal_comma(cells, columns, width):
    """``(cells, mark)``: an unquoted ``2,5`` in a comma-separated file comes
    as two cells ``2`` and ``5``. With a header (``width``: its number of
    columns), a row one cell longer holding them is read as ``2,5`` (the
    cells after it shifted back); without one, the row is marked
    ``decimal_comma`` (refused, with what was read), never guessed."""
    index = columns.get("qty")
    qty, following = (
        _cell(cells, index),
        _cell(cells, None if index is None else index + 1),
    )
    if not (
        isinstance(qty, str)
        and qty.isdigit()
        and isinstance(following, str)
        and following.isdigit()
    ):
        return cells, None
    joined = cells[:index] + [f"{qty},{following}"] + cells[index + 2 :]
    if width:
        return (joined, None) if _width(cells) == width + 1 else (cells, None)
    if len(cells) > max(columns.values()) + 1:
        return joined, "decimal_comma"
    return cells, None


def _raw_row(number, cells, columns, decimal_comma, width=0):
    mark = "example" if any(map(is_example, cells)) else None
    if decimal_comma and mark is None:
        cells, mark = _decimal_comma(cells, columns, width)
    qty = _cell(cells, columns.get("qty"))
    qty = None if _is_blank(qty) else qty
    unit, comment = (
        _cell(cells, columns.get("unit")),
        _cell(cells, columns.get("comment")),
    )
    return RawRow(
        number,
        key_text(_cell(cells, columns["key"])),
        qty,
        unit,
        key_text(comment),
        mark,
    )


def _is_title(cells):
    """A row above the header that is no order line: no cell holds a
    quantity (``Заказ ООО «Ромашка» от 01.12.2026``)."""
    return not any(is_quantity(cell) for cell in cells[1:] if not _is_blank(cell))


def table_result(rows, decimal_comma=False):
    """Rows ``(line_no, cells)`` of a sheet or a CSV → :class:`ParseResult`.

    The header is looked for in the first non-blank rows; without one, the
    columns are guessed. Rows above the header are read as order lines (by
    columns guessed on them) unless they are titles, which are skipped with
    a ``title_skipped`` note each: no line is ever dropped unsaid.
    """
    rows = ((number, list(cells)) for number, cells in rows)
    rows = ((n, cells) for n, cells in rows if not all(map(_is_blank, cells)))
    head, notes, columns = [], [], None
    for number, cells in rows:
        head.append((number, cells))
        columns = find_columns(cells)
        if columns or len(head) >= max(HEADER_SCAN_ROWS, GUESS_SCAN_ROWS):
            break
    width = 0
    above, above_columns = [], None
    if columns:
        header_no, header = head.pop()
        width = _width(header)
        for number, cells in head:
            if _is_title(cells):
                notes.append(Issue(number, "title_skipped"))
            else:
                above.append((number, cells))
        notes.append(Issue(header_no, "header_skipped"))
        above_columns = guess_columns(above)
        head = []
    else:
        columns = guess_columns(head)

    def raw_rows():
        for number, cells in above:
            yield _raw_row(number, cells, above_columns, decimal_comma)
        for source in (head, rows):
            for number, cells in source:
                yield _raw_row(number, cells, columns, decimal_comma, width)

    return build_result(raw_rows(), notes)
