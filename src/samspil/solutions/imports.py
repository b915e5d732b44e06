"""CSV import of existing case lists, with a preview; CSV and JSON export.

Why not django-import-export: its dry-run preview lives in the admin and maps one
column to one model field. Our rows carry text in a named language (an i18n field),
a status history, several many-to-many lists and lookups by name or slug, and the
preview must name each bad row and field in the visitor's language. A small parser
with one validation function per row does that in fewer lines than the adapters.

Nothing is saved before the preview is accepted: the upload is staged as an
`ImportBatch` (text and SHA-256 checksum). Accepting re-reads and re-checks the
staged text, and saves all rows in one transaction, or none.
"""

import csv
import datetime
import hashlib
import io
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samspil.core.i18n import LANGUAGE_CODES, localize
from samspil.people.models import Organisation, Person
from samspil.registrations.exports import FORMULA_STARTS
from samspil.solutions import services
from samspil.solutions.models import (
    FIRST_YEAR,
    LAST_YEAR,
    ImportBatch,
    Initiator,
    PolicyArea,
    Solution,
    SolutionStatus,
    TargetGroup,
)

COLUMNS = [
    "title",
    "language",
    "problem",
    "what_was_done",
    "outcome",
    "evidence",
    "status",
    "status_date",
    "owner",
    "contact_email",
    "policy_areas",
    "target_groups",
    "initiated_by",
    "partners",
    "start_year",
    "links",
    "published",
]
REQUIRED_COLUMNS = ["title", "language", "owner"]
# What our own export adds; an exported file imports as it is.
EXPORT_ONLY_COLUMNS = ["slug", "reuses"]
MAX_ROWS = 5000
TITLE_MAX = 200


@dataclass
class RowError:
    row: int
    field: str
    message: str


@dataclass
class ImportRow:
    number: int
    values: dict
    errors: list[RowError] = field(default_factory=list)
    cleaned: dict = field(default_factory=dict)


@dataclass
class Preview:
    rows: list[ImportRow]
    file_errors: list[str]

    @property
    def errors(self) -> list[RowError]:
        return [error for row in self.rows for error in row.errors]

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.errors and bool(self.rows)


def checksum(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


class _Lookups:
    """Everything rows refer to, read once per preview (not once per row)."""

    def __init__(self):
        self.organisations = {}
        for organisation in Organisation.objects.only("pk", "slug", "name"):
            self.organisations[organisation.slug.casefold()] = organisation
            self.organisations.setdefault(organisation.name.casefold(), organisation)
        self.people = {}
        for person in Person.objects.exclude(email="").only("pk", "email", "name"):
            self.people.setdefault(person.email.casefold(), person)
        self.areas = {area.slug: area for area in PolicyArea.objects.all()}
        self.groups = {group.slug: group for group in TargetGroup.objects.all()}


class _Row:
    """Checks one row's values; each problem becomes a RowError naming the column."""

    def __init__(self, values: dict, row: ImportRow, lookups: _Lookups):
        self.values = values
        self.row = row
        self.lookups = lookups
        self.cleaned = row.cleaned

    def value(self, column: str) -> str:
        text = self.values.get(column, "").strip()
        # Our exports guard formula-like cells with an apostrophe; take it off again.
        if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
            return text[1:]
        return text

    def error(self, column: str, message: str) -> None:
        self.row.errors.append(RowError(row=self.row.number, field=column, message=message))

    def unknown(self, column: str, value: str, known) -> None:
        self.error(
            column,
            _("Unknown value %(value)s; use one of %(codes)s.")
            % {"value": value or '""', "codes": ", ".join(known)},
        )

    def clean(self) -> None:
        self.clean_texts()
        self.clean_status()
        self.clean_people_and_organisations()
        self.clean_lists()

    def clean_texts(self) -> None:
        title = self.value("title")
        if not title:
            self.error("title", _("A title is required."))
        elif len(title) > TITLE_MAX:
            self.error("title", _("At most %(n)s characters.") % {"n": TITLE_MAX})
        language = self.value("language").lower()
        if language not in LANGUAGE_CODES:
            self.unknown("language", language, LANGUAGE_CODES)
        self.cleaned["original_language"] = language
        for column in ["title", "problem", "what_was_done", "outcome", "evidence"]:
            text = self.value(column)
            self.cleaned[column] = {language: text} if text else {}

    def clean_status(self) -> None:
        status = self.value("status").lower() or SolutionStatus.IDEA
        if status not in SolutionStatus.values:
            self.unknown("status", status, SolutionStatus.values)
        self.cleaned["status"] = status
        start_year = None
        year_text = self.value("start_year")
        if year_text:
            try:
                start_year = int(year_text)
            except ValueError:
                self.error("start_year", _("Not a year: %(value)s.") % {"value": year_text})
            else:
                if not FIRST_YEAR <= start_year <= LAST_YEAR:
                    self.error(
                        "start_year",
                        _("The year must lie between %(first)s and %(last)s.")
                        % {"first": FIRST_YEAR, "last": LAST_YEAR},
                    )
                    start_year = None
        self.cleaned["start_year"] = start_year
        date_text = self.value("status_date")
        status_date = datetime.date(start_year, 1, 1) if start_year else timezone.localdate()
        if date_text:
            try:
                status_date = datetime.date.fromisoformat(date_text)
            except ValueError:
                self.error(
                    "status_date", _("Not a date (YYYY-MM-DD): %(value)s.") % {"value": date_text}
                )
        if status_date > timezone.localdate():
            self.error("status_date", _("The date cannot be in the future."))
        self.cleaned["status_date"] = status_date

    def organisation(self, column: str, name: str) -> Organisation | None:
        found = self.lookups.organisations.get(name.casefold())
        if found is None:
            self.error(column, _("No organisation is called %(value)s.") % {"value": name or '""'})
        return found

    def clean_people_and_organisations(self) -> None:
        self.cleaned["owner"] = self.organisation("owner", self.value("owner"))
        self.cleaned["partners"] = [
            partner
            for name in _split(self.value("partners"))
            if (partner := self.organisation("partners", name)) is not None
        ]
        email = self.value("contact_email")
        contact = None
        if email:
            contact = self.lookups.people.get(email.casefold())
            if contact is None:
                self.error(
                    "contact_email", _("Nobody has the e-mail %(value)s.") % {"value": email}
                )
        self.cleaned["contact"] = contact

    def clean_lists(self) -> None:
        for column, known in [
            ("policy_areas", self.lookups.areas),
            ("target_groups", self.lookups.groups),
        ]:
            chosen = []
            for slug in _split(self.value(column)):
                if slug in known:
                    chosen.append(known[slug])
                else:
                    self.unknown(column, slug, known)
            self.cleaned[column] = chosen
        initiators = []
        for code in _split(self.value("initiated_by").lower()):
            if code in Initiator.values:
                initiators.append(code)
            else:
                self.unknown("initiated_by", code, Initiator.values)
        self.cleaned["initiators"] = initiators
        links = []
        validate_url = URLValidator(schemes=["http", "https"])
        for url in self.value("links").split():
            try:
                validate_url(url)
            except ValidationError:
                self.error("links", _("Not a web address: %(value)s.") % {"value": url})
            else:
                links.append((url, url))
        self.cleaned["links"] = links
        published = self.value("published").lower()
        if published not in {"", "yes", "no", "true", "false", "1", "0"}:
            self.error("published", _("Write yes or no."))
        self.cleaned["published"] = published in {"", "yes", "true", "1"}


def preview(content: str) -> Preview:
    """Parse and check every row; touches nothing but reads."""
    reader = csv.DictReader(io.StringIO(content))
    header = [name.strip() for name in (reader.fieldnames or [])]
    file_errors = []
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name not in COLUMNS + EXPORT_ONLY_COLUMNS]
    if missing:
        file_errors.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        file_errors.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    if file_errors:
        return Preview(rows=[], file_errors=file_errors)
    reader.fieldnames = header
    lookups = _Lookups()
    rows = []
    try:
        for values in reader:
            if len(rows) >= MAX_ROWS:
                file_errors.append(_("At most %(n)s rows at a time.") % {"n": MAX_ROWS})
                break
            if None in values:
                row = ImportRow(number=reader.line_num, values={})
                row.errors.append(
                    RowError(row=reader.line_num, field="", message=_("Too many values."))
                )
                rows.append(row)
                continue
            texts = {key: (value or "") for key, value in values.items()}
            if not any(text.strip() for text in texts.values()):
                continue
            row = ImportRow(number=reader.line_num, values=texts)
            _Row(texts, row, lookups).clean()
            rows.append(row)
    except csv.Error as error:
        file_errors.append(_("The file is not valid CSV: %(error)s") % {"error": error})
    if not rows and not file_errors:
        file_errors.append(_("The file has no rows."))
    return Preview(rows=rows, file_errors=file_errors)


def import_stage(*, filename: str, content: str, actor) -> ImportBatch:
    """Keep an upload for its preview. Side effects: an ImportBatch row (no solutions)."""
    return ImportBatch.objects.create(
        created_by=actor, filename=filename[:200], content=content, checksum=checksum(content)
    )


@transaction.atomic
def import_accept(*, batch: ImportBatch, expected_checksum: str, actor) -> list[Solution]:
    """Create a solution for every row of a staged import, or none if any row is bad.

    Side effects: Solutions (with history, relations, search vectors, audit rows);
    the batch is marked imported.
    """
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.imported_at is not None:
        raise ValidationError(_("This file has already been imported."), code="twice")
    if batch.checksum != expected_checksum or checksum(batch.content) != expected_checksum:
        raise ValidationError(
            _("The file changed after the preview. Please upload it again."), code="checksum"
        )
    result = preview(batch.content)
    if not result.ok:
        raise ValidationError(
            _(
                "The file has errors; nothing was imported. "
                "Please correct them and upload it again."
            ),
            code="errors",
        )
    solutions = []
    for row in result.rows:
        data = row.cleaned
        solutions.append(
            services.solution_create(
                title=data["title"],
                problem=data["problem"],
                what_was_done=data["what_was_done"],
                outcome=data["outcome"],
                evidence=data["evidence"],
                original_language=data["original_language"],
                status=data["status"],
                status_date=data["status_date"],
                owner=data["owner"],
                contact=data["contact"],
                policy_areas=data["policy_areas"],
                target_groups=data["target_groups"],
                initiators=data["initiators"],
                partners=data["partners"],
                start_year=data["start_year"],
                links=data["links"],
                published=data["published"],
                actor=actor,
            )
        )
    batch.imported_at = timezone.now()
    batch.save(update_fields=["imported_at"])
    return solutions


# Export -------------------------------------------------------------------------


def _text(value, language: str) -> str:
    return str(localize(value, language, language))


def csv_cell(value) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def export_csv(solutions, *, include_contact: bool = False) -> str:
    """The solutions as CSV in the import's columns, texts in their original language.

    The contact's e-mail is personal data: only organisers' exports carry it.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["slug", *COLUMNS, "reuses"])
    for solution in solutions:
        language = solution.original_language
        row = [
            solution.slug,
            _text(solution.title, language),
            language,
            _text(solution.problem, language),
            _text(solution.what_was_done, language),
            _text(solution.outcome, language),
            _text(solution.evidence, language),
            solution.status,
            solution.status_since.isoformat(),
            solution.owner.slug,
            solution.contact.email if include_contact and solution.contact else "",
            ";".join(area.slug for area in solution.policy_areas.all()),
            ";".join(group.slug for group in solution.target_groups.all()),
            ";".join(initiator.kind for initiator in solution.initiators.all()),
            ";".join(partner.slug for partner in solution.partners.all()),
            solution.start_year or "",
            " ".join(link.url for link in solution.links.all()),
            "yes" if solution.published else "no",
            solution.reuse_count,
        ]
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


def _i18n(value) -> dict:
    data = getattr(value, "data", value)
    if isinstance(data, dict):
        return {code: text for code, text in data.items() if text}
    return {settings.LANGUAGE_CODE: data} if data else {}


def export_json(solutions) -> str:
    """The solutions as JSON, every language of every text, with the status history."""
    records = [
        {
            "slug": solution.slug,
            "title": _i18n(solution.title),
            "problem": _i18n(solution.problem),
            "what_was_done": _i18n(solution.what_was_done),
            "outcome": _i18n(solution.outcome),
            "evidence": _i18n(solution.evidence),
            "original_language": solution.original_language,
            "status": solution.status,
            "status_history": [
                {"status": change.status, "date": change.date.isoformat()}
                for change in solution.status_changes.all()
            ],
            "owner": {"slug": solution.owner.slug, "name": solution.owner.name},
            "region": solution.owner.region,
            "policy_areas": [area.slug for area in solution.policy_areas.all()],
            "target_groups": [group.slug for group in solution.target_groups.all()],
            "initiated_by": [initiator.kind for initiator in solution.initiators.all()],
            "partners": [partner.slug for partner in solution.partners.all()],
            "start_year": solution.start_year,
            "links": [link.url for link in solution.links.all()],
            "published": solution.published,
            "reuses": solution.reuse_count,
        }
        for solution in solutions
    ]
    return json.dumps({"solutions": records}, ensure_ascii=False, indent=2)
