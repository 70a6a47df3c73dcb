"""The debt report of a legal entity as one plain structure: its open
invoices with due dates, days overdue and aging buckets, the credit limit
and what is left of it. No ORM: the caller passes the open receivable items
(``residual`` > 0: invoices still to be paid; < 0: payments and credits not
allocated yet). Rendered by the QWeb PDF and ``recon_xlsx.py`` alike.
"""

import datetime
from dataclasses import dataclass, field

from .reconciliation import ZERO, money

#: (key, first day overdue, last day overdue or None): "0–30" holds what is
#: not due yet or at most 30 days overdue.
BUCKETS = (
    ("0_30", 0, 30),
    ("31_60", 31, 60),
    ("61_90", 61, 90),
    ("over_90", 91, None),
)


def days_overdue(due_date, today):
    """Whole days past ``due_date``; 0 on the due date and before it."""
    return max((today - due_date).days, 0)


def bucket_of(days):
    """The key of the aging bucket of ``days`` overdue."""
    for key, first, last in BUCKETS:
        if days >= first and (last is None or days <= last):
            return key
    raise ValueError(days)


@dataclass(frozen=True)
class DebtItem:
    reference: str
    date: datetime.date
    due_date: datetime.date
    amount: object  # Decimal: the document's total on the receivable
    residual: object  # Decimal: what is still open
    days_overdue: int
    bucket: str


@dataclass(frozen=True)
class DebtReport:
    entity: str
    date: datetime.date
    currency: str
    items: tuple = field(default_factory=tuple)
    unallocated: object = ZERO  # Decimal, <= 0: payments not set against invoices
    credit_limit: object = None  # Decimal, or None: no limit

    @property
    def invoiced_open(self):
        return sum((item.residual for item in self.items), ZERO)

    @property
    def total(self):
        """The debt: open invoices less unallocated payments."""
        return self.invoiced_open + self.unallocated

    @property
    def overdue(self):
        """What is past due, less the unallocated payments (they will be set
        against the oldest invoices): never more than the debt."""
        past_due = sum(
            (item.residual for item in self.items if item.days_overdue > 0), ZERO
        )
        return max(min(past_due + self.unallocated, self.total), ZERO)

    def buckets(self):
        """``{bucket key: open amount}``, every bucket present."""
        totals = {key: ZERO for key, _first, _last in BUCKETS}
        for item in self.items:
            totals[item.bucket] += item.residual
        return totals

    @property
    def credit_left(self):
        """What is left of the credit limit (negative: exceeded), or None."""
        if self.credit_limit is None:
            return None
        return self.credit_limit - max(self.total, ZERO)


def build_debt_report(entity, today, currency, rows, credit_limit=None):
    """``rows``: ``(reference, date, due date, amount, residual)`` of every
    open receivable item; positive residuals are invoices, negative ones
    unallocated payments. Items are sorted by due date."""
    items, unallocated = [], ZERO
    for reference, date, due_date, amount, residual in rows:
        residual = money(residual)
        if residual < 0:
            unallocated += residual
            continue
        if not residual:
            continue
        due_date = due_date or date
        days = days_overdue(due_date, today)
        items.append(
            DebtItem(
                reference,
                date,
                due_date,
                money(amount),
                residual,
                days,
                bucket_of(days),
            )
        )
    items.sort(key=lambda item: (item.due_date, item.reference))
    return DebtReport(
        entity,
        today,
        currency,
        tuple(items),
        unallocated,
        None if not credit_limit else money(credit_limit),
    )
