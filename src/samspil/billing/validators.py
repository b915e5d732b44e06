"""Validators for a buyer's VAT number and EAN/GLN location number.

Each `validate_*` takes a string and raises ValidationError with a translated
message; they fit a form or model field's `validators=[...]` as they are.
Each `normalise_*` returns the compact form to store (and validates first).
Empty values pass: whether a number is required is the field's business.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import ean
from stdnum.dk import cvr
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
)
from stdnum.exceptions import (
    ValidationError as StdnumError,
)

CVR_LENGTH = 8
GLN_LENGTH = 13
# Greece writes "EL" on VAT numbers; the rest of the EU uses the ISO country code.
VAT_PREFIX_COUNTRY = {"EL": "GR"}


def _compact(value: str) -> str:
    return "".join(ch for ch in str(value) if ch.isalnum()).upper()


def normalise_vat_number(value: str) -> str:
    """The VAT number with its country prefix and nothing else, e.g. "DK13585628".

    Accepts a Danish CVR number without prefix (8 digits), "DK" + CVR,
    a Belgian enterprise number "BE0123456789" and any EU VAT number.
    """
    number = _compact(value)
    if not number:
        return ""
    if number.isdigit():
        if len(number) != CVR_LENGTH:
            raise ValidationError(
                _(
                    "Enter the VAT number with its country code, e.g. BE0123456789; "
                    "a Danish CVR number alone has 8 digits."
                ),
                code="vat_prefix",
            )
        number = "DK" + number
    prefix = number[:2]
    if prefix != "EL" and prefix.lower() not in eu_vat.MEMBER_STATES:
        raise ValidationError(
            _("%(prefix)s is not the country code of an EU VAT number, e.g. DK or BE."),
            code="vat_country",
            params={"prefix": prefix},
        )
    if prefix == "DK":
        # The CVR number alone is what Danish public bodies and NemHandel use.
        error = _cvr_error(number[2:])
        if error:
            raise error
        return number
    try:
        return eu_vat.validate(number)
    except InvalidChecksum as exc:
        raise ValidationError(
            _("This VAT number's check digits do not add up; check it for a typing error."),
            code="vat_checksum",
        ) from exc
    except (InvalidLength, InvalidFormat, InvalidComponent, StdnumError) as exc:
        raise ValidationError(
            _("%(number)s is not a valid VAT number for %(prefix)s."),
            code="vat_format",
            params={"number": number, "prefix": prefix},
        ) from exc


def _cvr_error(digits: str) -> ValidationError | None:
    if len(digits) != CVR_LENGTH or not digits.isdigit():
        return ValidationError(
            _("A Danish CVR number has 8 digits, e.g. DK12345678."), code="vat_format"
        )
    if not cvr.is_valid(digits):
        return ValidationError(
            _("This VAT number's check digits do not add up; check it for a typing error."),
            code="vat_checksum",
        )
    return None


def validate_vat_number(value: str) -> None:
    """Raise ValidationError unless `value` is empty or a valid (EU) VAT/CVR number."""
    normalise_vat_number(value)


def vat_country(number: str) -> str:
    """The ISO 3166 country code of a normalised VAT number ("EL..." is Greece, "GR")."""
    prefix = number[:2].upper()
    return VAT_PREFIX_COUNTRY.get(prefix, prefix)


def normalise_gln(value: str) -> str:
    """The 13-digit EAN/GLN location number, spaces and dashes removed."""
    number = _compact(value)
    if not number:
        return ""
    if not number.isdigit() or len(number) != GLN_LENGTH:
        raise ValidationError(
            _("An EAN/GLN number has exactly 13 digits, e.g. 5798000000001."), code="gln_format"
        )
    if not ean.is_valid(number):
        raise ValidationError(
            _(
                "This EAN/GLN number's last digit is not the right check digit; "
                "check it for a typing error."
            ),
            code="gln_checksum",
        )
    return number


def validate_gln(value: str) -> None:
    """Raise ValidationError unless `value` is empty or a 13-digit GLN with a valid check digit."""
    normalise_gln(value)
