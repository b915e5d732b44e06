"""An invoice's PDF and UBL XML, for staff and for the invoice's buyer contact (others: 404),
and a registration's invoices on its personal page (the personal link is the key)."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from samspil.billing import selectors
from samspil.billing.pdf import invoice_pdf as render_pdf
from samspil.billing.ubl import invoice_ubl


def _private(response: HttpResponse, filename: str, disposition: str) -> HttpResponse:
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
def invoice_pdf(request, pk: int):
    invoice = selectors.invoice_visible(pk=pk, user=request.user)
    return _private(
        HttpResponse(render_pdf(invoice), content_type="application/pdf"),
        f"{invoice.filename}.pdf",
        "inline",
    )


@never_cache
def invoice_xml(request, pk: int):
    invoice = selectors.invoice_visible(pk=pk, user=request.user)
    return _private(
        HttpResponse(invoice_ubl(invoice), content_type="application/xml; charset=utf-8"),
        f"{invoice.filename}.xml",
        "attachment",
    )


@never_cache
def registration_invoice_pdf(request, token: str, pk: int):
    invoice = selectors.registration_invoice(token=token, pk=pk)
    return _private(
        HttpResponse(render_pdf(invoice), content_type="application/pdf"),
        f"{invoice.filename}.pdf",
        "inline",
    )


def personal_section(registration) -> tuple[str, dict] | None:
    """The registration's invoices and credit notes on its personal page, if it has any."""
    invoices = selectors.registration_invoices(registration=registration)
    if not invoices:
        return None
    return "billing/_personal_section.html", {"invoices": invoices, "token": registration.token}
