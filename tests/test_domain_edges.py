"""Domain edges: a domain reaches another domain only through that domain's services.

The rule, checked on the source of `backend/crm` (every `import`, also inside functions):

- A *domain* is a top-level package under `crm/` other than `core`: `auth`, `customers`, `sales`
  (with its subpackages `pipeline`, `products`, `orders`: one domain), `service`, `attachments`.
- The *shared kernel* is `crm.core`; with it, any domain may import the shared infrastructure
  modules `crm.extensions` (the unbound extensions: `db`, `api`, the attachment store provider)
  and `crm.config`. `crm.core` imports no domain. `crm.extensions` is wiring: it may import what
  it binds (the store provider of `crm.attachments.store`).
- The *composition root* is every other top-level module (`crm/__init__.py`, `app_setup`, `seed`,
  `cli`, `web`): it wires the domains together and may import anything. Nothing else imports it.
- Inside its own package a domain imports freely. From another domain it imports only that
  domain's public modules:
  - its service layer: a module named `services` (at any depth, e.g.
    `crm.sales.pipeline.services`) or one listed in `SERVICE_MODULES` (sales splits its service
    layer into modules named after what they serve). Those functions apply the owner's scoping
    (an id outside the caller's scope answers 404), which a direct query on the owner's models
    would bypass;
  - its `contracts` module: the schemas it publishes for another domain's HTTP layer to embed
    (a lead's conversion answers with the company and contact as the customers domain shows
    them), so the API has one shape, and one OpenAPI component, per record.
  Another domain's `models`, `schemas`, `routes` and other modules are private.
- One exception: another domain's `models` may be imported under `if TYPE_CHECKING:` for type
  annotations (`user: User`). That import never runs. SQLAlchemy relationships across domains
  name their target by string (`Mapped[User | None]` resolves through the class registry) and
  foreign keys by table name (`ForeignKey("users.id")`); `crm.app_setup` imports every model
  module so the mappers are configured with all of them.

Imports by `importlib` are not seen: they are no way around the rule.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

CRM_DIR = Path(__file__).resolve().parent.parent / "backend" / "crm"
SHARED = ("crm.core", "crm.extensions", "crm.config")
# Service modules not named `services`; another domain may import them.
SERVICE_MODULES = frozenset(
    {
        "crm.sales.follow_ups",
        "crm.sales.conversion",
        "crm.sales.pipeline.opportunities",
    }
)


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    importer: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.importer} imports {self.target}: {self.reason}"


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def area(module: str, packages: frozenset[str]) -> str:
    """`core`, `shared`, `root` (the composition root) or the name of the module's domain."""
    if any(_within(module, shared) for shared in SHARED):
        return "core" if _within(module, "crm.core") else "shared"
    parts = module.split(".")
    if len(parts) >= 2 and f"crm.{parts[1]}" in packages:
        return parts[1]
    return "root"


def _is_public(module: str) -> bool:
    return module.rsplit(".", 1)[-1] in ("services", "contracts") or module in SERVICE_MODULES


def _type_checking_test(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "TYPE_CHECKING") or (
        isinstance(node, ast.Attribute) and node.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST):
    """(node, under TYPE_CHECKING) for every import statement, however deeply nested."""

    def visit(node: ast.AST, type_checking: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child, type_checking
            elif isinstance(child, ast.If) and _type_checking_test(child.test):
                for stmt in child.body:
                    yield from visit(ast.Module(body=[stmt], type_ignores=[]), True)
                for stmt in child.orelse:
                    yield from visit(ast.Module(body=[stmt], type_ignores=[]), type_checking)
            else:
                yield from visit(child, type_checking)

    yield from visit(tree, False)


def _targets(node: ast.Import | ast.ImportFrom, importer: str, is_package: bool, modules):
    """The crm modules an import statement loads (`from pkg import mod` loads `pkg.mod`)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = importer if is_package else importer.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    return [
        f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
        for alias in node.names
    ]


def _reason(own: str, other: str, target: str, type_checking: bool) -> str | None:
    """Why a module of area `own` may not import `target` (of area `other`); None if it may."""
    kind = target.rsplit(".", 1)[-1]
    if own == "root" or other == own:
        return None
    if other == "root":
        return "only the composition root imports the composition root"
    if own == "core" and other not in ("core", "shared"):
        return f"`crm.core` imports no domain (this is the `{other}` domain)"
    if own == "shared" or other in ("core", "shared") or _is_public(target):
        return None
    if type_checking and kind == "models":
        return None
    hint = " (a model used only in annotations goes under `if TYPE_CHECKING:`)"
    return (
        f"`{own}` reaches into the `{other}` domain; call a function of `{other}`'s services "
        "that applies its scoping (or embed a schema of its `contracts`)"
        + (hint if kind == "models" else "")
    )


def _packages(modules: frozenset[str]) -> frozenset[str]:
    """The top-level packages under crm: the modules with modules inside them."""
    return frozenset(
        m for m in modules if m.count(".") == 1 and any(n.startswith(m + ".") for n in modules)
    )


def check_source(
    importer: str,
    source: str,
    modules: frozenset[str],
    *,
    path: str = "<string>",
    is_package: bool = False,
) -> list[Violation]:
    """The imports of one module that break the rule. `modules`: every module name under crm."""
    packages = _packages(modules)
    own = area(importer, packages)
    found, seen = [], set()
    for node, type_checking in _imports(ast.parse(source, filename=path)):
        for target in _targets(node, importer, is_package, modules):
            if not _within(target, "crm") or (node.lineno, target) in seen:
                continue
            seen.add((node.lineno, target))
            reason = _reason(own, area(target, packages), target, type_checking)
            if reason is not None:
                found.append(Violation(path, node.lineno, importer, target, reason))
    return found


def _crm_modules() -> dict[str, Path]:
    modules = {}
    for file in sorted(CRM_DIR.rglob("*.py")):
        parts = file.relative_to(CRM_DIR.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = file
    return modules


def check_tree() -> list[Violation]:
    files = _crm_modules()
    modules = frozenset(files)
    found = []
    for module, file in files.items():
        found += check_source(
            module,
            file.read_text(encoding="utf-8"),
            modules,
            path=str(file.relative_to(CRM_DIR.parent.parent)),
            is_package=file.name == "__init__.py",
        )
    return found


def test_domains_reach_each_other_only_through_services():
    violations = check_tree()
    assert not violations, (
        f"{len(violations)} import(s) cross a domain edge (rule: tests/test_domain_edges.py):\n"
        + "\n".join(f"  {v}" for v in violations)
    )


def test_the_check_sees_the_whole_tree():
    modules = frozenset(_crm_modules())
    packages = _packages(modules)
    domains = {area(m, packages) for m in modules} - {"core", "shared", "root"}
    assert {"auth", "customers", "sales", "service", "attachments"} <= domains
    assert area("crm.sales.pipeline.models", packages) == "sales"
    assert area("crm.app_setup", packages) == "root"


# --- the checker itself, on small sources ------------------------------------------------------

MODULES = frozenset(
    {
        "crm",
        "crm.app_setup",
        "crm.extensions",
        "crm.core",
        "crm.core.errors",
        "crm.auth",
        "crm.auth.models",
        "crm.auth.contracts",
        "crm.auth.schemas",
        "crm.auth.services",
        "crm.customers",
        "crm.customers.models",
        "crm.customers.services",
        "crm.sales",
        "crm.sales.models",
        "crm.sales.services",
        "crm.sales.pipeline",
        "crm.sales.pipeline.models",
        "crm.sales.pipeline.opportunities",
        "crm.service",
        "crm.service.models",
        "crm.service.services",
    }
)


def _violations(importer: str, source: str, **kwargs) -> list[tuple[str, str]]:
    return [(v.target, v.reason) for v in check_source(importer, source, MODULES, **kwargs)]


@pytest.mark.parametrize(
    "source",
    [
        "from crm.customers.models import Company",
        "import crm.customers.models",
        "from crm.customers import models",
        "from crm.auth.schemas import UserSchema",
        "from crm.auth import UserSchema",  # the package itself is not its service layer
        "def f():\n    from crm.customers.models import Company\n",
        "import typing\nif not typing.TYPE_CHECKING:\n    pass\nelse:\n"
        "    from crm.auth.schemas import UserSchema\n",
    ],
)
def test_checker_refuses_another_domains_internals(source):
    found = _violations("crm.service.services", source)
    assert len(found) == 1
    assert "reaches into" in found[0][1]


def test_checker_message_names_file_line_and_import():
    (violation,) = check_source(
        "crm.service.services",
        "import sqlalchemy\n\nfrom crm.customers.models import Company\n",
        MODULES,
        path="backend/crm/service/services.py",
    )
    assert str(violation).startswith(
        "backend/crm/service/services.py:3: crm.service.services imports crm.customers.models: "
        "`service` reaches into the `customers` domain"
    )


@pytest.mark.parametrize(
    "source",
    [
        "from crm.customers import services as customers",
        "import crm.customers.services",
        "from crm.sales.pipeline import opportunities",
        "from crm.auth.contracts import AssigneeListSchema",
        "from crm.core.errors import ApiError",
        "from crm.extensions import db",
        "from crm.service.models import Ticket",  # its own domain
        "from . import models",
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        "    from crm.auth.models import User\n",
    ],
)
def test_checker_allows_services_the_kernel_and_own_modules(source):
    assert _violations("crm.service.services", source) == []


def test_checker_treats_sales_subpackages_as_one_domain():
    source = "from crm.sales.models import Lead\nfrom ..models import Lead\n"
    assert _violations("crm.sales.pipeline.opportunities", source) == []
    assert [t for t, _ in _violations("crm.service.services", "from crm.sales import models")] == [
        "crm.sales.models"
    ]


def test_checker_allows_annotations_only_for_models():
    source = "if TYPE_CHECKING:\n    from crm.auth.schemas import UserSchema\n"
    assert [t for t, _ in _violations("crm.sales.services", source)] == ["crm.auth.schemas"]


def test_checker_keeps_the_kernel_and_the_root_apart():
    assert _violations("crm.core.errors", "from crm.extensions import db") == []
    assert [t for t, _ in _violations("crm.core.errors", "from crm.auth import services")] == [
        "crm.auth.services"
    ]
    assert [t for t, _ in _violations("crm.sales.services", "from crm import app_setup")] == [
        "crm.app_setup"
    ]
    assert _violations("crm.app_setup", "import crm.service.models\nimport crm.auth.schemas") == []
