"""The organisers' invoice overview on the desk: /<language>/desk/invoices/ (staff only).

What is invoiced, due, overdue, paid and credited, by year and status; an
invoice's page marks it paid by hand or issues a credit note; paid event
registrations without an invoice can be invoiced from here.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from samspil.billing import selectors, services
from samspil.billing.forms import (
    BuyerForm,
    CreditNoteForm,
    InvoiceFilterForm,
    MarkPaidForm,
    PageForm,
)
from samspil.billing.models import InvoiceKind, InvoiceState

PAGE_SIZE = 50


def staff_view(view: Callable) -> Callable:
    """Staff only: anonymous visitors go to the login, others get 403. Never cached."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not request.user.is_staff:
            raise PermissionDenied(_("The organiser's desk is for staff only."))
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return never_cache(wrapper)


def _paginate(request, items, form) -> dict | None:
    """The page asked for and the query without it; None (and a form error) past the end."""
    paginator = Paginator(items, PAGE_SIZE)
    number = (form.cleaned_data.get("page") if form.is_bound else None) or 1
    try:
        page = paginator.page(number)
    except EmptyPage:
        form.add_error(
            "page",
            _("There is no page %(number)d: the list has %(pages)d.")
            % {"number": number, "pages": paginator.num_pages},
        )
        return None
    query = request.GET.copy()
    query.pop("page", None)
    return {"page": page, "query": query.urlencode()}


@staff_view
def invoices(request):
    today = timezone.localdate()
    form = InvoiceFilterForm(request.GET or None, years=selectors.invoice_years())
    template = "billing/desk/invoices.html"
    context = {"form": form}
    if form.is_bound and not form.is_valid():
        return render(request, template, context, status=400)
    filters = form.filters()
    context["summary"] = selectors.desk_summary(today=today, year=filters.get("year"))
    paged = _paginate(request, selectors.desk_invoices(today=today, **filters), form)
    if paged is None:
        return render(request, template, context, status=404)
    for row in paged["page"].object_list:
        row.current_state = InvoiceState(row.state(today))
    return render(request, template, {**context, **paged})


def _invoice_page(request, invoice, *, paid_form=None, status: int = 200):
    today = timezone.localdate()
    return render(
        request,
        "billing/desk/invoice.html",
        {
            "invoice": invoice,
            "state": InvoiceState(invoice.state(today)),
            "paid_form": paid_form or MarkPaidForm(),
            "can_credit": invoice.kind == InvoiceKind.INVOICE and not invoice.paid_on,
        },
        status=status,
    )


@staff_view
def invoice(request, pk: int):
    return _invoice_page(request, selectors.desk_invoice(pk=pk))


@staff_view
@require_http_methods(["POST"])
def mark_paid(request, pk: int):
    invoice = selectors.desk_invoice(pk=pk)
    form = MarkPaidForm(request.POST)
    if form.is_valid():
        try:
            services.invoice_mark_paid(
                invoice=invoice, paid_on=form.cleaned_data["paid_on"], actor=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Invoice %(number)s is marked paid.") % {"number": invoice.number}
            )
            return redirect("billing:desk_invoice", pk=invoice.pk)
    return _invoice_page(request, invoice, paid_form=form, status=400)


@staff_view
@require_http_methods(["GET", "POST"])
def credit(request, pk: int):
    invoice = selectors.desk_invoice(pk=pk)
    left = {
        line.pk: line.quantity - sum((c.quantity for c in line.credits.all()), 0)
        for line in invoice.lines.all()
    }
    form = CreditNoteForm(
        request.POST or None,
        lines=list(invoice.lines.all()),
        left=left,
        language=request.LANGUAGE_CODE,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                note = services.credit_note_create(
                    invoice=invoice,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                    lines=form.credit_lines(),
                    issued_on=form.issued(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Credit note %(note)s for invoice %(number)s is issued.")
                    % {"note": note.number, "number": invoice.number},
                )
                return redirect("billing:desk_invoice", pk=note.pk)
        status = 400
    return render(
        request, "billing/desk/credit.html", {"invoice": invoice, "form": form}, status=status
    )


@staff_view
def registrations(request):
    form = PageForm(request.GET or None)
    template = "billing/desk/registrations.html"
    if form.is_bound and not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    paged = _paginate(request, selectors.registrations_to_invoice(), form)
    if paged is None:
        return render(request, template, {"form": form}, status=404)
    return render(request, template, {"form": form, **paged})


def _buyer_initial(registration) -> dict:
    return {
        "name": registration.organisation or registration.name,
        "country": "DK",
        "contact_name": registration.name,
        "contact_email": registration.email,
        "language": registration.language,
    }


@staff_view
@require_http_methods(["GET", "POST"])
def invoice_registration(request, pk: int):
    registration = selectors.registration_to_invoice(pk=pk)
    form = BuyerForm(request.POST or None, initial=_buyer_initial(registration))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                invoice = services.invoice_create_for_registration(
                    registration=registration, actor=request.user, buyer=form.to_buyer()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Invoice %(number)s is issued.") % {"number": invoice.number}
                )
                return redirect("billing:desk_invoice", pk=invoice.pk)
        status = 400
    return render(
        request,
        "billing/desk/invoice_registration.html",
        {"registration": registration, "form": form},
        status=status,
    )


def desk_section(user) -> tuple[str, str] | None:
    """The desk's link to the invoices (registrations.desk.desk_sections): staff only."""
    if not user.is_staff:
        return None
    return (_("Invoices"), reverse("billing:desk_invoices"))
