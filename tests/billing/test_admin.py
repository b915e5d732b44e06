import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samspil.billing.models import Invoice
from tests.factories import InvoiceFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client):
    client.force_login(User.objects.create_superuser("root", "root@example.org", None))
    return client


@pytest.mark.parametrize("rows", [1, 5])
def test_admin_invoice_list(admin_client_, rows):
    invoices = [InvoiceFactory() for _ in range(rows)]
    response = admin_client_.get(reverse("admin:billing_invoice_changelist"))
    assert response.status_code == 200
    assert invoices[0].number in response.content.decode()


def test_admin_invoice_read_only_except_buyer_contact(admin_client_):
    invoice = InvoiceFactory()
    person = PersonFactory()
    url = reverse("admin:billing_invoice_change", args=[invoice.pk])
    page = admin_client_.get(url)
    assert page.status_code == 200
    assert invoice.get_pdf_url() in page.content.decode()
    response = admin_client_.post(
        url,
        {
            "buyer_contact": person.pk,
            "buyer_name": "Changed",
            "lines-TOTAL_FORMS": "1",
            "lines-INITIAL_FORMS": "1",
            "lines-MIN_NUM_FORMS": "0",
            "lines-MAX_NUM_FORMS": "1000",
            "lines-0-id": invoice.lines.get().pk,
            "lines-0-invoice": invoice.pk,
        },
    )
    assert response.status_code == 302
    name = invoice.buyer_name
    invoice.refresh_from_db()
    assert (invoice.buyer_contact, invoice.buyer_name) == (person, name)


def test_admin_invoice_cannot_add_or_delete(admin_client_):
    invoice = InvoiceFactory()
    assert admin_client_.get(reverse("admin:billing_invoice_add")).status_code == 403
    delete = reverse("admin:billing_invoice_delete", args=[invoice.pk])
    assert admin_client_.post(delete, {"post": "yes"}).status_code == 403
    assert Invoice.objects.count() == 1
