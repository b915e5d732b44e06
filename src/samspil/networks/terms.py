"""Dates of membership terms and pairing periods: plain date arithmetic."""

import calendar
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end(starts_on: date, months: int) -> date:
    """The last day of a term of `months` months that starts on `starts_on`."""
    return add_months(starts_on, months) - timedelta(days=1)


def quarter_of(day: date) -> tuple[str, date, date]:
    """The quarter `day` falls in: its label ("2026 Q1"), first and last day."""
    index = (day.month - 1) // 3
    first = date(day.year, 3 * index + 1, 1)
    return f"{day.year} Q{index + 1}", first, add_months(first, 3) - timedelta(days=1)
