"""Participant lists as CSV and XLSX files, with the event's own questions as columns.

Names and organisations come from a public form, so a value such as
`=HYPERLINK(...)` must stay text when a spreadsheet opens the file: CSV cells
that a spreadsheet would take for a formula get a leading apostrophe (OWASP's
advice against CSV injection), and XLSX cells are written as typed strings.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from samspil.core.i18n import localize
from samspil.events.models import Event
from samspil.registrations.models import Question, QuestionKind, Registration

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATETIME_FORMAT = "%Y-%m-%d %H:%M"

Value = str | datetime | None


def participant_header(event: Event, questions: list[Question]) -> list[str]:
    return [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Role"),
        _("Municipality or region"),
        _("Site"),
        _("Status"),
        _("Registered"),
        _("Checked in"),
        _("Ticket code"),
        _("Language"),
        *(localize(question.label, event.original_language) for question in questions),
    ]


def _answer(question: Question, registration: Registration) -> str:
    answer = registration.answers.get(str(question.pk), "")
    if question.kind == QuestionKind.YES_NO and answer:
        return {"yes": _("Yes"), "no": _("No")}.get(answer, answer)
    return str(answer)


def participant_rows(
    event: Event, questions: list[Question], registrations: Iterable[Registration]
) -> Iterator[list[Value]]:
    """One row per registration; times in the event's zone, without the zone (spreadsheets
    know none)."""
    zone = event.zone

    def local(value: datetime | None) -> datetime | None:
        return value.astimezone(zone).replace(tzinfo=None, microsecond=0) if value else None

    for registration in registrations:
        yield [
            registration.name,
            registration.email,
            registration.organisation,
            registration.get_role_category_display(),
            registration.municipality,
            localize(registration.site.name, event.original_language) if registration.site else "",
            registration.get_status_display(),
            local(registration.created_at),
            local(registration.checked_in_at),
            registration.ticket_code,
            registration.language,
            *(_answer(question, registration) for question in questions),
        ]


def _csv_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(DATETIME_FORMAT)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def participants_csv(header: list[str], rows: Iterable[list[Value]]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel reads æ, ø and å correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_csv_text(value) for value in header])
    for row in rows:
        writer.writerow([_csv_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def participants_xlsx(header: list[str], rows: Iterable[list[Value]], *, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    # Excel refuses sheet titles over 31 characters or with []:*?/\ in them.
    sheet = workbook.create_sheet(title="".join(c for c in title if c not in "[]:*?/\\")[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def cell(value: Value, *, font: Font | None = None) -> WriteOnlyCell:
        result = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            result.data_type = "s"  # never a formula, whatever the text starts with
        elif isinstance(value, datetime):
            result.number_format = "yyyy-mm-dd hh:mm"
        if font:
            result.font = font
        return result

    sheet.append([cell(value, font=bold) for value in header])
    for row in rows:
        sheet.append([cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
