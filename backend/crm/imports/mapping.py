"""What each entity imports (its fields and how each is read) and the proposed column -> field
mapping from English and Chinese header synonyms (the Maven CRM export's headers included)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from crm.core.exceptions import Invalid
from crm.core.i18n import N_

ENTITIES = ("leads", "companies", "contacts", "opportunities", "products")
MODES = ("create", "update", "upsert")
MATCH_ON = ("email", "phone", "name", "external_id")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | email | phone | date | amount | integer | enum | size | ref | website | bool
    required: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] = ()  # enum values (`kind="enum"`)
    ref: str | None = None  # what a reference names: owner | company | product | stage
    select_like: bool = False  # spelling variants of its values are flagged


LEAD_SOURCES = ("web", "referral", "event", "cold_call", "advertisement", "partner", "other")
LEAD_STATUSES = ("new", "contacted", "qualified", "unqualified")
COMPANY_SIZES = ("1-10", "11-50", "51-200", "201-1000", "1001+")

OWNER = Field("owner", "ref", ref="owner")
DESCRIPTION = Field("description", "text", max_length=10000)

FIELDS: dict[str, tuple[Field, ...]] = {
    "leads": (
        Field("name", "text", required=True, max_length=200),
        Field("company_name", "text", max_length=200),
        Field("title", "text", max_length=100),
        Field("email", "email"),
        Field("phone", "phone"),
        Field("source", "enum", choices=LEAD_SOURCES),
        Field("status", "enum", choices=LEAD_STATUSES),
        OWNER,
        DESCRIPTION,
    ),
    "companies": (
        Field("name", "text", required=True, max_length=200),
        Field("industry", "text", max_length=100, select_like=True),
        Field("size", "size", choices=COMPANY_SIZES),
        Field("website", "website"),
        Field("phone", "phone"),
        Field("address", "text", max_length=500, select_like=True),
        Field("parent", "ref", ref="company"),
        OWNER,
        DESCRIPTION,
    ),
    "contacts": (
        Field("name", "text", required=True, max_length=200),
        Field("company", "ref", ref="company"),
        Field("title", "text", max_length=100),
        Field("email", "email"),
        Field("phone", "phone"),
        OWNER,
        DESCRIPTION,
    ),
    "opportunities": (
        Field("name", "text", required=True, max_length=200),
        Field("company", "ref", ref="company"),
        Field("product", "ref", ref="product"),
        Field("stage", "ref", ref="stage"),
        Field("amount", "amount"),
        Field("currency", "text", max_length=3),
        Field("expected_close_date", "date"),
        Field("probability", "integer"),
        OWNER,
        DESCRIPTION,
    ),
    "products": (
        Field("sku", "text", max_length=64),
        Field("name", "text", required=True, max_length=200),
        Field("unit", "text", max_length=20),
        Field("price", "amount"),
        Field("currency", "text", max_length=3),
        Field("stock_quantity", "amount"),
    ),
}

# Header synonyms per field, compared after `header_key` (case, blanks, punctuation folded).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "contact name", "lead name", "姓名", "名称", "名字", "联系人"),
    "company_name": ("company", "company name", "account", "公司", "公司名称", "单位", "客户名称"),
    "title": ("title", "job title", "position", "职位", "职务", "头衔"),
    "email": ("email", "e-mail", "mail", "email address", "邮箱", "电子邮件", "邮件"),
    "phone": ("phone", "mobile", "telephone", "tel", "cell", "手机", "电话", "手机号", "联系电话"),
    "source": ("source", "lead source", "来源", "线索来源"),
    "status": ("status", "state", "状态", "线索状态"),
    "owner": (
        "owner",
        "sales agent",
        "sales_agent",
        "agent",
        "salesperson",
        "assigned to",
        "负责人",
        "销售",
        "业务员",
        "所有人",
        "销售代表",
    ),
    "description": ("description", "notes", "note", "remark", "remarks", "备注", "描述", "说明"),
    "industry": ("industry", "sector", "行业", "所属行业"),
    "size": ("size", "employees", "headcount", "employee count", "员工数", "人数", "规模"),
    "website": ("website", "web", "url", "site", "网站", "网址", "官网"),
    "address": (
        "address",
        "office location",
        "office_location",
        "location",
        "headquarters",
        "地址",
        "办公地点",
        "总部",
    ),
    "parent": ("parent", "parent company", "subsidiary of", "subsidiary_of", "母公司", "上级公司"),
    "company": (
        "company",
        "company name",
        "account",
        "customer",
        "公司",
        "公司名称",
        "客户",
        "客户名称",
    ),
    "product": ("product", "product name", "产品", "产品名称"),
    "stage": ("stage", "deal stage", "deal_stage", "阶段", "销售阶段"),
    "amount": ("amount", "value", "close value", "close_value", "deal value", "金额", "成交金额"),
    "currency": ("currency", "币种", "货币"),
    "expected_close_date": (
        "close date",
        "close_date",
        "expected close date",
        "预计成交日期",
        "成交日期",
        "关闭日期",
    ),
    "probability": ("probability", "赢率", "概率"),
    "sku": ("sku", "code", "product code", "item code", "编码", "产品编码", "货号"),
    "unit": ("unit", "单位"),
    "price": (
        "price",
        "sales price",
        "sales_price",
        "unit price",
        "list price",
        "价格",
        "单价",
        "售价",
    ),
    "stock_quantity": ("stock", "stock quantity", "quantity", "库存", "库存数量"),
}
# Per entity, where one header means different fields (`account`, `company`).
ENTITY_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "products": {"name": ("product", "product name", "产品", "产品名称", "name", "名称")},
    "opportunities": {
        "name": (
            "name",
            "opportunity",
            "opportunity id",
            "opportunity_id",
            "商机",
            "商机名称",
            "商机编号",
            "名称",
        ),
    },
    "companies": {
        "name": (
            "name",
            "account",
            "company",
            "company name",
            "公司名称",
            "客户名称",
            "名称",
            "公司",
        ),
    },
}


def header_key(header: str) -> str:
    """A header as compared with synonyms: NFKC, lower case, `_`/`-`/blanks folded to one
    space, surrounding punctuation dropped ("Sales_Agent " -> "sales agent")."""
    text = unicodedata.normalize("NFKC", header).lower()
    text = re.sub(r"[\s_\-]+", " ", text)
    return text.strip(" :*：")


def fields_of(entity: str) -> tuple[Field, ...]:
    return FIELDS[entity]


def field_named(entity: str, name: str) -> Field:
    return next(f for f in FIELDS[entity] if f.name == name)


def _synonyms(entity: str, field: str) -> tuple[str, ...]:
    return ENTITY_SYNONYMS.get(entity, {}).get(field) or SYNONYMS.get(field, ())


def propose_mapping(entity: str, columns: list[str]) -> dict[str, str | None]:
    """column -> field (or None: ignored) for every column; a field is proposed once, for the
    first column whose header is one of its synonyms (entity-specific synonyms first)."""
    lookup: dict[str, str] = {}
    names = [f.name for f in FIELDS[entity]]
    for specific in (True, False):
        for name in names:
            synonyms = (
                ENTITY_SYNONYMS.get(entity, {}).get(name, ())
                if specific
                else _synonyms(entity, name)
            )
            for synonym in synonyms:
                lookup.setdefault(header_key(synonym), name)
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for column in columns:
        field = lookup.get(header_key(column))
        if field is not None and field not in taken:
            mapping[column] = field
            taken.add(field)
        else:
            mapping[column] = None
    return mapping


def check_mapping(entity: str, columns: list[str], mapping: dict[str, str | None]) -> dict:
    """A complete mapping (every column, None = ignored), each field mapped at most once; 422
    with the offending columns otherwise."""
    names = {f.name for f in FIELDS[entity]}
    errors: dict[str, list[str]] = {}
    for column in mapping:
        if column not in columns:
            errors.setdefault(column, []).append(N_("The file has no such column."))
    columns_of: dict[str, list[str]] = {}
    for column, field in mapping.items():
        if field is None:
            continue
        if field not in names:
            errors.setdefault(column, []).append(
                N_("Must be one of: {choices}.").format(choices=", ".join(sorted(names)))
            )
        else:
            columns_of.setdefault(field, []).append(column)
    for field, mapped in columns_of.items():
        for column in mapped if len(mapped) > 1 else ():
            errors.setdefault(column, []).append(
                N_("Another column is mapped to {field}.").format(field=field)
            )
    if errors:
        raise Invalid(N_("The mapping has invalid columns."), errors=errors)
    return {column: mapping.get(column) for column in columns}


def missing_required(entity: str, mapping: dict[str, str | None]) -> list[str]:
    mapped = set(mapping.values())
    return [f.name for f in FIELDS[entity] if f.required and f.name not in mapped]
