"""An invoice's PDF and UBL XML: who may fetch them, and that they are what they claim."""

import io
from decimal import Decimal

import pypdfium2
import pytest
from django.urls import reverse

from samspil.billing.pdf import invoice_pdf
from samspil.billing.services import credit_note_create, invoice_create_for_registration
from tests.factories import (
    BuyerFactory,
    EventFactory,
    InvoiceFactory,
    LineFactory,
    PersonFactory,
    RegistrationFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# A blank A4 page at 72 dpi has no dark pixels; a rendered invoice has thousands.
MIN_INK_PIXELS = 2000


@pytest.fixture
def contact():
    return PersonFactory(user=UserFactory())


@pytest.fixture
def invoice(contact):
    return InvoiceFactory(buyer=BuyerFactory(contact=contact))


@pytest.mark.parametrize("name", ["billing:invoice_pdf", "billing:invoice_xml"])
def test_invoice_documents_anonymous_get_404(client, invoice, name):
    response = client.get(reverse(name, kwargs={"pk": invoice.pk}))
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["billing:invoice_pdf", "billing:invoice_xml"])
def test_invoice_documents_other_user_gets_404(client, invoice, name):
    client.force_login(PersonFactory(user=UserFactory()).user)
    response = client.get(reverse(name, kwargs={"pk": invoice.pk}))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("billing:invoice_pdf", "application/pdf"),
        ("billing:invoice_xml", "application/xml; charset=utf-8"),
    ],
)
def test_invoice_documents_buyer_contact_gets_them(client, invoice, contact, name, content_type):
    client.force_login(contact.user)
    response = client.get(reverse(name, kwargs={"pk": invoice.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert invoice.number in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_invoice_pdf_staff_gets_it(client, invoice):
    client.force_login(StaffFactory())
    response = client.get(invoice.get_pdf_url())
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


def test_invoice_pdf_unknown_number_404(client):
    client.force_login(StaffFactory())
    response = client.get(reverse("billing:invoice_pdf", kwargs={"pk": 999999}))
    assert response.status_code == 404


def render_first_page(pdf: bytes):
    """Page 1 as a greyscale image at 72 dpi, and the text of every page."""
    document = pypdfium2.PdfDocument(io.BytesIO(pdf))
    try:
        page = document[0]
        image = page.render(scale=1, grayscale=True).to_pil().convert("L")
        texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
        return image, "\n".join(texts), len(document)
    finally:
        document.close()


def ink(image) -> int:
    return sum(count for value, count in enumerate(image.histogram()) if value < 200)


def test_invoice_pdf_page_one_not_blank_and_has_number_and_total():
    invoice = InvoiceFactory(
        lines=[LineFactory(unit_price=Decimal("12000.00"), vat_rate=Decimal(25))]
    )
    image, text, pages = render_first_page(invoice_pdf(invoice))
    assert pages == 1
    assert image.size[1] == 842  # A4 is 842 points high
    assert ink(image) > MIN_INK_PIXELS
    assert f"Invoice {invoice.number}" in text
    assert "15,000.00" in text  # 12,000 + 25 % VAT
    assert "DK5000400440116243" in text


def test_invoice_pdf_tagged_for_screen_readers():
    document = pypdfium2.PdfDocument(io.BytesIO(invoice_pdf(InvoiceFactory())))
    try:
        assert pypdfium2.raw.FPDFCatalog_IsTagged(document.raw)
    finally:
        document.close()


def test_invoice_pdf_in_buyers_language():
    invoice = InvoiceFactory(buyer=BuyerFactory(language="da"))
    _image, text, _pages = render_first_page(invoice_pdf(invoice))
    assert invoice.issued_on.strftime("%d.%m.%Y") in text  # Django's Danish date format
    assert "12.000,00" in text  # Danish number format
    assert "Medlemskab" in text  # the line's Danish description


def test_blank_pdf_has_no_ink():
    """The threshold means something: an empty page stays under it."""
    from weasyprint import HTML  # noqa: PLC0415

    image, _text, _pages = render_first_page(HTML(string="<p></p>").write_pdf())
    assert ink(image) < MIN_INK_PIXELS


def test_credit_note_pdf_names_the_invoice_it_corrects():
    invoice = InvoiceFactory()
    note = credit_note_create(invoice=invoice, actor=None, reason="Wrong buyer")
    _image, text, _pages = render_first_page(invoice_pdf(note))
    assert f"Credit note {note.number}" in text
    assert invoice.number in text
    assert "Wrong buyer" in text


# A paid registration's invoices on its personal page ---------------------------------


def paid_registration():
    event = EventFactory(price=Decimal("450.00"), vat_rate=Decimal(25))
    return RegistrationFactory(
        event=event, price=event.price, vat_amount=event.vat_amount, currency="DKK"
    )


def test_personal_page_lists_registration_invoices(client):
    registration = paid_registration()
    invoice = invoice_create_for_registration(registration=registration, actor=None)
    note = credit_note_create(invoice=invoice, actor=None, reason="Cancelled")
    response = client.get(registration.get_absolute_url())
    content = response.content.decode()
    for document in (invoice, note):
        url = reverse(
            "billing:registration_invoice_pdf",
            kwargs={"token": registration.token, "pk": document.pk},
        )
        assert url in content
    assert f"corrects invoice {invoice.number}" in content
    pdf = client.get(
        reverse(
            "billing:registration_invoice_pdf",
            kwargs={"token": registration.token, "pk": invoice.pk},
        )
    )
    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")
    assert {"private", "no-store"} <= set(pdf["Cache-Control"].split(", "))


def test_personal_page_without_invoices_has_no_section(client):
    registration = paid_registration()
    response = client.get(registration.get_absolute_url())
    assert 'id="invoices-heading"' not in response.content.decode()


def test_registration_invoice_pdf_other_token_404(client):
    registration = paid_registration()
    invoice = invoice_create_for_registration(registration=registration, actor=None)
    other = paid_registration()
    url = reverse(
        "billing:registration_invoice_pdf", kwargs={"token": other.token, "pk": invoice.pk}
    )
    assert client.get(url).status_code == 404
    url = reverse("billing:registration_invoice_pdf", kwargs={"token": "nope", "pk": invoice.pk})
    assert client.get(url).status_code == 404
