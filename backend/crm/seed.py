"""Demo data for a new installation: teams, users, leads and follow-ups, the sales pipeline, and
service tickets, in Chinese and English."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from faker import Faker

from crm.auth.models import Team, User
from crm.auth.passwords import hash_password
from crm.core.money import line_total
from crm.core.types import utcnow
from crm.customers.models import Company, Contact
from crm.extensions import db
from crm.sales.models import LEAD_SOURCES, FollowUp, Lead
from crm.sales.pipeline.models import Opportunity, OpportunityLine, StageChange
from crm.sales.pipeline.services import build_pipeline
from crm.sales.products.models import Product
from crm.service.models import Ticket, TicketComment
from crm.service.sla import due_times

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
    _seed_sales(rng, owners, now)
    _seed_tickets(users, now)
    db.session.flush()


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


# (sku, name, unit, price, stock): pumps and parts of a pump manufacturer.
PRODUCTS = (
    ("QW-50-10", "潜水排污泵 QW50-10 Submersible sewage pump", "pcs", "3280.00", "42"),
    ("QW-100-15", "潜水排污泵 QW100-15 Submersible sewage pump", "pcs", "6850.00", "18"),
    ("ISG-65-160", "管道离心泵 ISG65-160 Inline centrifugal pump", "pcs", "4120.00", "25"),
    ("IS-80-65-160", "单级离心泵 IS80-65-160 End-suction pump", "pcs", "5390.00", "9"),
    ("CDL-16-8", "多级立式泵 CDL16-8 Vertical multistage pump", "pcs", "12800.00", "6"),
    ("DL-100-20", "消防泵 DL100-20 Fire pump set", "set", "28600.00", "3"),
    ("YE3-15KW", "电机 YE3 15 kW motor", "pcs", "3650.00", "30"),
    ("MS-45", "机械密封 45 mm mechanical seal", "pcs", "186.00", "240"),
    ("IMP-160", "叶轮 160 mm impeller", "pcs", "420.00", "75"),
    ("SVC-INSTALL", "安装调试服务 Installation and commissioning", "day", "1500.00", None),
)
DEALS = (
    "泵房改造 Pump room retrofit",
    "污水处理厂扩建 Sewage plant expansion",
    "消防系统升级 Fire system upgrade",
    "冷却水循环 Cooling water loop",
    "备件年度合同 Annual spare parts",
)


def _seed_sales(rng: random.Random, owners: list[User], now) -> None:
    """Both pipelines (manufacturing is the default), the product catalogue, and 20 demo
    opportunities spread over the stages and the reps, each with its first stage move."""
    manufacturing = build_pipeline("manufacturing")
    manufacturing.is_default = True
    services = build_pipeline("services")
    products = [
        Product(
            sku=sku,
            name=name,
            unit=unit,
            price=Decimal(price),
            stock_quantity=None if stock is None else Decimal(stock),
        )
        for sku, name, unit, price, stock in PRODUCTS
    ]
    db.session.add_all(products)
    db.session.flush()
    for i in range(20):
        pipeline = manufacturing if i % 4 else services
        step = i if pipeline is manufacturing else i // 4
        stage = pipeline.stages[step % len(pipeline.stages)]
        owner = None if i % 10 == 9 else owners[i % len(owners)]
        created = now - timedelta(days=rng.uniform(1, 90))
        lines = [
            OpportunityLine(
                product_id=product.id,
                quantity=Decimal(rng.randrange(1, 12)),
                unit_price=product.price,
                discount=Decimal(rng.choice((0, 0, 5, 10))),
                position=position,
            )
            for position, product in enumerate(rng.sample(products, rng.randrange(1, 4)))
        ]
        amount = sum(
            (line_total(line.quantity, line.unit_price, line.discount) for line in lines),
            Decimal("0.00"),
        )
        opportunity = Opportunity(
            name=f"{DEALS[i % len(DEALS)]} #{i + 1}",
            pipeline_id=pipeline.id,
            stage=stage,
            amount=amount,
            currency="CNY",
            expected_close_date=(now + timedelta(days=rng.randrange(-20, 120))).date(),
            owner_id=owner.id if owner else None,
            created_by_id=(owner or owners[-1]).id,
            status=stage.kind,
            lost_reason="价格偏高 Price too high" if stage.kind == "lost" else None,
            closed_at=None if stage.kind == "open" else created + timedelta(days=10),
            lines=lines,
            created_at=created,
            updated_at=created,
        )
        db.session.add(opportunity)
        db.session.flush()
        db.session.add(
            StageChange(
                opportunity_id=opportunity.id,
                to_stage_id=stage.id,
                changed_by_id=opportunity.created_by_id,
                changed_at=created,
            )
        )


# (name, industry, phone, owner, contacts as (name, title, phone)): the customers the demo
# tickets come from.
DEMO_COMPANIES = (
    ("苏州恒力泵业有限公司 Suzhou Hengli Pumps", "Manufacturing", "+8651265001234",
     "sales1@example.com", (("陈静 Chen Jing", "采购经理 Purchasing manager", "+8613912345678"),
                            ("刘洋 Liu Yang", "设备主管 Maintenance lead", "+8613812345601"))),
    ("杭州绿源水务 Hangzhou Lvyuan Water", "Utilities", "+8657188001122",
     "sales2@example.com", (("赵敏 Zhao Min", "项目经理 Project manager", "+8615012345602"),)),
    ("成都天府物业 Chengdu Tianfu Property", "Real estate", "+8602866002233",
     "sales3@example.com", (("孙磊 Sun Lei", "工程部 Facilities", "+8618612345603"),)),
    ("Nordic Fluid Systems AB", "Engineering", "+46812345678",
     None, (("Erik Lind", "Service manager", "+46701234567"),)),
)  # fmt: skip
# Which demo company (index in DEMO_COMPANIES) each demo ticket (index) is from.
TICKET_COMPANIES = {0: 0, 1: 0, 2: 1, 5: 2, 6: 3, 8: 1}

# (kind, priority, status, channel, hours ago, assignee, subject, comments): a service desk's
# week, with tickets on time, past a due time, waiting on the customer, resolved and closed.
# A comment is (hours after creation, "internal" | "customer" | "from customer", text).
DEMO_TICKETS = (
    (
        "complaint", "urgent", "new", "phone", 3, None,
        "水泵启动后剧烈振动 Pump vibrates hard after start-up", (),
    ),
    (
        "complaint", "high", "open", "email", 30, "service@example.com",
        "机械密封漏水 Mechanical seal leaking",
        (
            (1, "customer", "技术员明天联系您。 A technician will call you tomorrow."),
            (2, "internal", "库存有 MS-45 密封件 MS-45 seals in stock"),
            (26, "from customer", "今天早上还在滴水 Still dripping this morning"),
        ),
    ),
    (
        "inquiry", "normal", "waiting_on_customer", "web", 20, "service@example.com",
        "询问 QW100-15 备件价格 Spare parts price for QW100-15",
        ((3, "customer", "请提供水泵铭牌照片 Please send a photo of the name plate."),),
    ),
    (
        "request", "normal", "new", "web", 2, None,
        "申请上门调试 Commissioning visit requested", (),
    ),
    (
        "feedback", "low", "resolved", "email", 24 * 6, "service@example.com",
        "安装服务很专业 The installation team was professional",
        ((5, "customer", "感谢您的反馈！ Thank you for the feedback!"),),
    ),
    (
        "complaint", "high", "closed", "phone", 24 * 20, "service@example.com",
        "交货延迟两周 Delivery two weeks late",
        (
            (2, "customer", "非常抱歉，已安排加急发货。 Sorry, we shipped it express."),
            (30, "from customer", "已收到货，谢谢 Received, thanks"),
        ),
    ),
    (
        "inquiry", "urgent", "open", "phone", 10, "manager@example.com",
        "消防泵无法自动启动 Fire pump does not start automatically",
        ((4, "internal", "需要派工程师 Needs an engineer on site"),),
    ),
    (
        "request", "low", "new", "email", 24 * 7, None,
        "需要产品说明书 Product manual needed", (),
    ),
    (
        "inquiry", "normal", "open", "phone", 6, "sales1@example.com",
        "报价单上的交货期 Delivery time on the quotation",
        ((1, "customer", "交货期为 4 周 Delivery takes 4 weeks."),),
    ),
)  # fmt: skip


def _seed_companies(users: dict[str, User]) -> list[tuple[Company, Contact]]:
    """The demo customers with their contacts; answers each company with its first contact."""
    companies = []
    for name, industry, phone, owner, contacts in DEMO_COMPANIES:
        owner_id = users[owner].id if owner else None
        company = Company(
            name=name,
            industry=industry,
            phone=phone,
            owner_id=owner_id,
            created_by_id=users["manager@example.com"].id,
        )
        db.session.add(company)
        db.session.flush()
        people = [
            Contact(
                name=contact_name,
                title=title,
                phone=contact_phone,
                company_id=company.id,
                owner_id=owner_id,
                created_by_id=company.created_by_id,
            )
            for contact_name, title, contact_phone in contacts
        ]
        db.session.add_all(people)
        db.session.flush()
        companies.append((company, people[0]))
    return companies


def _seed_tickets(users: dict[str, User], now) -> None:
    """The demo tickets and their comments; due times from the default SLA hours, the times a
    ticket was answered, resolved and closed from its comments and status."""
    companies = _seed_companies(users)
    for number, row in enumerate(DEMO_TICKETS):
        kind, priority, status, channel, age, assignee, subject, comments = row
        company, contact = (
            companies[TICKET_COMPANIES[number]] if number in TICKET_COMPANIES else (None, None)
        )
        created = now - timedelta(hours=age)
        staff = users[assignee or "service@example.com"]
        ticket = Ticket(
            kind=kind,
            subject=subject,
            priority=priority,
            status=status,
            channel=channel,
            assignee_id=users[assignee].id if assignee else None,
            company_id=company.id if company else None,
            contact_id=contact.id if contact else None,
            created_by_id=users["service@example.com"].id,
            created_at=created,
            updated_at=created,
            **due_times(priority, created),
        )
        db.session.add(ticket)
        db.session.flush()
        for after, visibility, body in comments:
            written = created + timedelta(hours=after)
            from_customer = visibility == "from customer"
            db.session.add(
                TicketComment(
                    ticket_id=ticket.id,
                    body=body,
                    visibility="customer" if from_customer else visibility,
                    author_id=None if from_customer else staff.id,
                    created_at=written,
                )
            )
            if visibility == "customer" and ticket.first_responded_at is None:
                ticket.first_responded_at = written
            if from_customer and status in ("new", "open"):  # not answered yet
                ticket.customer_replied_at = written
            elif visibility == "customer":
                ticket.customer_replied_at = None
        if status == "waiting_on_customer":  # since the reply that asked the customer
            ticket.sla_paused_at = ticket.first_responded_at or created
        if status in ("resolved", "closed"):
            ticket.resolved_at = created + timedelta(hours=age / 2)
        if status == "closed":
            ticket.closed_at = created + timedelta(hours=age * 3 / 4)
