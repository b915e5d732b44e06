import pytest
from django import forms
from django.core.exceptions import ValidationError

from samspil.billing.validators import (
    normalise_gln,
    normalise_vat_number,
    validate_gln,
    validate_vat_number,
    vat_country,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("DK13585628", "DK13585628"),
        ("13585628", "DK13585628"),  # a CVR number alone
        ("dk 13 58 56 28", "DK13585628"),
        ("BE0403170701", "BE0403170701"),
        ("BE 0403.170.701", "BE0403170701"),
        ("NL004495445B01", "NL004495445B01"),
        ("FR40303265045", "FR40303265045"),
        ("", ""),
    ],
)
def test_normalise_vat_number_valid(value, expected):
    assert normalise_vat_number(value) == expected


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        ("DK13585627", "vat_checksum", "This VAT number's check digits do not add up"),
        ("13585627", "vat_checksum", "This VAT number's check digits do not add up"),
        ("DK1358562", "vat_format", "A Danish CVR number has 8 digits, e.g. DK12345678."),
        ("1358562", "vat_prefix", "Enter the VAT number with its country code"),
        ("BE0403170702", "vat_checksum", "This VAT number's check digits do not add up"),
        ("BE12", "vat_format", "BE12 is not a valid VAT number for BE."),
        ("US123456789", "vat_country", "US is not the country code of an EU VAT number"),
        ("hello", "vat_country", "HE is not the country code of an EU VAT number"),
    ],
)
def test_validate_vat_number_invalid(value, code, message):
    with pytest.raises(ValidationError) as caught:
        validate_vat_number(value)
    assert caught.value.code == code
    assert caught.value.messages[0].startswith(message)


def test_vat_country_greece_is_gr():
    assert vat_country("EL094259216") == "GR"
    assert vat_country("DK13585628") == "DK"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5798000000001", "5798000000001"), ("5798 0000 0000 1", "5798000000001"), ("", "")],
)
def test_normalise_gln_valid(value, expected):
    assert normalise_gln(value) == expected


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        ("5798000000002", "gln_checksum", "This EAN/GLN number's last digit is not the right"),
        ("579800000000", "gln_format", "An EAN/GLN number has exactly 13 digits"),
        ("57980000000011", "gln_format", "An EAN/GLN number has exactly 13 digits"),
        ("579800000000A", "gln_format", "An EAN/GLN number has exactly 13 digits"),
    ],
)
def test_validate_gln_invalid(value, code, message):
    with pytest.raises(ValidationError) as caught:
        validate_gln(value)
    assert caught.value.code == code
    assert caught.value.messages[0].startswith(message)


class BuyerNumbersForm(forms.Form):
    vat_number = forms.CharField(required=False, validators=[validate_vat_number])
    gln = forms.CharField(required=False, validators=[validate_gln])


def test_validators_work_on_form_fields():
    form = BuyerNumbersForm({"vat_number": "DK13585627", "gln": "5798000000002"})
    assert not form.is_valid()
    assert form.errors["vat_number"][0].startswith("This VAT number's check digits")
    assert form.errors["gln"][0].startswith("This EAN/GLN number's last digit")
    assert BuyerNumbersForm({"vat_number": "DK13585628", "gln": "5798000000001"}).is_valid()
