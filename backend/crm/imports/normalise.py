"""Normalising one cell for its field. Every change is reported as `{field, rule, before, after}`
and every value that cannot be read as a problem `{field, code, message}`: nothing is silently
fixed or dropped. A rule that only suspects something (a spelling variant) flags it and leaves
the value as it was.

Rules: `trim` (surrounding blanks, inner runs of blanks), `full_width` (full-width digits,
letters and punctuation to half-width, NFKC), `phone_e164`, `email_lowercase`, `date`,
`amount` (thousands separators, currency signs, 万), `currency`, `enum_synonym`, `size_bucket`
(a head count to a size band), `website_scheme`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from marshmallow import ValidationError, validate

from crm.core.fields import normalise_phone
from crm.core.i18n import N_
from crm.imports.mapping import COMPANY_SIZES, Field

# Problem codes that only warn: the row is still imported.
WARNING_CODES = frozenset(
    {"spelling_variant", "missing_value", "duplicate_in_file", "no_match", "extra_cells"}
)

ENUM_SYNONYMS: dict[str, dict[str, str]] = {
    "status": {
        "new": "new",
        "新": "new",
        "新线索": "new",
        "新建": "new",
        "未处理": "new",
        "contacted": "contacted",
        "已联系": "contacted",
        "跟进中": "contacted",
        "qualified": "qualified",
        "合格": "qualified",
        "已确认": "qualified",
        "有效": "qualified",
        "unqualified": "unqualified",
        "不合格": "unqualified",
        "无效": "unqualified",
    },
    "source": {
        "web": "web",
        "website": "web",
        "网站": "web",
        "官网": "web",
        "网络": "web",
        "referral": "referral",
        "推荐": "referral",
        "转介绍": "referral",
        "event": "event",
        "展会": "event",
        "活动": "event",
        "会议": "event",
        "cold call": "cold_call",
        "cold_call": "cold_call",
        "陌拜": "cold_call",
        "电话": "cold_call",
        "电话营销": "cold_call",
        "advertisement": "advertisement",
        "ad": "advertisement",
        "ads": "advertisement",
        "广告": "advertisement",
        "partner": "partner",
        "合作伙伴": "partner",
        "渠道": "partner",
        "other": "other",
        "其他": "other",
        "其它": "other",
    },
}
CURRENCY_SIGNS = {
    "¥": "CNY",
    "￥": "CNY",
    "元": "CNY",
    "CNY": "CNY",
    "RMB": "CNY",
    "人民币": "CNY",
    "$": "USD",
    "USD": "USD",
    "US$": "USD",
    "€": "EUR",
    "EUR": "EUR",
}
_CURRENCY_RE = re.compile(
    "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len, reverse=True))
)
_EMAIL = validate.Email()
EXCEL_EPOCH = date(1899, 12, 30)
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%Y.%m.%d", "%Y%m%d")


@dataclass
class Cell:
    """One field's value after normalisation, with what was changed and what is wrong."""

    value: Any = None
    changes: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # other fields it sets (currency)


def problem(field_name: str | None, code: str, message: str) -> dict:
    return {"field": field_name, "code": code, "message": message}


def _change(cell: Cell, name: str, rule: str, before: Any, after: Any) -> None:
    if before != after:
        cell.changes.append({"field": name, "rule": rule, "before": before, "after": after})


def _is_full_width(char: str) -> bool:
    return "\uff01" <= char <= "\uff5e" or char == "\u3000"


def clean_text(name: str, raw: Any, cell: Cell) -> str:
    """`full_width` then `trim`, each reported when it changed something."""
    text = "" if raw is None else str(raw)
    if any(_is_full_width(c) for c in text):
        half = "".join(unicodedata.normalize("NFKC", c) if _is_full_width(c) else c for c in text)
        _change(cell, name, "full_width", text, half)
        text = half
    trimmed = re.sub(r"\s+", " ", text).strip()
    _change(cell, name, "trim", text, trimmed)
    return trimmed


def parse_date(text: str) -> date | None:
    """2024-01-05, 2024/1/5, 05.01.2024, 2024年1月5日, 20240105, an ISO datetime (openpyxl),
    or an Excel serial number (days since 1899-12-30)."""
    match = re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?", text)
    if match:
        text = "-".join(match.groups())
    if re.fullmatch(r"\d{4,5}(\.\d+)?", text) and not re.fullmatch(r"(19|20)\d{6}", text):
        serial = float(text)
        if 1 <= serial < 2958466:
            return EXCEL_EPOCH + timedelta(days=int(serial))
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?", text):
        return datetime.fromisoformat(text.replace(" ", "T")).date()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_amount(text: str) -> tuple[Decimal | None, str | None]:
    """(amount, currency named by a sign or code) from `¥1,234.50`, `1.5万`, `RMB 300`..."""
    currency = None
    signs = _CURRENCY_RE.findall(text)
    if signs:
        currency = CURRENCY_SIGNS[signs[0]]
        text = _CURRENCY_RE.sub("", text)
    text = text.replace(" ", "").replace("\u00a0", "")
    factor = Decimal(1)
    if text.endswith("万"):
        factor, text = Decimal(10000), text[:-1]
    elif text.endswith("亿"):
        factor, text = Decimal(100000000), text[:-1]
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    try:
        amount = Decimal(text) * factor
    except InvalidOperation:
        return None, currency
    if not amount.is_finite():
        return None, currency
    return amount.normalize() if amount == amount.to_integral() else amount, currency


def _decimal_text(amount: Decimal) -> str:
    return format(amount, "f")


def size_band(count: int) -> str:
    for band in COMPANY_SIZES[:-1]:
        if count <= int(band.split("-")[1]):
            return band
    return COMPANY_SIZES[-1]


def normalise_cell(spec: Field, raw: Any, *, region: str) -> Cell:
    """The cell of `spec`'s column read into the field's value (None when empty)."""
    cell = Cell()
    name = spec.name
    text = clean_text(name, raw, cell)
    if text == "":
        cell.value = None
        return cell
    kind = spec.kind
    if kind in ("text", "ref"):
        if spec.max_length and len(text) > spec.max_length:
            cell.problems.append(
                problem(
                    name, "too_long", N_("At most {max} characters.").format(max=spec.max_length)
                )
            )
        cell.value = text
        if name == "currency":
            upper = CURRENCY_SIGNS.get(text.upper(), text.upper())
            _change(cell, name, "currency", text, upper)
            cell.value = upper
            if not re.fullmatch(r"[A-Z]{3}", upper):
                cell.problems.append(
                    problem(name, "invalid_currency", N_("An ISO 4217 code, e.g. CNY."))
                )
    elif kind == "email":
        lower = text.lower()
        _change(cell, name, "email_lowercase", text, lower)
        try:
            _EMAIL(lower)
            cell.value = lower
        except ValidationError:
            cell.problems.append(problem(name, "invalid_email", N_("Not a valid email address.")))
    elif kind == "phone":
        e164 = normalise_phone(text, region)
        if e164 is None:
            cell.problems.append(problem(name, "invalid_phone", N_("Not a valid phone number.")))
        else:
            _change(cell, name, "phone_e164", text, e164)
            cell.value = e164
    elif kind == "date":
        parsed = parse_date(text)
        if parsed is None:
            cell.problems.append(
                problem(
                    name, "invalid_date", N_("Not a date we can read: {value}.").format(value=text)
                )
            )
        else:
            _change(cell, name, "date", text, parsed.isoformat())
            cell.value = parsed.isoformat()
    elif kind in ("amount", "integer"):
        amount, currency = parse_amount(text)
        if amount is None or (kind == "integer" and amount != amount.to_integral()):
            cell.problems.append(
                problem(
                    name,
                    "invalid_number",
                    N_("Not a number we can read: {value}.").format(value=text),
                )
            )
        else:
            after = _decimal_text(amount)
            _change(cell, name, "amount", text, after)
            cell.value = after if kind == "amount" else int(amount)
            if currency:
                cell.extra["currency"] = currency
    elif kind == "enum":
        _enum(cell, spec, text)
    elif kind == "size":
        _size(cell, spec, text)
    elif kind == "website":
        url = text if "://" in text else "https://" + text
        _change(cell, name, "website_scheme", text, url)
        try:
            validate.URL(schemes={"http", "https"}, require_tld=True)(url)
            cell.value = url
        except ValidationError:
            cell.problems.append(problem(name, "invalid_url", N_("Not a valid web address.")))
    else:  # pragma: no cover (every kind is handled above)
        cell.value = text
    return cell


def _enum(cell: Cell, spec: Field, text: str) -> None:
    key = re.sub(r"[\s_\-]+", " ", text.lower()).strip()
    synonyms = ENUM_SYNONYMS.get(spec.name, {})
    value = synonyms.get(key) or synonyms.get(key.replace(" ", "_"))
    if value is None and key.replace(" ", "_") in spec.choices:
        value = key.replace(" ", "_")
    if value is None or value not in spec.choices:
        cell.problems.append(
            problem(
                spec.name,
                "invalid_choice",
                N_("Must be one of: {choices}.").format(choices=", ".join(spec.choices)),
            )
        )
        return
    _change(cell, spec.name, "enum_synonym", text, value)
    cell.value = value


def _size(cell: Cell, spec: Field, text: str) -> None:
    compact = text.replace(" ", "")
    if compact in spec.choices:
        cell.value = compact
        _change(cell, spec.name, "trim", text, compact)
        return
    amount, _ = parse_amount(text)
    if amount is None or amount < 0 or amount != amount.to_integral():
        cell.problems.append(
            problem(
                spec.name,
                "invalid_choice",
                N_("Must be one of: {choices}.").format(choices=", ".join(spec.choices)),
            )
        )
        return
    band = size_band(int(amount))
    _change(cell, spec.name, "size_bucket", text, band)
    cell.value = band
