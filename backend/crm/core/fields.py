"""marshmallow fields every domain's schemas share: trimmed text, phone numbers, websites, the
owner filter of lists."""

from __future__ import annotations

import re

import marshmallow as ma
import phonenumbers
from flask import current_app
from marshmallow import validate

from crm.core.i18n import N_


def normalise_phone(value: str, region: str | None = None) -> str | None:
    """E.164 for a number typed any common way ("138 0013 8000" -> "+8613800138000"), read in
    `region` (default: the PHONE_DEFAULT_REGION setting) when it has no country code."""
    region = region or current_app.config["PHONE_DEFAULT_REGION"]
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class PhoneNumber(ma.fields.String):
    """A phone number, stored and answered in E.164; blank means 'none'."""

    def _deserialize(self, value, attr, data, **kwargs):
        raw = super()._deserialize(value, attr, data, **kwargs).strip()
        if raw == "":
            return None
        e164 = normalise_phone(raw)
        if e164 is None:
            raise ma.ValidationError(N_("Not a valid phone number."))
        return e164


class _TrimmedText(ma.fields.String):
    """Free text with surrounding blanks trimmed and a maximum length.

    The length is checked here rather than by a `validate=` validator, because a blank value
    becomes None and validators would then be handed None.
    """

    def __init__(self, *, max: int, **kwargs):
        super().__init__(metadata={"maxLength": max, **kwargs.pop("metadata", {})}, **kwargs)
        self.max_length = max

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        if len(text) > self.max_length:
            raise ma.ValidationError(
                N_("Longer than maximum length {max}.").format(max=self.max_length)
            )
        return text


class RequiredText(_TrimmedText):
    """Free text that must say something: blank is refused."""

    def __init__(self, *, max: int, **kwargs):
        metadata = {"minLength": 1, "pattern": r"\S", **kwargs.pop("metadata", {})}
        super().__init__(max=max, metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not text:
            raise ma.ValidationError(N_("Field may not be blank."))
        return text


class OptionalText(_TrimmedText):
    """Free text where a blank string means 'none'."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs) or None


class Website(_TrimmedText):
    """An http(s) address; typed without a scheme ("acme.cn") it gets https://. Blank is none."""

    _check = validate.URL(
        schemes={"http", "https"}, require_tld=True, error=N_("Not a valid web address.")
    )

    def __init__(self, **kwargs):
        metadata = {"description": "http(s) address; `acme.cn` is stored as https://acme.cn"}
        super().__init__(max=255, metadata={**metadata, **kwargs.pop("metadata", {})}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not text:
            return None
        if "://" not in text:
            text = "https://" + text
            if len(text) > self.max_length:
                raise ma.ValidationError(
                    N_("Longer than maximum length {max}.").format(max=self.max_length)
                )
        return self._check(text)


OWNER_FILTER = re.compile(r"^(me|none|[1-9][0-9]{0,9})$")


class SearchText(ma.fields.String):
    """A list's `q`: 1 to 100 characters that `crm.core.search.search` looks for in the columns
    `description` names."""

    def __init__(self, description: str, **kwargs):
        kwargs.setdefault("validate", validate.Length(min=1, max=100))
        kwargs.setdefault("metadata", {"description": description})
        super().__init__(**kwargs)


class OwnerFilter(ma.fields.String):
    """The list filter on a record's owner (or a ticket's assignee): `me`, `none` or a user id;
    `crm.core.search.owner_filter` turns it into a condition."""

    def __init__(self, **kwargs):
        kwargs.setdefault("validate", validate.Regexp(OWNER_FILTER))
        kwargs.setdefault("metadata", {"description": "`me`, `none` (unassigned) or a user id"})
        super().__init__(**kwargs)
