"""Dates as a Russian form prints them; no ORM."""

MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def long_date(date):
    """2 декабря 2026 г."""
    if not date:
        return ""
    return f"{date.day} {MONTHS_GENITIVE[date.month - 1]} {date.year} г."


def short_date(date):
    """02.12.2026"""
    return date.strftime("%d.%m.%Y") if date else ""
