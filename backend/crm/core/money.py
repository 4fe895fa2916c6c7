"""Money, quantities and percentages: exact decimals, answered as strings, never floats.

A JSON body may send a decimal string ("120000.50") or a whole number (120000); a JSON float is
refused, since `0.1` has already lost its exact value by the time it is parsed.
"""

from __future__ import annotations

import decimal
import re
from decimal import ROUND_HALF_UP, Decimal

import marshmallow as ma

from crm.core.i18n import N_

DECIMAL_TEXT = re.compile(r"[+-]?[0-9]{1,40}(\.[0-9]{1,40})?")
CENT = Decimal("0.01")
# Numeric(18, 2) columns keep 16 digits before the point.
MONEY_DIGITS = 16
MAX_MONEY = Decimal(10) ** MONEY_DIGITS - CENT
ISO_4217 = re.compile(r"^[A-Z]{3}$")
_WIDE = decimal.Context(prec=80)


class DecimalString(ma.fields.Decimal):
    """An exact decimal with at most `places` decimals and `digits` digits before the point."""

    def __init__(
        self,
        *,
        places: int = 2,
        digits: int = MONEY_DIGITS,
        minimum: Decimal | int | None = None,
        maximum: Decimal | int | None = None,
        positive: bool = False,
        **kwargs,
    ):
        self.digits = digits
        self.minimum = None if minimum is None else Decimal(minimum)
        self.maximum = None if maximum is None else Decimal(maximum)
        self.positive = positive
        fraction = "[0-9]{1,%d}" % places  # noqa: UP031
        sign = "" if (self.minimum is not None and self.minimum >= 0) or positive else "-?"
        metadata = {
            "type": "string",
            "format": "decimal",
            "pattern": rf"^{sign}[0-9]{{1,{digits}}}(\.{fraction})?$",
            "example": "1234.50" if places == 2 else "12.500",
            **kwargs.pop("metadata", {}),
        }
        super().__init__(places=places, as_string=True, metadata=metadata, **kwargs)
        self.places_count = places

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ma.ValidationError(N_('Send a decimal string, e.g. "1234.50".'))
        if isinstance(value, str):
            text = value.strip()
            if not DECIMAL_TEXT.fullmatch(text):
                raise ma.ValidationError(N_('Not a valid decimal number, e.g. "1234.50".'))
            number = Decimal(text)
        else:
            number = Decimal(value)
        if abs(number) >= Decimal(10) ** self.digits:
            raise ma.ValidationError(
                N_("At most {n} digits before the decimal point.").format(n=self.digits)
            )
        rounded = number.quantize(self.places)
        if rounded != number:
            raise ma.ValidationError(N_("At most {n} decimal places.").format(n=self.places_count))
        number = rounded + 0  # "-0.00" becomes "0.00"
        if self.positive and number <= 0:
            raise ma.ValidationError(N_("Must be greater than 0."))
        if self.minimum is not None and number < self.minimum:
            raise ma.ValidationError(N_("Must be at least {min}.").format(min=self.minimum))
        if self.maximum is not None and number > self.maximum:
            raise ma.ValidationError(N_("Must be at most {max}.").format(max=self.maximum))
        return number


def Money(**kwargs) -> DecimalString:
    """An amount of money: a string with at most 2 decimals, never negative."""
    metadata = {"description": "Decimal string, at most 2 decimals", **kwargs.pop("metadata", {})}
    return DecimalString(places=2, digits=MONEY_DIGITS, minimum=0, metadata=metadata, **kwargs)


def Quantity(**kwargs) -> DecimalString:
    """A quantity of a product: a string with at most 3 decimals."""
    metadata = {"description": "Decimal string, at most 3 decimals", **kwargs.pop("metadata", {})}
    return DecimalString(places=3, digits=15, metadata=metadata, **kwargs)


def Percent(**kwargs) -> DecimalString:
    """A discount in percent, 0 to 100, at most 2 decimals."""
    metadata = {"description": "Percent, 0 to 100", **kwargs.pop("metadata", {})}
    metadata.setdefault("pattern", r"^[0-9]{1,3}(\.[0-9]{1,2})?$")
    return DecimalString(places=2, digits=3, minimum=0, maximum=100, metadata=metadata, **kwargs)


def Currency(**kwargs) -> ma.fields.String:
    """An ISO 4217 currency code."""
    metadata = {"description": "ISO 4217 code, e.g. CNY", "example": "CNY"}
    metadata.update(kwargs.pop("metadata", {}))
    return ma.fields.String(
        validate=ma.validate.Regexp(ISO_4217, error=N_("An ISO 4217 code, e.g. CNY.")),
        metadata=metadata,
        **kwargs,
    )


def line_total(quantity: Decimal, unit_price: Decimal, discount: Decimal | None) -> Decimal:
    """quantity x unit price x (1 - discount / 100), rounded half up to the cent."""
    discount = discount or Decimal(0)
    with decimal.localcontext(_WIDE):
        exact = quantity * unit_price * (Decimal(100) - discount) / Decimal(100)
        return exact.quantize(CENT, rounding=ROUND_HALF_UP) + 0


def cents(value) -> Decimal:
    """A sum read from the database (a float on SQLite) as an exact amount of cents."""
    if value is None:
        return Decimal("0.00")
    with decimal.localcontext(_WIDE):
        return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP) + 0


def fits_money(value: Decimal) -> bool:
    return abs(value) <= MAX_MONEY
