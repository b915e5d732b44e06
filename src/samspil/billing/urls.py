"""Invoice documents, and the organisers' overview under /<language>/desk/invoices/.

samspil.urls includes this before the registrations desk, whose /desk/<slug>/ would
otherwise take "invoices" for an event.
"""

from django.urls import path

from samspil.billing import desk, views

app_name = "billing"

urlpatterns = [
    path("invoices/<int:pk>.pdf", views.invoice_pdf, name="invoice_pdf"),
    path("invoices/<int:pk>.xml", views.invoice_xml, name="invoice_xml"),
    path(
        "r/<str:token>/invoices/<int:pk>.pdf",
        views.registration_invoice_pdf,
        name="registration_invoice_pdf",
    ),
    path("desk/invoices/", desk.invoices, name="desk_invoices"),
    path("desk/invoices/<int:pk>/", desk.invoice, name="desk_invoice"),
    path("desk/invoices/<int:pk>/paid/", desk.mark_paid, name="desk_mark_paid"),
    path("desk/invoices/<int:pk>/credit/", desk.credit, name="desk_credit"),
    path("desk/invoices/registrations/", desk.registrations, name="desk_registrations"),
    path(
        "desk/invoices/registrations/<int:pk>/",
        desk.invoice_registration,
        name="desk_invoice_registration",
    ),
]
