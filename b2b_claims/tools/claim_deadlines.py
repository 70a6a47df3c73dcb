"""Deadlines of a claim, no ORM.

The service deadline counts working days (``non_working`` holds the dates of
weekends and public holidays of the company's calendar) from the day after
the claim was submitted; the days the claim waited for the buyer do not
count. The legal deadline counts calendar days and does not pause.
"""

import datetime

DAY = datetime.timedelta(days=1)


def add_working_days(start, days, non_working):
    """The date ``days`` working days after ``start`` (a date)."""
    current = start
    left = days
    while left > 0:
        current += DAY
        if current not in non_working:
            left -= 1
    return current


def working_days_between(start, end, non_working):
    """Working days in (start, end]: 0 when ``end`` is not after ``start``."""
    count = 0
    current = start
    while current < end:
        current += DAY
        if current not in non_working:
            count += 1
    return count


def service_deadline(submitted, days, paused_days, non_working):
    """The service deadline: ``days`` working days after ``submitted`` plus
    the working days spent waiting for the buyer (``paused_days``)."""
    if not submitted:
        return None
    return add_working_days(submitted, days + paused_days, non_working)


def legal_deadline(submitted, days=30):
    if not submitted:
        return None
    return submitted + datetime.timedelta(days=days)


def deadline_color(deadline, today, warn_days=2):
    """ "danger" when overdue, "warning" within ``warn_days``, else
    "success"; "" without a deadline."""
    if not deadline:
        return ""
    if deadline < today:
        return "danger"
    if (deadline - today).days <= warn_days:
        return "warning"
    return "success"
