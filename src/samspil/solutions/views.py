"""The solution library's pages. Thin: parse, call a selector or service, render.

Organiser actions go through `organiser_required` (solutions/permissions.py).
"""

import csv
import io
from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samspil.core.db import replica_reads
from samspil.core.i18n import localize
from samspil.core.pagecache import cache_public_page
from samspil.dialogue.models import Output
from samspil.solutions import charts, imports, selectors, services
from samspil.solutions.forms import ImportForm, ReuseForm, ReuseInterestForm, SolutionFilterForm
from samspil.solutions.models import ImportBatch, Initiator, SolutionAttachment, SolutionStatus
from samspil.solutions.permissions import can_organise, organiser_required

PAGE_SIZE = 20


def _filter_form(request) -> SolutionFilterForm:
    choices = selectors.filter_choices(user=request.user)
    return SolutionFilterForm(request.GET or None, choices=choices)


def _filters(form: SolutionFilterForm) -> selectors.SolutionFilters:
    return form.filters() if form.is_bound else selectors.SolutionFilters()


@replica_reads
@cache_public_page()
@require_GET
def solution_list(request):
    form = _filter_form(request)
    if form.is_bound and not form.is_valid():
        return render(request, "solutions/solution_list.html", {"form": form}, status=400)
    filters = _filters(form)
    page_number = (form.cleaned_data["page"] if form.is_bound else None) or 1
    paginator = Paginator(selectors.solution_list(filters=filters, user=request.user), PAGE_SIZE)
    try:
        page = paginator.page(page_number)
    except EmptyPage as error:
        raise Http404(_("There is no such page of solutions.")) from error
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "solutions/solution_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_organise": can_organise(request.user),
        },
    )


@replica_reads
@require_GET
def solution_export(request, fmt: str):
    if fmt not in {"csv", "json"}:
        raise Http404(_("Exports come as CSV or JSON."))
    form = _filter_form(request)
    if form.is_bound and not form.is_valid():
        return render(request, "solutions/solution_list.html", {"form": form}, status=400)
    solutions = selectors.solution_export_rows(filters=_filters(form), user=request.user)
    if fmt == "json":
        response = HttpResponse(imports.export_json(solutions), content_type="application/json")
    else:
        body = imports.export_csv(solutions, include_contact=can_organise(request.user))
        # A byte-order mark, so that Excel reads æ, ø and å correctly.
        response = HttpResponse(body.encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="samspil-solutions.{fmt}"'
    return response


def _detail_page(request, slug: str, *, interest_form=None, reuse_form=None, status=200):
    solution = selectors.solution_detail(slug=slug, user=request.user)
    organiser = can_organise(request.user)
    context = {
        "solution": solution,
        "interest_form": interest_form or ReuseInterestForm(prefix="interest"),
        "reuse_form": (reuse_form or ReuseForm(prefix="reuse")) if organiser else None,
        "can_organise": organiser,
    }
    return render(request, "solutions/solution_detail.html", context, status=status)


@replica_reads
@require_GET
def solution_detail(request, slug: str):
    return _detail_page(request, slug)


@require_POST
def solution_interest(request, slug: str):
    """ "I want to reuse this": a view of its own, so a rate limit can wrap just it."""
    solution = selectors.solution_detail(slug=slug, user=request.user)
    form = ReuseInterestForm(request.POST, prefix="interest")
    if form.is_valid():
        try:
            services.reuse_interest_create(
                solution=solution, language=translation.get_language(), **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Thank you. The solution's contact person will get back to you.")
            )
            return redirect(solution.get_absolute_url() + "#reuse-heading")
    return _detail_page(request, slug, interest_form=form, status=400)


@organiser_required
@require_POST
def reuse_create(request, slug: str):
    solution = selectors.solution_detail(slug=slug, user=request.user)
    form = ReuseForm(request.POST, prefix="reuse")
    if form.is_valid():
        try:
            services.reuse_create(solution=solution, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The reuse is recorded."))
            return redirect(solution.get_absolute_url() + "#reuses-heading")
    return _detail_page(request, slug, reuse_form=form, status=400)


@require_GET
def attachment(request, slug: str, pk: int):
    solution = selectors.solution_detail(slug=slug, user=request.user)
    item = get_object_or_404(SolutionAttachment, solution=solution, pk=pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("The file is missing.")) from error
    return FileResponse(handle, as_attachment=True, filename=PurePath(item.file.name).name)


@organiser_required
@require_POST
def solution_from_output(request, pk: int):
    output = get_object_or_404(Output.objects.select_related("event"), pk=pk)
    solution, created = services.solution_create_from_output(output=output, actor=request.user)
    if created:
        messages.success(
            request, _("A draft solution was made from the output. Complete and publish it.")
        )
    else:
        messages.info(request, _("This output already has a solution in the library."))
    return redirect(solution.get_absolute_url())


# Statistics ---------------------------------------------------------------------


def _statistics() -> dict:
    """Each chart: its rows for the table and CSV, and its drawing."""
    status_years = selectors.statistics_status_by_year()
    statuses = list(SolutionStatus)
    areas = [(str(localize(area.name)), n) for area, n in selectors.statistics_by_policy_area()]
    regions = [
        (region or _("No region given"), n) for region, n in selectors.statistics_by_region()
    ]
    share = selectors.statistics_initiators()
    headline = [(_("Politicians took part"), share.politicians), (_("Others only"), share.others)]
    initiators = [(str(Initiator(kind).label), n) for kind, n in share.by_kind]
    reuses = [(str(year), n) for year, n in selectors.statistics_reuses_by_year()]
    return {
        "status_years": status_years,
        "statuses": statuses,
        "status_rows": [
            (year, [status_years.counts[s][i] for s in SolutionStatus.values], total)
            for i, (year, total) in enumerate(
                zip(status_years.years, status_years.totals(), strict=True)
            )
        ],
        "status_chart": charts.stacked_chart(
            [str(year) for year in status_years.years],
            [status_years.counts[s] for s in SolutionStatus.values] if status_years.years else [],
        ),
        "areas": areas,
        "areas_chart": charts.bar_chart(areas, series=2),
        "regions": regions,
        "regions_chart": charts.bar_chart(regions, series=1),
        "share": share,
        "headline": headline,
        "headline_chart": charts.bar_chart(headline, series=3),
        "initiators": initiators,
        "reuses": reuses,
        "reuses_chart": charts.bar_chart(reuses, series=2),
        "most_reused": selectors.statistics_most_reused(),
    }


@replica_reads
@cache_public_page()
@require_GET
def statistics(request):
    return render(request, "solutions/statistics.html", _statistics())


CHARTS = ["status", "areas", "regions", "initiators", "reuses"]


@replica_reads
@require_GET
def statistics_csv(request, chart: str):
    if chart not in CHARTS:
        raise Http404(_("There is no such chart."))
    data = _statistics()
    out = io.StringIO()
    writer = csv.writer(out)
    if chart == "status":
        writer.writerow([_("Year"), *[status.label for status in data["statuses"]], _("Total")])
        for year, counts, total in data["status_rows"]:
            writer.writerow([year, *counts, total])
    else:
        headers = {
            "areas": _("Policy area"),
            "regions": _("Region"),
            "initiators": _("Initiated by"),
            "reuses": _("Year"),
        }
        writer.writerow([headers[chart], _("Solutions") if chart != "reuses" else _("Reuses")])
        rows = data["headline"] + data["initiators"] if chart == "initiators" else data[chart]
        writer.writerows([imports.csv_cell(label), value] for label, value in rows)
    response = HttpResponse(
        out.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="solutions-{chart}.csv"'
    return response


# Import -------------------------------------------------------------------------


@organiser_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        filename, content = form.cleaned_data["file"]
        batch = imports.import_stage(filename=filename, content=content, actor=request.user)
        return redirect("solutions:import_preview", pk=batch.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "solutions/import.html",
        {"form": form, "columns": imports.COLUMNS},
        status=status,
    )


def _batch(request, pk: int) -> ImportBatch:
    return get_object_or_404(ImportBatch, pk=pk, created_by=request.user, imported_at__isnull=True)


@organiser_required
@require_GET
def import_preview(request, pk: int):
    batch = _batch(request, pk)
    return render(
        request,
        "solutions/import_preview.html",
        {"batch": batch, "preview": imports.preview(batch.content), "columns": imports.COLUMNS},
    )


@organiser_required
@require_POST
def import_accept(request, pk: int):
    batch = _batch(request, pk)
    try:
        solutions = imports.import_accept(
            batch=batch, expected_checksum=request.POST.get("checksum", ""), actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("solutions:import_preview", pk=batch.pk)
    messages.success(
        request,
        ngettext(
            "%(count)s solution was imported.", "%(count)s solutions were imported.", len(solutions)
        )
        % {"count": len(solutions)},
    )
    return redirect("solutions:list")
