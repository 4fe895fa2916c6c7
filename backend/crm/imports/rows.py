"""One import run over the file's rows, a batch at a time: each row is normalised, its
references resolved, matched against the file and the database, and given an outcome; the
commit also writes it through the owning domain's services (a savepoint per row, so a row the
domain refuses is an `error` row and the others go on)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flask import current_app

from crm.core.exceptions import DomainError
from crm.core.i18n import N_
from crm.core.records import key_of
from crm.customers import services as customers
from crm.extensions import db
from crm.imports import candidates, duplicate_rules
from crm.imports.mapping import field_named, fields_of
from crm.imports.models import ImportRow
from crm.imports.normalise import WARNING_CODES, normalise_cell, problem
from crm.imports.refs import Resolver
from crm.imports.variants import VariantChecker
from crm.imports.writers import (
    DEFAULT_MATCH_ON,
    WRITERS,
    differences,
    previous_values,
    service_data,
)

if TYPE_CHECKING:
    from crm.auth.models import User
    from crm.imports.models import Import

# In-file and database duplicate keys per entity, in create mode.
DUPLICATE_KEYS = {
    "leads": ("email", "phone"),
    "contacts": ("email", "phone"),
    "companies": ("name", "phone"),
    "opportunities": ("name",),
    "products": ("external_id", "name"),
}
KEY_KINDS = {"email": "email", "phone": "exact", "name": "name", "external_id": "name"}
VALUE_FIELD = {"email": "email", "phone": "phone", "name": "name", "external_id": "sku"}


@dataclass
class Row:
    number: int
    original: dict
    values: dict = field(default_factory=dict)
    changes: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    candidates: list = field(default_factory=list)
    outcome: str | None = None
    record_id: int | None = None
    previous: dict | None = None

    @property
    def blocked(self) -> bool:
        return any(p["code"] not in WARNING_CODES for p in self.problems)

    def key(self, match_on: str) -> str | None:
        return key_of(self.values.get(VALUE_FIELD[match_on]), KEY_KINDS[match_on])


def _message(error: DomainError) -> list[dict]:
    problems = [
        problem(name, "refused", str(message))
        for name, messages in (error.errors or {}).items()
        for message in messages
    ]
    return problems or [problem(None, error.code, str(error.detail or error.code))]


class Run:
    def __init__(self, imp: Import, user: User, *, write: bool, file_names: set[str] = frozenset()):
        self.imp = imp
        self.user = user
        self.write = write
        self.entity = imp.entity
        self.writer = WRITERS[self.entity]
        self.match_on = imp.match_on or DEFAULT_MATCH_ON[self.entity]
        self.specs = {c: field_named(self.entity, f) for c, f in imp.mapping.items() if f}
        self.mapped = {spec.name for spec in self.specs.values()}
        self.region = current_app.config["PHONE_DEFAULT_REGION"]
        self.resolver = Resolver(user)
        self.seen: dict[tuple[str, str], int] = {}
        self.file_names = file_names  # companies named in the file (a parent may come later)
        self.variants = {
            spec.name: VariantChecker(spec.name, customers.company_values_in_use(spec.name))
            for spec in self.specs.values()
            if spec.select_like
        }

    # --- one row, without the database ---------------------------------------------------

    def prepare(self, number: int, original: dict) -> Row:
        row = Row(number, {k: ("" if v is None else v) for k, v in original.items()})
        extra: dict = {}
        for column, spec in self.specs.items():
            cell = normalise_cell(spec, original.get(column), region=self.region)
            row.values[spec.name] = cell.value
            row.changes += cell.changes
            row.problems += cell.problems
            extra.update(cell.extra)
            if spec.name in self.variants:
                row.problems += self.variants[spec.name].check(cell.value)
        extras = len(row.original) - len(self.imp.columns)
        if extras > 0:
            row.problems.append(
                problem(
                    None,
                    "extra_cells",
                    N_(
                        "The row has {count} more cells than the header; they are not imported."
                    ).format(count=extras),
                )
            )
        names = {f.name for f in fields_of(self.entity)}
        for name, value in extra.items():  # a currency named by an amount's sign
            if name in names and row.values.get(name) is None:
                row.values[name] = value
                row.changes.append(
                    {"field": name, "rule": "currency", "before": None, "after": value}
                )
        for spec in fields_of(self.entity):
            if spec.required and row.values.get(spec.name) is None:
                row.problems.append(
                    problem(spec.name, "required", N_("Missing data for required field."))
                )
        if self.entity == "products" and row.values.get("sku") is None and row.values.get("name"):
            sku = "-".join(row.values["name"].upper().split())[:64]
            row.values["sku"] = sku
            row.changes.append(
                {"field": "sku", "rule": "sku_from_name", "before": None, "after": sku}
            )
        return row

    # --- a batch, with the database ------------------------------------------------------

    def run_batch(self, rows: list[Row]) -> None:
        for kind, name in (
            ("owner", "owner"),
            ("company", "company"),
            ("company", "parent"),
            ("product", "product"),
        ):
            self.resolver.prefetch(kind, [r.values.get(name) for r in rows])
        for row in rows:
            self._resolve(row)
        live = [r for r in rows if not r.blocked]
        if self.imp.mode == "create":
            self._duplicates(live)
        else:
            self._matches(live)
        for row in rows:
            if row.blocked:
                row.outcome = "error"
        if self.write:
            self._apply(rows)
            return
        # A dry-run writes too, so the owning domains check every row as the commit will, and
        # then undoes it: what it answers is what the commit will do.
        trial = db.session.begin_nested()
        try:
            self._apply(rows)
        finally:
            trial.rollback()
        for row in rows:
            if row.outcome == "created":
                row.record_id = None

    def _apply(self, rows: list[Row]) -> None:
        if self.writer.create_many is not None:
            self._create_many([r for r in rows if r.outcome == "created"])
        for row in rows:
            if row.outcome == "updated" or (
                row.outcome == "created" and self.writer.create_many is None
            ):
                self._write(row)

    def _create_many(self, rows: list[Row]) -> None:
        """The batch's new records in one go (the domain checks each; a refused one is an
        error row, the others are created)."""
        if not rows:
            return
        answers = self.writer.create_many(
            self.user, [service_data(self.entity, r.values) for r in rows]
        )
        for row, answer in zip(rows, answers, strict=True):
            if isinstance(answer, DomainError):
                row.outcome = "error"
                row.problems += _message(answer)
            else:
                row.record_id = answer.id

    def _resolve(self, row: Row) -> None:
        values = row.values
        for name, lookup, column in (
            ("owner", self.resolver.owner, "owner_id"),
            ("company", self.resolver.company, "company_id"),
            ("product", self.resolver.product, "product_id"),
        ):
            if values.get(name) is not None:
                found, problems = lookup(name, values[name])
                values[column] = found
                row.problems += problems
        if values.get("parent") is not None:
            found, problems = self.resolver.company("parent", values["parent"])
            if found is None and key_of(values["parent"], "name") in self.file_names:
                values["_pending_parent"] = values["parent"]  # a company of this file
            else:
                values["parent_id"] = found
                row.problems += problems
        if values.get("stage") is not None:
            stage, problems = self.resolver.stage("stage", values["stage"])
            row.problems += problems
            if stage is not None:
                values["pipeline_id"], values["stage_id"], kind = stage
                if (
                    kind != "open"
                    and "expected_close_date" in self.mapped
                    and not values.get("expected_close_date")
                ):
                    row.problems.append(
                        problem(
                            "expected_close_date",
                            "missing_value",
                            N_("A closed opportunity without a close date."),
                        )
                    )
        if (
            self.entity == "opportunities"
            and "company" in self.mapped
            and not values.get("company")
        ):
            row.problems.append(problem("company", "missing_value", N_("No company named.")))

    def file_key(self, row: Row, kind: str) -> str | None:
        """The key two rows of the file share when they are duplicates: company names alike
        once legal forms are removed (the duplicate rules' key), other keys as matched."""
        if self.entity == "companies" and kind == "name" and row.values.get("name"):
            return duplicate_rules.company_name_key(row.values["name"]) or row.key(kind)
        return row.key(kind)

    def _in_file(self, row: Row, kinds) -> bool:
        for kind in kinds:
            key = self.file_key(row, kind)
            if key is None:
                continue
            first = self.seen.get((kind, key))
            if first is not None and first != row.number:
                row.outcome = "duplicate"
                row.problems.append(
                    problem(
                        VALUE_FIELD[kind],
                        "duplicate_in_file",
                        N_("Row {row} has the same {field}.").format(
                            row=first, field=VALUE_FIELD[kind]
                        ),
                    )
                )
                return True
        for kind in kinds:
            key = self.file_key(row, kind)
            if key is not None:
                self.seen.setdefault((kind, key), row.number)
        return False

    def _duplicates(self, rows: list[Row]) -> None:
        kinds = DUPLICATE_KEYS[self.entity]
        found = {kind: self._find(kind, rows) for kind in kinds}
        for row in rows:
            if self._in_file(row, kinds):
                continue
            row.candidates = candidates.candidates(self.entity, row, found, self.user)
            if row.candidates and not self.imp.create_duplicates:
                row.outcome = "duplicate"
            else:
                row.outcome = "created"

    def _find(self, kind: str, rows: list[Row]) -> dict[str, list]:
        keys = {row.key(kind) for row in rows} - {None}
        if kind not in self.writer.match_fields or not keys:
            return {}
        return self.writer.find(self.user, kind, keys)

    def _matches(self, rows: list[Row]) -> None:
        found = self._find(self.match_on, rows)
        for row in rows:
            if self._in_file(row, (self.match_on,)):
                continue
            key = row.key(self.match_on)
            records = found.get(key, []) if key else []
            if len(records) > 1:
                row.problems.append(
                    problem(
                        VALUE_FIELD[self.match_on],
                        "ambiguous_match",
                        N_("{count} records match this row.").format(count=len(records)),
                    )
                )
                row.outcome = "error"
            elif records:
                self._compare(row, records[0])
            elif self.imp.mode == "upsert":
                row.outcome = "created"
            else:
                row.outcome = "skipped"
                row.problems.append(
                    problem(
                        VALUE_FIELD[self.match_on],
                        "no_match",
                        N_("No record matches this row; update mode creates none."),
                    )
                )

    def _compare(self, row: Row, record) -> None:
        row.record_id = record.id
        data = service_data(self.entity, row.values)
        if self.entity == "products":
            data.pop("sku", None)  # the key; the stored spelling stays
        changed = differences(record, data)
        row.outcome = "updated" if changed else "unchanged"
        if changed:
            row.previous = previous_values(record, changed)
            row.values["_update"] = sorted(changed)

    def _write(self, row: Row) -> None:
        data = service_data(self.entity, row.values)
        try:
            with db.session.begin_nested():
                if row.outcome == "created":
                    record = self.writer.create(self.user, data)
                    row.record_id = record.id
                    if self.entity == "companies":
                        self.resolver.forget("company", row.values.get("name") or "")
                else:
                    record = self.writer.get(self.user, row.record_id)
                    fields = row.values.pop("_update")
                    self.writer.update(self.user, record, {k: data[k] for k in fields})
        except DomainError as error:
            row.outcome = "error"
            row.record_id = None
            row.previous = None
            row.problems += _message(error)

    def finish_parents(self) -> None:
        """Set the parents the file names for companies created before them (commit only)."""
        pending = db.session.scalars(
            db.select(ImportRow).where(
                ImportRow.import_id == self.imp.id, ImportRow.record_id.is_not(None)
            )
        )
        for stored in pending:
            name = (stored.values or {}).get("_pending_parent")
            if not name or stored.outcome not in ("created", "updated"):
                continue
            self.resolver.forget("company", name)
            parent_id, problems = self.resolver.company("parent", name)
            values = dict(stored.values)
            values.pop("_pending_parent")
            values["parent_id"] = parent_id
            if parent_id is not None:
                try:
                    with db.session.begin_nested():
                        company = customers.get_company(self.user, stored.record_id)
                        customers.update_company(self.user, company, {"parent_id": parent_id})
                except DomainError as error:
                    problems = _message(error)
            stored.values = values
            stored.problems = [*stored.problems, *problems]
