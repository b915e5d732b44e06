"""Invoice arithmetic as EN 16931 (and Peppol BIS 3.0) has it, in Decimal.

- A line's net amount is quantity x unit price, rounded half up to 2 decimals (BR-DEC-23).
- VAT is computed per category and rate on the sum of the rounded line nets, then
  rounded half up to 2 decimals (BR-S-09, BR-Z-09): not summed from per-line VAT.
- Total net = sum of line nets (BR-CO-10); total VAT = sum of the subtotals' VAT
  (BR-CO-14); total with VAT = net + VAT (BR-CO-15).
No Django here: the functions take and return plain values.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def round_money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def line_net(quantity: Decimal, unit_price: Decimal) -> Decimal:
    return round_money(quantity * unit_price)


def vat_category(rate: Decimal) -> str:
    """UNCL 5305 code: S (standard rate) for a positive rate, Z (zero rated) for 0 %."""
    return "S" if rate > 0 else "Z"


@dataclass(frozen=True)
class VatSubtotal:
    category: str
    rate: Decimal
    taxable: Decimal
    tax: Decimal


@dataclass(frozen=True)
class Totals:
    net: Decimal
    vat: Decimal
    gross: Decimal
    subtotals: tuple[VatSubtotal, ...]


def compute_totals(lines: Iterable[tuple[Decimal, Decimal]]) -> Totals:
    """Totals of lines given as (rounded line net, VAT rate in %), subtotals by rate."""
    taxable_by_rate: dict[Decimal, Decimal] = {}
    for net, rate in lines:
        key = Decimal(rate).normalize() + 0  # 25, 25.0 and 25.00 are one rate
        taxable_by_rate[key] = taxable_by_rate.get(key, Decimal(0)) + net
    subtotals = tuple(
        VatSubtotal(
            category=vat_category(rate),
            rate=rate.quantize(CENT),
            taxable=taxable,
            tax=round_money(taxable * rate / HUNDRED),
        )
        for rate, taxable in sorted(taxable_by_rate.items(), reverse=True)
    )
    net = sum((s.taxable for s in subtotals), Decimal("0.00"))
    vat = sum((s.tax for s in subtotals), Decimal("0.00"))
    return Totals(net=net, vat=vat, gross=net + vat, subtotals=subtotals)
