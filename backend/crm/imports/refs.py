"""References by name: the owner (by email or name), a company (by name), a product (by name or
SKU), a stage (by name in the default pipeline, or by kind: 赢单 = won). A name that matches
nothing, or more than one record, is a row problem: nothing is ever created to satisfy it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from crm.auth import services as auth
from crm.core.i18n import N_
from crm.core.permissions import ADMIN, MANAGER, SALES
from crm.core.records import key_of
from crm.customers import services as customers
from crm.imports.normalise import problem
from crm.imports.variants import closest
from crm.sales.pipeline import services as pipelines
from crm.sales.products import services as products

if TYPE_CHECKING:
    from crm.auth.models import User

STAGE_KINDS = {
    "won": "won",
    "win": "won",
    "closed won": "won",
    "赢单": "won",
    "成交": "won",
    "已成交": "won",
    "lost": "lost",
    "closed lost": "lost",
    "输单": "lost",
    "丢单": "lost",
    "失败": "lost",
}
UNKNOWN = {
    "owner": N_("No user named {name}."),
    "company": N_("No company named {name}."),
    "product": N_("No product named {name}."),
    "stage": N_("No stage named {name}."),
}


def _unknown(field: str, kind: str, name: str, suggestion: str | None) -> list[dict]:
    found = [problem(field, "unknown_reference", UNKNOWN[kind].format(name=name))]
    if suggestion:
        found.append(
            problem(
                field,
                "spelling_variant",
                N_("{value} looks like a spelling variant of {other}.").format(
                    value=name, other=suggestion
                ),
            )
        )
    return found


def _ambiguous(field: str, name: str, count: int) -> dict:
    return problem(
        field,
        "ambiguous_reference",
        N_("{count} records are named {name}; name one.").format(count=count, name=name),
    )


@dataclass(frozen=True)
class Found:
    id: int
    role: str | None = None
    team_id: int | None = None


def _snapshot(kind: str, record) -> Found:
    if kind == "owner":
        return Found(record.id, record.role, record.team_id)
    return Found(record.id)


class Resolver:
    """Looks up the names a batch of rows mentions, a query per kind per batch, and remembers
    them for the rest of the job."""

    def __init__(self, user: User):
        self.user = user
        self.cache: dict[str, dict[str, list]] = {"owner": {}, "company": {}, "product": {}}
        self._stages = None
        self._product_names: list[str] | None = None

    def prefetch(self, kind: str, names) -> None:
        keys = {key_of(n, "name") for n in names if n} - set(self.cache[kind])
        if not keys:
            return
        if kind == "owner":
            found = auth.users_by_email_or_name(keys)
        elif kind == "company":
            found = customers.companies_by(self.user, "name", keys)
        else:
            found = products.products_by("name", keys)
            for key, items in products.products_by("sku", keys).items():
                found.setdefault(key, []).extend(p for p in items if p not in found.get(key, []))
        for key in keys:
            # Plain snapshots, not ORM objects: they outlive the batch's commit (which expires
            # every loaded object) without a query each.
            self.cache[kind][key] = [_snapshot(kind, record) for record in found.get(key, [])]

    def forget(self, kind: str, name: str) -> None:
        self.cache[kind].pop(key_of(name, "name"), None)

    def _one(self, kind: str, field: str, name: str) -> tuple[object | None, list[dict]]:
        self.prefetch(kind, [name])
        found = self.cache[kind].get(key_of(name, "name"), [])
        if len(found) == 1:
            return found[0], []
        if len(found) > 1:
            return None, [_ambiguous(field, name, len(found))]
        suggestion = None
        if kind == "product":
            if self._product_names is None:
                self._product_names = products.product_names()
            suggestion = closest(name, self._product_names)
        return None, _unknown(field, kind, name, suggestion)

    def owner(self, field: str, name: str) -> tuple[int | None, list[dict]]:
        user, problems = self._one("owner", field, name)
        if user is None:
            return None, problems
        if user.id == self.user.id:
            return user.id, []
        allowed = (
            self.user.role in (ADMIN, MANAGER)
            and user.role in (ADMIN, MANAGER, SALES)
            and auth.can_assign(self.user, user)
        )
        if not allowed:
            return None, [
                problem(
                    field,
                    "owner_not_allowed",
                    N_("{name} is not someone you can assign records to.").format(name=name),
                )
            ]
        return user.id, []

    def company(self, field: str, name: str) -> tuple[int | None, list[dict]]:
        company, problems = self._one("company", field, name)
        return (company.id if company is not None else None), problems

    def product(self, field: str, name: str) -> tuple[int | None, list[dict]]:
        product, problems = self._one("product", field, name)
        return (product.id if product is not None else None), problems

    def stage(self, field: str, name: str) -> tuple[tuple[int, int, str] | None, list[dict]]:
        """(pipeline id, stage id, kind) of the default pipeline's stage so named, or of its
        first won or lost stage for a kind's name."""
        if self._stages is None:
            pipeline = pipelines.default_pipeline()
            stages = pipelines.active_stages(pipeline) if pipeline is not None else []
            self._stages = [(pipeline.id, s.id, s.kind, s.name) for s in stages]
        key = key_of(name, "name")
        for pipeline_id, stage_id, kind, stage_name in self._stages:
            if key_of(stage_name, "name") == key:
                return (pipeline_id, stage_id, kind), []
        kind = STAGE_KINDS.get(key)
        for pipeline_id, stage_id, stage_kind, _ in self._stages:
            if kind is not None and stage_kind == kind:
                return (pipeline_id, stage_id, stage_kind), []
        suggestion = closest(name, [s[3] for s in self._stages])
        return None, _unknown(field, "stage", name, suggestion)
