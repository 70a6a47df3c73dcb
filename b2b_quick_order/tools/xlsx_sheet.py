"""The cells of an XLSX workbook's first sheet, streamed; no ORM.

``sheet_rows(data)`` yields ``(row number, cells)`` for each row the sheet
holds, the row number as Excel shows it, the cells a list from column A to
the row's last cell (``None`` where a cell is missing). Values as openpyxl
gives them with ``data_only=True``: text (shared, inline or a formula's
text), ``int`` for a whole number, ``float`` otherwise, ``bool``, and an
error cell's text ("#N/A"). Dates stay serial numbers: an order sheet's
SKU, quantity, unit and comment are never dates.

Why not openpyxl (still used to write the templates): it builds a cell
object with its style per cell, about four times the time of this reader
on a 10,000-line order (``tests/benchmarks/bench_quick_order.py``). The
caller has checked the archive (``order_file.check_xlsx``: declared sizes,
compression ratios, the sheet's dimension) before this reads a byte; the
XML parser resolves no entity, loads no DTD and reaches no network.

Errors: ``zipfile.BadZipFile``, ``KeyError`` (a part missing), ``ValueError``
(a malformed reference or number) and ``lxml.etree.XMLSyntaxError`` (a
``SyntaxError``); the caller refuses the file on any of them.
"""

import io
import posixpath
import re
import string
import zipfile

from lxml import etree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROW = f"{{{MAIN}}}row"
_C = f"{{{MAIN}}}c"
_V = f"{{{MAIN}}}v"
_IS = f"{{{MAIN}}}is"
_T = f"{{{MAIN}}}t"
_SI = f"{{{MAIN}}}si"
_RPH = f"{{{MAIN}}}rPh"  # phonetic runs: not part of the text
_REF_RE = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
_MAX_ROW_DIGITS = 7  # 1048576, Excel's last row
MAX_COLUMN = 16384  # XFD, Excel's last column


def _parser_options():
    return {"resolve_entities": False, "no_network": True, "load_dtd": False}


def column_index(letters):
    """0 for "A", 25 for "Z", 26 for "AA"…"""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    if not 1 <= index <= MAX_COLUMN:
        raise ValueError(f"column {letters}")
    return index - 1


def _text(element):
    """The text of a shared or inline string: its ``<t>`` runs, without the
    phonetic ones."""
    if len(element) == 1:
        # the common case, one plain run: no walk of the subtree
        node = element[0]
        if node.tag == _T and not len(node):
            return node.text or ""
    parts = []
    for node in element.iter(_T, _RPH):
        if node.tag == _RPH:
            continue
        parent = node.getparent()
        if parent is not None and parent.tag == _RPH:
            continue
        parts.append(node.text or "")
    return "".join(parts)


def _first_sheet(archive):
    """The path of the workbook's first sheet, from its relationships."""
    workbook = etree.fromstring(
        archive.read("xl/workbook.xml"), etree.XMLParser(**_parser_options())
    )
    sheet = workbook.find(f"{{{MAIN}}}sheets/{{{MAIN}}}sheet")
    if sheet is None:
        raise KeyError("no sheet")
    rel_id = sheet.get(f"{{{DOC_RELS}}}id")
    rels = etree.fromstring(
        archive.read("xl/_rels/workbook.xml.rels"),
        etree.XMLParser(**_parser_options()),
    )
    for rel in rels.iter(f"{{{RELS}}}Relationship"):
        if rel.get("Id") == rel_id:
            target = rel.get("Target") or ""
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(posixpath.join("xl", target))
    raise KeyError(rel_id)


def _shared_strings(archive):
    try:
        source = archive.open("xl/sharedStrings.xml")
    except KeyError:
        return []
    strings = []
    with source:
        for _event, item in etree.iterparse(source, tag=_SI, **_parser_options()):
            strings.append(_text(item))
            item.clear(keep_tail=True)
    return strings


def _number(text):
    text = text.strip()
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    value = float(text)
    return int(value) if value.is_integer() and "e" not in text.lower() else value


def _child(cell, tag):
    """The first child ``tag`` of ``cell`` (a cell has one to three
    children: a loop is faster than ``find``, which parses its path)."""
    for child in cell:
        if child.tag == tag:
            return child
    return None


def _value(cell, strings):
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = _child(cell, _IS)
        return None if inline is None else _text(inline)
    value = _child(cell, _V)
    if value is None:
        return None
    value = value.text or ""
    if kind == "s":
        return strings[int(value)]
    if kind in ("str", "e"):
        return value
    if not value.strip():
        return None  # a formula never computed (no cached value)
    if kind == "b":
        return value.strip() == "1"
    return _number(value)


def _cell_column(ref, columns):
    """The column index of the cell reference ``ref`` ("C12" → 2);
    ``columns`` caches the letters' indexes, a sheet has few columns."""
    letters = ref.rstrip(string.digits)
    index = columns.get(letters)
    if index is None or not 0 < len(ref) - len(letters) <= _MAX_ROW_DIGITS:
        match = _REF_RE.match(ref)
        if not match:
            raise ValueError(f"cell {ref}")
        index = columns[letters] = column_index(letters)
    return index


def sheet_rows(data):
    """``(row number, cells)`` of the first sheet of the XLSX ``data``."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    strings = _shared_strings(archive)
    columns = {}
    with archive.open(_first_sheet(archive)) as sheet:
        previous = 0
        for _event, row in etree.iterparse(sheet, tag=_ROW, **_parser_options()):
            number = int(row.get("r") or previous + 1)
            previous = number
            cells = []
            for cell in row.iterchildren(_C):
                ref = cell.get("r")
                index = _cell_column(ref, columns) if ref else len(cells)
                if index != len(cells):
                    if index < len(cells):
                        raise ValueError(f"cell {ref} out of order")
                    cells.extend([None] * (index - len(cells)))
                cells.append(_value(cell, strings))
            row.clear(keep_tail=True)
            # the rows already read are dropped too, not only their cells
            while row.getprevious() is not None:
                del row.getparent()[0]
            yield number, cells
