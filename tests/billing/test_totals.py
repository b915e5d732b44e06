"""VAT arithmetic: Decimal, half up to 2 decimals per line and per VAT rate (EN 16931)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from samspil.billing.totals import compute_totals, line_net, round_money
from samspil.billing.ubl import invoice_ubl
from tests.factories import InvoiceFactory, LineFactory

quantities = st.integers(min_value=1, max_value=100_000).map(lambda n: Decimal(n) / 100)
prices = st.integers(min_value=0, max_value=10_000_000).map(lambda n: Decimal(n) / 100)
rates = st.sampled_from([Decimal(0), Decimal(6), Decimal("12.5"), Decimal(21), Decimal(25)])
lines = st.lists(st.tuples(quantities, prices, rates), min_size=1, max_size=20)


def cents_half_up(value: Fraction) -> int:
    """Round a non-negative exact fraction to whole cents, halves up: integer arithmetic only."""
    cents = value * 100
    whole, rest = divmod(cents.numerator, cents.denominator)
    return whole + (1 if 2 * rest >= cents.denominator else 0)


def independent_totals(items) -> tuple[int, int, dict[Fraction, tuple[int, int]]]:
    """The same rules computed in exact fractions and integer cents, without Decimal."""
    nets = [(cents_half_up(Fraction(q) * Fraction(p)), Fraction(r)) for q, p, r in items]
    by_rate: dict[Fraction, int] = {}
    for net, rate in nets:
        by_rate[rate] = by_rate.get(rate, 0) + net
    subtotals = {
        rate: (taxable, cents_half_up(Fraction(taxable, 100) * rate / 100))
        for rate, taxable in by_rate.items()
    }
    net = sum(net for net, _rate in nets)
    vat = sum(tax for _taxable, tax in subtotals.values())
    return net, vat, subtotals


def cents(amount: Decimal) -> int:
    assert amount == amount.quantize(Decimal("0.01"))
    return int(amount * 100)


@given(lines)
def test_totals_match_independent_exact_computation(items):
    totals = compute_totals((line_net(q, p), r) for q, p, r in items)
    net, vat, subtotals = independent_totals(items)
    assert cents(totals.net) == net
    assert cents(totals.vat) == vat
    assert cents(totals.gross) == net + vat
    assert {
        Fraction(s.rate): (cents(s.taxable), cents(s.tax)) for s in totals.subtotals
    } == subtotals
    assert all(s.category == ("S" if s.rate else "Z") for s in totals.subtotals)


def test_line_net_rounds_half_up():
    assert line_net(Decimal("1.5"), Decimal("0.05")) == Decimal("0.08")  # 0.075
    assert line_net(Decimal("0.5"), Decimal("0.05")) == Decimal("0.03")  # 0.025, not 0.02
    assert line_net(Decimal(3), Decimal("33.33")) == Decimal("99.99")


def test_vat_per_rate_from_summed_nets_not_per_line():
    # Three lines of 0.10 at 25 %: per line VAT would be 3 x 0.03 = 0.09; per rate 0.08.
    totals = compute_totals([(Decimal("0.10"), Decimal(25))] * 3)
    assert (totals.net, totals.vat, totals.gross) == (
        Decimal("0.30"),
        Decimal("0.08"),
        Decimal("0.38"),
    )


def test_rates_written_differently_are_one_category():
    totals = compute_totals([(Decimal(10), Decimal(25)), (Decimal(10), Decimal("25.00"))])
    assert len(totals.subtotals) == 1
    assert totals.subtotals[0].rate == Decimal("25.00")


def test_round_money_half_up():
    assert round_money(Decimal("2.345")) == Decimal("2.35")
    assert round_money(Decimal("2.344999")) == Decimal("2.34")


@pytest.mark.django_db
@settings(max_examples=25, deadline=None)
@given(lines)
def test_issued_invoice_totals_match_independent_computation(items):
    """The same check through the service: what is stored and sent in UBL, not just computed."""
    invoice = InvoiceFactory(
        lines=[LineFactory(quantity=q, unit_price=p, vat_rate=r) for q, p, r in items]
    )
    net, vat, _subtotals = independent_totals(items)
    assert (cents(invoice.net_total), cents(invoice.vat_total)) == (net, vat)
    assert cents(invoice.gross_total) == net + vat
    payable = etree.fromstring(invoice_ubl(invoice)).findtext(
        "{*}LegalMonetaryTotal/{*}PayableAmount"
    )
    assert cents(Decimal(payable)) == net + vat
