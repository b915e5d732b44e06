"""UBL 2.1 documents: valid against the OASIS XSD, Peppol BIS 3.0 identifiers and rules."""

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from lxml import etree

from samspil.billing.services import CreditLine, credit_note_create
from samspil.billing.ubl import CUSTOMIZATION_ID, PROFILE_ID, endpoint, invoice_ubl
from tests.factories import BuyerFactory, InvoiceFactory, LineFactory

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "ubl-2.1" / "maindoc"
NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}


@pytest.fixture(scope="module")
def invoice_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "UBL-Invoice-2.1.xsd")))


@pytest.fixture(scope="module")
def credit_note_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "UBL-CreditNote-2.1.xsd")))


def parse(document: bytes) -> etree._Element:
    return etree.fromstring(document)


def text(root, path: str) -> str:
    return root.findtext(path, namespaces=NS)


def amount(root, path: str) -> Decimal:
    return Decimal(text(root, path))


def mixed_invoice():
    """Three lines at two VAT rates whose rounding matters (half up per line and per rate)."""
    return InvoiceFactory(
        lines=[
            LineFactory(quantity=Decimal("3"), unit_price=Decimal("33.33"), vat_rate=Decimal(25)),
            LineFactory(quantity=Decimal("1.5"), unit_price=Decimal("0.05"), vat_rate=Decimal(25)),
            LineFactory(quantity=Decimal("2"), unit_price=Decimal("10.00"), vat_rate=Decimal(0)),
        ]
    )


def test_invoice_ubl_valid_against_xsd(invoice_schema):
    root = parse(invoice_ubl(mixed_invoice()))
    assert invoice_schema.validate(root), invoice_schema.error_log


def test_credit_note_ubl_valid_against_xsd(credit_note_schema):
    invoice = mixed_invoice()
    note = credit_note_create(invoice=invoice, actor=None, reason="Cancelled seat")
    root = parse(invoice_ubl(note))
    assert credit_note_schema.validate(root), credit_note_schema.error_log
    assert etree.QName(root).localname == "CreditNote"
    assert text(root, "cbc:CreditNoteTypeCode") == "381"
    reference = "cac:BillingReference/cac:InvoiceDocumentReference/"
    assert text(root, reference + "cbc:ID") == invoice.number
    assert text(root, reference + "cbc:IssueDate") == invoice.issued_on.isoformat()


def test_invoice_ubl_peppol_identifiers():
    invoice = mixed_invoice()
    root = parse(invoice_ubl(invoice))
    assert text(root, "cbc:CustomizationID") == CUSTOMIZATION_ID
    assert CUSTOMIZATION_ID == (
        "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
    )
    assert text(root, "cbc:ProfileID") == PROFILE_ID
    assert PROFILE_ID == "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
    assert text(root, "cbc:ID") == invoice.number
    assert text(root, "cbc:InvoiceTypeCode") == "380"
    assert text(root, "cbc:DocumentCurrencyCode") == "DKK"


def test_invoice_ubl_buyer_endpoint_is_gln_with_scheme_0088():
    root = parse(invoice_ubl(InvoiceFactory()))
    buyer = root.find("cac:AccountingCustomerParty/cac:Party", NS)
    endpoint_id = buyer.find("cbc:EndpointID", NS)
    assert (endpoint_id.get("schemeID"), endpoint_id.text) == ("0088", "5798000000001")
    assert text(buyer, "cac:PartyTaxScheme/cbc:CompanyID") == "DK13585628"
    assert text(buyer, "cac:PartyLegalEntity/cbc:RegistrationName").startswith("Buyer Kommune")
    # The seller (settings) has no GLN: its Danish VAT number gives the CVR endpoint.
    seller = root.find("cac:AccountingSupplierParty/cac:Party/cbc:EndpointID", NS)
    assert (seller.get("schemeID"), seller.text) == ("0184", "13585628")


@pytest.mark.parametrize(
    ("gln", "vat", "email", "expected"),
    [
        ("5798000000001", "DK13585628", "", ("0088", "5798000000001")),
        ("", "DK13585628", "", ("0184", "13585628")),
        ("", "BE0403170701", "", ("0208", "0403170701")),
        ("", "NL004495445B01", "", ("9944", "NL004495445B01")),
        ("", "", "a@example.org", ("EM", "a@example.org")),
        ("", "", "", None),
    ],
)
def test_endpoint_scheme_by_number(gln, vat, email, expected):
    assert endpoint(gln=gln, vat_number=vat, email=email) == expected


def test_invoice_ubl_belgian_buyer_endpoint_0208(invoice_schema):
    buyer = BuyerFactory(country="BE", vat_number="BE 0403.170.701", gln="", city="Bruxelles")
    root = parse(invoice_ubl(InvoiceFactory(buyer=buyer, currency="EUR")))
    assert invoice_schema.validate(root), invoice_schema.error_log
    endpoint_id = root.find("cac:AccountingCustomerParty/cac:Party/cbc:EndpointID", NS)
    assert (endpoint_id.get("schemeID"), endpoint_id.text) == ("0208", "0403170701")
    assert text(root, "cac:PaymentMeans/cbc:PaymentMeansCode") == "58"  # SEPA for EUR


def test_invoice_ubl_peppol_business_rules():
    """BR-CO-10, BR-CO-13, BR-CO-14, BR-CO-15, BR-S-08/09, BR-Z-08, BR-61, PEPPOL-R003."""
    invoice = mixed_invoice()
    root = parse(invoice_ubl(invoice))
    lines = root.findall("cac:InvoiceLine", NS)
    assert len(lines) == 3
    line_nets = [amount(line, "cbc:LineExtensionAmount") for line in lines]
    assert line_nets == [Decimal("99.99"), Decimal("0.08"), Decimal("20.00")]
    for line in lines:  # BR-DEC-23: each line net is quantity x price, rounded
        quantity = Decimal(text(line, "cbc:InvoicedQuantity"))
        price = amount(line, "cac:Price/cbc:PriceAmount")
        expected = (quantity * price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert amount(line, "cbc:LineExtensionAmount") == expected
    total = "cac:LegalMonetaryTotal/"
    assert amount(root, total + "cbc:LineExtensionAmount") == sum(line_nets)  # BR-CO-10
    assert amount(root, total + "cbc:TaxExclusiveAmount") == sum(line_nets)  # BR-CO-13
    subtotals = root.findall("cac:TaxTotal/cac:TaxSubtotal", NS)
    by_category = {
        (text(s, "cac:TaxCategory/cbc:ID"), text(s, "cac:TaxCategory/cbc:Percent")): (
            amount(s, "cbc:TaxableAmount"),
            amount(s, "cbc:TaxAmount"),
        )
        for s in subtotals
    }
    # BR-S-08/09: 25 % of (99.99 + 0.08) = 25.0175, rounded once per category to 25.02.
    assert by_category == {
        ("S", "25.00"): (Decimal("100.07"), Decimal("25.02")),
        ("Z", "0.00"): (Decimal("20.00"), Decimal("0.00")),
    }
    tax_total = amount(root, "cac:TaxTotal/cbc:TaxAmount")
    assert tax_total == sum(tax for _taxable, tax in by_category.values())  # BR-CO-14
    assert amount(root, total + "cbc:TaxInclusiveAmount") == sum(line_nets) + tax_total  # BR-CO-15
    assert amount(root, total + "cbc:PayableAmount") == Decimal("145.09")
    assert (invoice.net_total, invoice.vat_total, invoice.gross_total) == (
        Decimal("120.07"),
        Decimal("25.02"),
        Decimal("145.09"),
    )
    assert text(root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID") == "DK5000400440116243"
    assert text(root, "cac:PaymentMeans/cbc:PaymentMeansCode") == "42"  # DK-R-005: not 30
    assert text(root, "cac:PaymentMeans/cbc:PaymentID") == invoice.number
    # DK-R-002: a Danish seller gives its CVR number as legal entity.
    legal = root.find(
        "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID", NS
    )
    assert (legal.get("schemeID"), legal.text) == ("0184", "13585628")
    assert text(root, "cbc:BuyerReference") == "Innovation 4711"  # PEPPOL-EN16931-R003
    currencies = {element.get("currencyID") for element in root.iter() if element.get("currencyID")}
    assert currencies == {"DKK"}  # BR-CL-04 / PEPPOL-R051: one currency throughout


def test_credit_note_ubl_for_one_line_has_only_that_line():
    invoice = mixed_invoice()
    first = invoice.lines.get(position=1)
    note = credit_note_create(
        invoice=invoice,
        actor=None,
        reason="One seat fewer",
        lines=[CreditLine(first, Decimal(1))],
    )
    root = parse(invoice_ubl(note))
    lines = root.findall("cac:CreditNoteLine", NS)
    assert [text(line, "cbc:CreditedQuantity") for line in lines] == ["1"]
    assert amount(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") == Decimal("41.66")
