"""Spelling variants of select-like values (an industry, a country, a product name): a value
close to, but not the same as, a known one is flagged with the value it resembles. It is never
changed: the user decides (fix the file, or keep it)."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process, utils

from crm.core.i18n import N_
from crm.imports.normalise import problem

THRESHOLD = 85

INDUSTRIES = (
    "technology",
    "software",
    "hardware",
    "telecommunications",
    "finance",
    "banking",
    "insurance",
    "medical",
    "healthcare",
    "pharmaceuticals",
    "retail",
    "wholesale",
    "manufacturing",
    "marketing",
    "media",
    "entertainment",
    "education",
    "employment",
    "services",
    "consulting",
    "logistics",
    "transportation",
    "energy",
    "construction",
    "real estate",
    "agriculture",
    "food",
    "automotive",
    "government",
    "legal",
    "互联网",
    "软件",
    "制造业",
    "金融",
    "医疗",
    "零售",
    "教育",
    "物流",
    "房地产",
    "能源",
)
COUNTRIES = (
    "United States",
    "China",
    "Japan",
    "Korea",
    "Germany",
    "France",
    "Italy",
    "Spain",
    "United Kingdom",
    "Belgium",
    "Netherlands",
    "Norway",
    "Sweden",
    "Poland",
    "Romania",
    "Brazil",
    "Panama",
    "Mexico",
    "Canada",
    "Kenya",
    "Jordan",
    "Philippines",
    "India",
    "Singapore",
    "Australia",
    "Indonesia",
    "Vietnam",
    "Thailand",
    "Malaysia",
    "中国",
    "美国",
    "日本",
    "韩国",
    "德国",
)
VOCABULARIES = {"industry": INDUSTRIES, "address": COUNTRIES}


def _key(value: str) -> str:
    return utils.default_process(value)


class VariantChecker:
    """Flags values of one field close to a *known* value: the built-in vocabulary plus the
    values already stored (`known`). A value equal (case aside) to a built-in one is fine; any
    other value close to another known one is flagged, even when stored already (so importing
    the same file twice flags it twice)."""

    def __init__(self, field: str, known: Iterable[str] = ()):
        self.field = field
        builtin = VOCABULARIES.get(field, ())
        self.builtin = {_key(v) for v in builtin}
        self.choices: dict[str, str] = {}
        for value in (*builtin, *known):
            if value:
                self.choices.setdefault(_key(value), value)

    def check(self, value: str | None) -> list[dict]:
        if not value:
            return []
        key = _key(value)
        if key in self.builtin:
            return []
        others = {k: v for k, v in self.choices.items() if k != key}
        return flag(self.field, value, others.values())


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice `value` most resembles (at least THRESHOLD), other than itself."""
    key = _key(value)
    candidates = [c for c in choices if _key(c) != key]
    if not candidates:
        return None
    found = process.extractOne(
        value,
        candidates,
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=THRESHOLD,
    )
    return found[0] if found else None


def flag(field: str, value: str, choices: Iterable[str]) -> list[dict]:
    match = closest(value, choices)
    if match is None:
        return []
    return [
        problem(
            field,
            "spelling_variant",
            N_("{value} looks like a spelling variant of {other}.").format(
                value=value, other=match
            ),
        )
    ]
