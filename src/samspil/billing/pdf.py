"""Invoice PDFs, rendered by WeasyPrint from an HTML template in the buyer's language.

The PDF is tagged (PDF/UA-1) for screen readers. Fonts come from the system
(DejaVu, Debian's fonts-dejavu-core); the document loads nothing from outside:
the URL fetcher refuses every address.
"""

from django.template.loader import render_to_string
from django.utils import translation

from samspil.billing.models import Invoice
from samspil.billing.totals import compute_totals


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"Invoice PDFs load nothing from outside: {url}")


def invoice_context(invoice: Invoice) -> dict:
    lines = list(invoice.lines.all())
    totals = compute_totals((line.net_amount, line.vat_rate) for line in lines)
    return {"invoice": invoice, "lines": lines, "totals": totals}


def invoice_pdf(invoice: Invoice) -> bytes:
    """The invoice or credit note as PDF bytes, in the invoice's language."""
    # Imported here: WeasyPrint loads pango when imported, which pages without PDFs don't need.
    from weasyprint import CSS, HTML  # noqa: PLC0415

    with translation.override(invoice.language):
        html = render_to_string("billing/pdf/invoice.html", invoice_context(invoice))
        css = render_to_string("billing/pdf/invoice.css")
    # PDF/UA-1: a tagged PDF with its language and title, which screen readers can read.
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf(
        stylesheets=[CSS(string=css, url_fetcher=_no_fetch)], pdf_variant="pdf/ua-1"
    )
