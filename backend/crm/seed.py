"""Demo data for a new installation: teams, users, leads and follow-ups in Chinese and English."""

from __future__ import annotations

import random
from datetime import timedelta

from faker import Faker

from crm.auth.models import Team, User
from crm.auth.passwords import hash_password
from crm.core.types import utcnow
from crm.extensions import db
from crm.sales.models import LEAD_SOURCES, FollowUp, Lead

DEMO_USERS = (
    ("admin@example.com", "Admin", "admin", None),
    ("manager@example.com", "张伟 Zhang Wei", "manager", "East"),
    ("sales1@example.com", "李娜 Li Na", "sales", "East"),
    ("sales2@example.com", "Tom Baker", "sales", "East"),
    ("sales3@example.com", "王强 Wang Qiang", "sales", "West"),
    ("service@example.com", "王芳 Wang Fang", "service", "Service"),
)
STATUSES = ("new", "new", "new", "contacted", "contacted", "qualified", "unqualified")
TITLES = {
    "zh_CN": ("采购经理", "总经理", "设备主管", "技术总监", "厂长"),
    "en_US": ("Purchasing Manager", "CEO", "Plant Manager", "CTO", "Buyer"),
}
NOTES = {
    "zh_CN": (
        "电话沟通了报价，客户需要再考虑",
        "客户要求寄送样品",
        "拜访工厂，看了现有水泵",
        "发送了产品目录和价格表",
        "约好下周二上门演示",
        "客户对交货期有疑问",
    ),
    "en_US": (
        "Discussed the quotation on the phone; they need time",
        "Asked for samples",
        "Visited the plant and saw the current pumps",
        "Sent catalogue and price list",
        "Demo booked for next Tuesday",
        "Concerned about the delivery time",
    ),
}
KINDS = ("call", "call", "email", "meeting", "visit", "note", "task")


def seed_demo(password: str, *, lead_count: int = 200, seed: int = 42) -> None:
    rng = random.Random(seed)
    fakers = {"zh_CN": Faker("zh_CN"), "en_US": Faker("en_US")}
    for faker in fakers.values():
        faker.seed_instance(seed)
    now = utcnow()

    teams = {name: Team(name=name) for name in ("East", "West", "Service")}
    db.session.add_all(teams.values())
    password_hash = hash_password(password)
    users = {}
    for email, name, role, team in DEMO_USERS:
        users[email] = User(
            email=email,
            name=name,
            role=role,
            team=teams.get(team),
            locale="en-US" if email == "sales2@example.com" else "zh-CN",
            password_hash=password_hash,
        )
    db.session.add_all(users.values())
    db.session.flush()

    owners = [
        users[e]
        for e in (
            "sales1@example.com",
            "sales2@example.com",
            "sales3@example.com",
            "manager@example.com",
        )
    ]
    for i in range(lead_count):
        locale = "zh_CN" if i % 3 else "en_US"
        fake = fakers[locale]
        owner = None if i % 9 == 0 else rng.choice(owners)
        created = now - timedelta(days=rng.uniform(0, 120))
        lead = Lead(
            name=fake.name(),
            company_name=fake.company(),
            title=rng.choice(TITLES[locale]),
            email=fake.unique.email(),
            phone=_phone(rng, locale),
            source=rng.choice(LEAD_SOURCES),
            status=rng.choice(STATUSES),
            owner_id=owner.id if owner else None,
            created_by_id=(owner or users["manager@example.com"]).id,
            description=fake.sentence(nb_words=12),
            created_at=created,
            updated_at=created,
        )
        db.session.add(lead)
        db.session.flush()
        _seed_follow_ups(rng, lead, owner, locale, now)
    db.session.commit()


def _phone(rng: random.Random, locale: str) -> str:
    if locale == "zh_CN":
        prefix = rng.choice(("138", "139", "150", "186", "187"))
        return f"+86{prefix}{rng.randrange(10**8):08d}"
    return f"+1{rng.choice(('212', '415', '617', '312'))}555{rng.randrange(10**4):04d}"


def _seed_follow_ups(rng, lead: Lead, author, locale: str, now) -> None:
    last_done = next_due = None
    for _ in range(rng.randrange(0, 5)):
        created = lead.created_at + timedelta(hours=rng.uniform(1, 24 * 20))
        created = min(created, now)
        kind = rng.choice(KINDS)
        follow_up = FollowUp(
            lead_id=lead.id,
            kind=kind,
            content=rng.choice(NOTES[locale]),
            author_id=author.id if author else None,
            created_at=created,
            updated_at=created,
        )
        if kind != "note" and rng.random() < 0.5:
            # Scheduled: some overdue, most in the coming two weeks.
            follow_up.due_at = now + timedelta(hours=rng.uniform(-72, 24 * 14))
            next_due = min(filter(None, (next_due, follow_up.due_at)))
        else:
            follow_up.done_at = created
            last_done = max(filter(None, (last_done, created)))
        db.session.add(follow_up)
    lead.last_contacted_at = last_done
    lead.next_follow_up_at = next_due
