"""What a buyer types in the catalog search, as terms to look up; no ORM.

``parse_search(text)`` returns a :class:`CatalogSearch`:

- The text is split into terms at spaces, new lines, semicolons and commas.
  A comma with a digit before it and one to three digits after it is a
  decimal comma ("3,5×25", "1,25"), not a separator; "4607001000018,46070..."
  are two barcodes.
- Sizes are written the same way as in the product names: "6x40", "6X40",
  "6х40" (Cyrillic), "6*40" and "6 x 40" all become "6×40" (only between
  digits, so "box" stays "box").
- **A list of codes**: two or more terms that each look like a SKU or a
  barcode (ASCII letters, digits and ``-._/``, at least one digit, at least
  four characters: "SCR-01001", "4607001000018"). Each term is one code; a
  product matches if its SKU or barcode *is* one of them (case-insensitive).
  A list in which no code is found exactly is searched again as parts of
  SKUs ("SCR-010 ANC-020": any SKU containing one), then as words.
- **Words** otherwise: every term must be found, as a substring, in the name
  or in the SKU of a product ("болт 6x40 цинк"); a single term also matches a
  barcode exactly.

``like_pattern(term)`` escapes ``%``, ``_`` and ``\\`` so that an ILIKE sees
them as plain characters (as Odoo's ``odoo.tools.sql.escape_psql``).
"""

import re
from dataclasses import dataclass

MAX_TERMS = 50
MIN_CODE_LENGTH = 4

# x, X, Cyrillic х/Х, * and × between two digits, with optional spaces
_TIMES_RE = re.compile(r"(?<=\d)\s*[xXхХ*×]\s*(?=\d)")
# separators: white space, semicolons, and commas that are not decimal commas
# (a decimal comma has a digit before it and one to three digits after it)
_SPLIT_RE = re.compile(r"[\s;]+|,(?!\d{1,3}(?!\d))|(?<!\d),")
_CODE_RE = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9._/-]*$")


@dataclass(frozen=True)
class CatalogSearch:
    """``terms``: the normalized terms, in order, without duplicates;
    ``codes``: True for a list of SKUs or barcodes (OR of exact codes),
    False for words (AND of substrings); ``dropped``: how many terms beyond
    :data:`MAX_TERMS` were left out."""

    terms: tuple
    codes: bool = False
    dropped: int = 0


def normalize(text):
    """``text`` with its size signs written as "×"."""
    return _TIMES_RE.sub("×", text or "")


def split_terms(text):
    """The terms of ``text``, normalized, in order, duplicates removed
    (case-insensitive)."""
    seen, terms = set(), []
    for term in _SPLIT_RE.split(normalize(text)):
        term = term.strip(",")
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return terms


def looks_like_code(term):
    """Whether ``term`` may be a SKU or a barcode."""
    return len(term) >= MIN_CODE_LENGTH and bool(_CODE_RE.match(term))


def parse_search(text):
    """The :class:`CatalogSearch` of what the buyer typed."""
    terms = split_terms(text)
    dropped = max(len(terms) - MAX_TERMS, 0)
    terms = tuple(terms[:MAX_TERMS])
    codes = len(terms) > 1 and all(looks_like_code(term) for term in terms)
    return CatalogSearch(terms=terms, codes=codes, dropped=dropped)


def like_pattern(term):
    """``term`` for an ILIKE, with its wildcards taken literally."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
