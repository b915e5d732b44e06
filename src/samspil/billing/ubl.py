"""UBL 2.1 invoices and credit notes in the Peppol BIS Billing 3.0 profile, built with lxml.

No well-kept Python library generates Peppol UBL from our own data model (the
PyPI packages that do are young single-author projects or clients of hosted
services), and the document is a fixed tree, so it is written out here
element by element in the order the UBL 2.1 schema requires.
"""

from decimal import Decimal

from lxml import etree

from samspil.billing.models import Invoice, InvoiceKind
from samspil.billing.totals import compute_totals, vat_category
from samspil.core.i18n import localize

CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
INVOICE_TYPE_CODE = "380"  # commercial invoice (UNCL 1001)
CREDIT_NOTE_TYPE_CODE = "381"
UNIT_CODE = "C62"  # "one" (UN/ECE Recommendation 20)

# Peppol electronic address schemes (EAS) for a party's endpoint, by VAT country.
GLN_SCHEME = "0088"
VAT_SCHEMES = {
    "DK": ("0184", lambda number: number[2:]),  # Danish CVR number
    "BE": ("0208", lambda number: number[2:]),  # Belgian enterprise number
    "NL": ("9944", lambda number: number),
    "FR": ("9957", lambda number: number),
    "DE": ("9930", lambda number: number),
}
EMAIL_SCHEME = "EM"
LEGAL_ID_SCHEMES = {"DK", "BE"}


def payment_means_code(currency: str, seller_country: str) -> str:
    """UNCL 4461: 58 SEPA credit transfer for euros; else 42 payment to bank account for
    Danish sellers (DK-R-005 does not allow 30), 30 credit transfer for others."""
    if currency == "EUR":
        return "58"
    return "42" if seller_country == "DK" else "30"


def endpoint(*, gln: str, vat_number: str, email: str) -> tuple[str, str] | None:
    """The (scheme, id) a party receives e-invoices at: its GLN, else its VAT number."""
    if gln:
        return GLN_SCHEME, gln
    if vat_number and vat_number[:2] in VAT_SCHEMES:
        scheme, identifier = VAT_SCHEMES[vat_number[:2]]
        return scheme, identifier(vat_number)
    if email:
        return EMAIL_SCHEME, email
    return None


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


class _Builder:
    def __init__(self, root_tag: str, namespace: str):
        self.nsmap = {None: namespace, "cac": CAC, "cbc": CBC}
        self.root = etree.Element(f"{{{namespace}}}{root_tag}", nsmap=self.nsmap)

    def cbc(self, parent, name: str, text, **attributes) -> etree._Element:
        element = etree.SubElement(parent, f"{{{CBC}}}{name}", **attributes)
        element.text = str(text)
        return element

    def cac(self, parent, name: str) -> etree._Element:
        return etree.SubElement(parent, f"{{{CAC}}}{name}")

    def amount(self, parent, name: str, value: Decimal, currency: str) -> None:
        self.cbc(parent, name, _money(value), currencyID=currency)


def _party(b: _Builder, parent, role: str, invoice: Invoice) -> None:
    get = lambda name: getattr(invoice, f"{role}_{name}")  # noqa: E731
    party = b.cac(parent, "Party")
    contact_email = invoice.buyer_contact_email if role == "buyer" else invoice.seller_email
    address = endpoint(gln=get("gln"), vat_number=get("vat_number"), email=contact_email)
    if address:
        b.cbc(party, "EndpointID", address[1], schemeID=address[0])
    b.cbc(b.cac(party, "PartyName"), "Name", get("name"))
    postal = b.cac(party, "PostalAddress")
    if get("address"):
        b.cbc(postal, "StreetName", get("address"))
    if get("city"):
        b.cbc(postal, "CityName", get("city"))
    if get("postcode"):
        b.cbc(postal, "PostalZone", get("postcode"))
    b.cbc(b.cac(postal, "Country"), "IdentificationCode", get("country"))
    if get("vat_number"):
        tax_scheme = b.cac(party, "PartyTaxScheme")
        b.cbc(tax_scheme, "CompanyID", get("vat_number"))
        b.cbc(b.cac(tax_scheme, "TaxScheme"), "ID", "VAT")
    legal = b.cac(party, "PartyLegalEntity")
    b.cbc(legal, "RegistrationName", get("name"))
    # The company registration number where the VAT number carries it: the Danish CVR
    # (Peppol's rule DK-R-002 asks it of Danish sellers) and the Belgian enterprise number.
    if get("vat_number")[:2] in LEGAL_ID_SCHEMES:
        scheme, identifier = VAT_SCHEMES[get("vat_number")[:2]]
        b.cbc(legal, "CompanyID", identifier(get("vat_number")), schemeID=scheme)
    if role == "buyer" and (invoice.buyer_contact_name or invoice.buyer_contact_email):
        contact = b.cac(party, "Contact")
        if invoice.buyer_contact_name:
            b.cbc(contact, "Name", invoice.buyer_contact_name)
        if invoice.buyer_contact_email:
            b.cbc(contact, "ElectronicMail", invoice.buyer_contact_email)
    if role == "seller" and invoice.seller_email:
        b.cbc(b.cac(party, "Contact"), "ElectronicMail", invoice.seller_email)


def _tax_category(b: _Builder, parent, name: str, category: str, rate: Decimal) -> None:
    element = b.cac(parent, name)
    b.cbc(element, "ID", category)
    b.cbc(element, "Percent", _money(rate))
    b.cbc(b.cac(element, "TaxScheme"), "ID", "VAT")


def _totals_and_lines(b: _Builder, invoice: Invoice, lines: list, credit: bool) -> None:
    root, currency = b.root, invoice.currency
    totals = compute_totals((line.net_amount, line.vat_rate) for line in lines)
    tax_total = b.cac(root, "TaxTotal")
    b.amount(tax_total, "TaxAmount", totals.vat, currency)
    for subtotal in totals.subtotals:
        element = b.cac(tax_total, "TaxSubtotal")
        b.amount(element, "TaxableAmount", subtotal.taxable, currency)
        b.amount(element, "TaxAmount", subtotal.tax, currency)
        _tax_category(b, element, "TaxCategory", subtotal.category, subtotal.rate)
    monetary = b.cac(root, "LegalMonetaryTotal")
    b.amount(monetary, "LineExtensionAmount", totals.net, currency)
    b.amount(monetary, "TaxExclusiveAmount", totals.net, currency)
    b.amount(monetary, "TaxInclusiveAmount", totals.gross, currency)
    b.amount(monetary, "PayableAmount", totals.gross, currency)
    for line in lines:
        element = b.cac(root, "CreditNoteLine" if credit else "InvoiceLine")
        b.cbc(element, "ID", line.position)
        b.cbc(
            element,
            "CreditedQuantity" if credit else "InvoicedQuantity",
            f"{line.quantity.normalize():f}",
            unitCode=UNIT_CODE,
        )
        b.amount(element, "LineExtensionAmount", line.net_amount, currency)
        item = b.cac(element, "Item")
        b.cbc(item, "Name", localize(line.description, language=invoice.language)[:200])
        _tax_category(b, item, "ClassifiedTaxCategory", vat_category(line.vat_rate), line.vat_rate)
        b.amount(b.cac(element, "Price"), "PriceAmount", line.unit_price, currency)


def invoice_ubl(invoice: Invoice) -> bytes:
    """The invoice or credit note as a UBL 2.1 document (UTF-8 bytes with XML declaration)."""
    credit = invoice.kind == InvoiceKind.CREDIT_NOTE
    b = _Builder("CreditNote" if credit else "Invoice", CREDIT_NOTE_NS if credit else INVOICE_NS)
    root, currency = b.root, invoice.currency
    lines = list(invoice.lines.all())
    b.cbc(root, "CustomizationID", CUSTOMIZATION_ID)
    b.cbc(root, "ProfileID", PROFILE_ID)
    b.cbc(root, "ID", invoice.number)
    b.cbc(root, "IssueDate", invoice.issued_on.isoformat())
    if not credit:
        b.cbc(root, "DueDate", invoice.due_on.isoformat())
    b.cbc(
        root,
        "CreditNoteTypeCode" if credit else "InvoiceTypeCode",
        CREDIT_NOTE_TYPE_CODE if credit else INVOICE_TYPE_CODE,
    )
    if invoice.note:
        b.cbc(root, "Note", invoice.note)
    b.cbc(root, "DocumentCurrencyCode", currency)
    # Peppol needs a buyer reference or an order reference (PEPPOL-EN16931-R003).
    buyer_reference = invoice.buyer_reference or (
        "" if invoice.order_reference else invoice.buyer_contact_name or invoice.buyer_name
    )
    if buyer_reference:
        b.cbc(root, "BuyerReference", buyer_reference)
    if invoice.order_reference:
        b.cbc(b.cac(root, "OrderReference"), "ID", invoice.order_reference)
    if credit:
        original = invoice.credited_invoice
        reference = b.cac(b.cac(root, "BillingReference"), "InvoiceDocumentReference")
        b.cbc(reference, "ID", original.number)
        b.cbc(reference, "IssueDate", original.issued_on.isoformat())
    _party(b, b.cac(root, "AccountingSupplierParty"), "seller", invoice)
    _party(b, b.cac(root, "AccountingCustomerParty"), "buyer", invoice)
    if not credit:
        means = b.cac(root, "PaymentMeans")
        b.cbc(means, "PaymentMeansCode", payment_means_code(currency, invoice.seller_country))
        b.cbc(means, "PaymentID", invoice.number)
        account = b.cac(means, "PayeeFinancialAccount")
        b.cbc(account, "ID", invoice.seller_iban)
        b.cbc(account, "Name", invoice.seller_name)
        if invoice.seller_bic:
            b.cbc(b.cac(account, "FinancialInstitutionBranch"), "ID", invoice.seller_bic)
    _totals_and_lines(b, invoice, lines, credit)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
