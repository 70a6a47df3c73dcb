"""The reconciliation act (акт сверки взаимных расчётов) as one plain
structure, computed once and rendered twice (the QWeb PDF and the XLSX of
``recon_xlsx.py``), so that their figures cannot differ. No ORM: the caller
passes the opening balance and one row per accounting document of the
period, as read from the entity's receivable move lines.

Signs are the supplier's: a positive balance is the buyer's debt to the
supplier (debit of the receivable account), a negative one the supplier's
debt to the buyer (an advance, an unused refund). Amounts are ``Decimal``
rounded to the kopeck, so that the turnovers and the closing balance are
exact sums of what the books hold.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def money(value):
    """``value`` (a float from the ORM, an int, a string) as kopecks."""
    if isinstance(value, Decimal):
        return value.quantize(CENT, ROUND_HALF_UP)
    return Decimal(str(value or 0)).quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True)
class Party:
    """One side of the act: its name and INN / KPP, as printed."""

    name: str
    vat: str = ""
    kpp: str = ""


@dataclass(frozen=True)
class ActLine:
    """One accounting document of the period: a sale (debit), a payment or
    a refund (credit)."""

    date: datetime.date
    kind: str  # "sale", "refund", "payment", "other"
    reference: str
    debit: Decimal = ZERO
    credit: Decimal = ZERO


@dataclass(frozen=True)
class ReconciliationAct:
    supplier: Party
    buyer: Party
    date_from: datetime.date
    date_to: datetime.date
    currency: str
    opening: Decimal
    lines: tuple = field(default_factory=tuple)

    @property
    def debit_turnover(self):
        return sum((line.debit for line in self.lines), ZERO)

    @property
    def credit_turnover(self):
        return sum((line.credit for line in self.lines), ZERO)

    @property
    def closing(self):
        return self.opening + self.debit_turnover - self.credit_turnover

    @property
    def opening_debit(self):
        return max(self.opening, ZERO)

    @property
    def opening_credit(self):
        return max(-self.opening, ZERO)

    @property
    def closing_debit(self):
        return max(self.closing, ZERO)

    @property
    def closing_credit(self):
        return max(-self.closing, ZERO)

    @property
    def creditor(self):
        """Who the closing balance is owed to: "supplier", "buyer" or ""
        (no debt)."""
        if self.closing > 0:
            return "supplier"
        if self.closing < 0:
            return "buyer"
        return ""

    def figures(self):
        """The act's figures as one flat dict (what the PDF and the XLSX
        print): the tests compare the two renderings with it."""
        return {
            "opening_debit": self.opening_debit,
            "opening_credit": self.opening_credit,
            "debit_turnover": self.debit_turnover,
            "credit_turnover": self.credit_turnover,
            "closing_debit": self.closing_debit,
            "closing_credit": self.closing_credit,
        }


def build_act(supplier, buyer, date_from, date_to, currency, opening, rows):
    """The act of ``rows``: ``(date, kind, reference, debit, credit)`` in
    any order; they are sorted by date, then as given."""
    lines = tuple(
        ActLine(date, kind, reference, money(debit), money(credit))
        for date, kind, reference, debit, credit in sorted(rows, key=lambda row: row[0])
    )
    return ReconciliationAct(
        supplier, buyer, date_from, date_to, currency, money(opening), lines
    )


def move_kind(move_type, debit, credit):
    """What a receivable move is, for the act's "document" column."""
    if move_type in ("out_invoice", "out_receipt"):
        return "sale"
    if move_type == "out_refund":
        return "refund"
    return "payment" if credit > debit else "other"


# -- periods ---------------------------------------------------------------------
class PeriodError(ValueError):
    """A period the buyer asked for that is not one: ``code`` says why
    ("year", "quarter", "dates", "order", "future", "long")."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


MAX_DAYS = 3 * 366 + 1


def quarter_period(year, quarter):
    first_month = 3 * (quarter - 1) + 1
    last_month = first_month + 2
    return (
        datetime.date(year, first_month, 1),
        datetime.date(year, last_month, calendar.monthrange(year, last_month)[1]),
    )


def parse_period(
    kind, year=None, quarter=None, date_from=None, date_to=None, today=None
):
    """The ``(first day, last day)`` of the period a form asked for: a
    quarter of a year, a year, or custom ISO dates. Raises ``PeriodError``."""
    today = today or datetime.date.today()
    if kind in ("quarter", "year"):
        try:
            year = int(year)
        except (TypeError, ValueError):
            raise PeriodError("year") from None
        if not 2000 <= year <= today.year:
            raise PeriodError("year")
        if kind == "year":
            start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        else:
            try:
                quarter = int(quarter)
            except (TypeError, ValueError):
                raise PeriodError("quarter") from None
            if quarter not in (1, 2, 3, 4):
                raise PeriodError("quarter")
            start, end = quarter_period(year, quarter)
    elif kind == "custom":
        try:
            start = datetime.date.fromisoformat(str(date_from or ""))
            end = datetime.date.fromisoformat(str(date_to or ""))
        except ValueError:
            raise PeriodError("dates") from None
        if end < start:
            raise PeriodError("order")
        if (end - start).days > MAX_DAYS:
            raise PeriodError("long")
    else:
        raise PeriodError("dates")
    if start > today:
        raise PeriodError("future")
    return start, end
