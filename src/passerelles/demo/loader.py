"""Write a generated demo ecosystem to the database: in bulk, in one transaction.

Small tables (skills, circles, bridges) go through ``bulk_create``. The large ones
(users, profiles, skill links, e-mail addresses, memberships) go through `insert_rows`:
one prepared INSERT run with ``executemany`` per batch, because building a model
instance per row made ``bulk_create`` five times slower at 100,000 members (see
benchmarks/seed.py). Primary keys are assigned here so that rows can point at each
other without reading anything back; no per-row signal runs, so profiles are created
here. Every seeded user gets the same password hash, computed once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from passerelles.circles.models import Bridge, Circle, Membership
from passerelles.core.choices import join_codes
from passerelles.demo.generator import EMAIL_DOMAIN, DemoDataset, MemberRecord
from passerelles.demo.logins import DEMO_LOGINS, DEMO_PASSWORD
from passerelles.members.everyone import forget_everyone
from passerelles.members.models import Profile, Skill

BATCH_SIZE = 4000
DEMO_EMAILS = tuple(email for _role, email, _password in DEMO_LOGINS)


@dataclass
class LoadReport:
    """What was written, and how long each step took (seconds)."""

    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    user_ids: list[int] = field(default_factory=list)  # per member record, then staff
    circle_ids: list[int] = field(default_factory=list)  # per circle record


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def insert_rows(model, columns: list[str], rows: Iterable[tuple], batch_size: int) -> int:
    """INSERT ``rows`` (tuples of values for ``columns``, attnames) into ``model``'s table.

    Columns left out get the field's default, computed once (``auto_now`` fields get
    the current time). Values must be ready for the database: pass datetimes through
    ``connection.ops.adapt_datetimefield_value``.
    """
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    given = set(columns)
    constants, constant_columns = [], []
    for f in model._meta.concrete_fields:
        if f.attname in given or (f.primary_key and f.attname not in given):
            continue
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            value = now
        else:
            value = f.get_db_prep_save(f.get_default(), connection)
        constants.append(value)
        constant_columns.append(f.column)
    names = [model._meta.get_field(c).column for c in columns] + constant_columns
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(n) for n in names),
        ", ".join(["%s"] * len(names)),
    )
    suffix = tuple(constants)
    written = 0
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, batch_size):
            cursor.executemany(sql, [row + suffix for row in chunk])
            written += len(chunk)
    return written


def _next_id(model) -> int:
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def demo_users():
    """Users the demo created: seeded addresses and the three demo logins."""
    User = get_user_model()
    return User.objects.filter(Q(email__endswith=f"@{EMAIL_DOMAIN}") | Q(email__in=DEMO_EMAILS))


@transaction.atomic
def clear_demo_data() -> int:
    """Delete the demo's circles and users (and what hangs on them); return users deleted."""
    users = demo_users()
    Circle.objects.filter(created_by__in=users).delete()
    count = users.count()
    for chunk in _chunks(users.values_list("pk", flat=True).iterator(), 5000):
        get_user_model().objects.filter(pk__in=chunk).delete()
    return count


def _profile_fields(record: MemberRecord) -> dict:
    return dict(
        headline=record.headline,
        organisation=record.organisation,
        city=record.city,
        department=record.department,
        sector=record.sector,
        offers=record.offers,
        needs=record.needs,
        themes=join_codes(record.themes),
        languages=join_codes(record.languages),
        visibility=record.visibility,
    )


def _user_fields(record: MemberRecord, password_hash: str) -> dict:
    return dict(
        email=record.email,
        password=password_hash,
        first_name=record.first_name,
        last_name=record.last_name,
        is_staff=record.is_staff,
        is_superuser=record.is_staff,
        is_active=True,
        date_joined=record.date_joined,
    )


def _unique_slugs(slugs: list[str]) -> list[str]:
    taken = set(Circle.objects.values_list("slug", flat=True))
    out = []
    for slug in slugs:
        candidate, n = slug, 2
        while candidate in taken:
            candidate, n = f"{slug[:75]}-{n}", n + 1
        taken.add(candidate)
        out.append(candidate)
    return out


@transaction.atomic
def load(
    dataset: DemoDataset,
    *,
    password: str = DEMO_PASSWORD,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[str], None] | None = None,
) -> LoadReport:
    """Write ``dataset``; existing demo logins are reused and updated, not duplicated."""
    User = get_user_model()
    report = LoadReport()
    clock = time.perf_counter()

    def step(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.timings[name] = now - clock
        clock = now
        if progress:
            progress(f"{name}: {report.timings[name]:.2f} s")

    password_hash = make_password(password)
    people = dataset.members + dataset.staff

    # Skills: shared tags, created once.
    names = sorted({s for member in dataset.members for s in member.skills})
    Skill.objects.bulk_create(
        [Skill(name=name) for name in names], ignore_conflicts=True, batch_size=batch_size
    )
    skill_id = dict(Skill.objects.filter(name__in=names).values_list("name", "pk"))
    report.counts["skills"] = len(names)
    step("skills")

    # Users: the demo logins may exist already (ensure_demo_logins); others are new.
    existing = dict(
        User.objects.filter(email__in=[p.email for p in people if p.email in DEMO_EMAILS])
        .values_list("email", "pk")
        .iterator()
    )
    next_user = _next_id(User)
    user_id: dict[int, int] = {}  # record position in `people` -> user pk
    for k, person in enumerate(people):
        if person.email in existing:
            user_id[k] = existing[person.email]
        else:
            user_id[k] = next_user
            next_user += 1
    new = [k for k in range(len(people)) if people[k].email not in existing]
    dt = connection.ops.adapt_datetimefield_value
    report.counts["users"] = insert_rows(
        User,
        ["id", "email", "password", "first_name", "last_name", "is_staff", "is_superuser"]
        + ["is_active", "date_joined"],
        (
            (
                user_id[k],
                p.email,
                password_hash,
                p.first_name,
                p.last_name,
                p.is_staff,
                p.is_staff,
                True,
                dt(p.date_joined),
            )
            for k in new
            for p in (people[k],)
        ),
        batch_size,
    )
    for k, person in enumerate(people):
        if person.email in existing:
            User.objects.filter(pk=user_id[k]).update(**_user_fields(person, password_hash))
    step("users")

    # Profiles (no post_save signal in bulk), then their skills through the M2M table.
    next_profile = _next_id(Profile)
    profile_id: dict[int, int] = {}
    for k in range(len(people)):
        if people[k].email in existing:
            profile, _created = Profile.objects.get_or_create(user_id=user_id[k])
            Profile.objects.filter(pk=profile.pk).update(**_profile_fields(people[k]))
            profile.skills.clear()
            profile_id[k] = profile.pk
        else:
            profile_id[k] = next_profile
            next_profile += 1
    profile_columns = list(_profile_fields(people[0]))
    insert_rows(
        Profile,
        ["id", "user_id", *profile_columns],
        ((profile_id[k], user_id[k], *_profile_fields(people[k]).values()) for k in new),
        batch_size,
    )
    step("profiles")
    Link = Profile.skills.through
    report.counts["skill_links"] = insert_rows(
        Link,
        ["profile_id", "skill_id"],
        (
            (profile_id[k], skill_id[name])
            for k, person in enumerate(people)
            for name in person.skills
        ),
        batch_size,
    )
    step("skill_links")

    # Verified primary e-mail addresses, so that every seeded person can log in.
    has_address = set(
        EmailAddress.objects.filter(user_id__in=list(existing.values())).values_list(
            "user_id", flat=True
        )
    )
    insert_rows(
        EmailAddress,
        ["user_id", "email", "verified", "primary"],
        (
            (user_id[k], p.email, True, True)
            for k, p in enumerate(people)
            if user_id[k] not in has_address
        ),
        batch_size,
    )
    step("email_addresses")

    # Circles: created_at is auto_now_add, so the generated dates are set afterwards.
    owner = {m.circle: m.member for m in dataset.memberships if m.role == "owner"}
    slugs = _unique_slugs([c.slug for c in dataset.circles])
    circles = Circle.objects.bulk_create(
        [
            Circle(
                name=c.name,
                slug=slug,
                kind=c.kind,
                description=c.description,
                city=c.city,
                department=c.department,
                sectors=join_codes(c.sectors),
                dues_eur=c.dues_eur,
                listed=c.listed,
                admission_policy=c.admission_policy,
                cooptation_vouches=c.cooptation_vouches,
                trust_threshold=c.trust_threshold,
                recognised=True,  # the demo's circles anchor trust, as checked ones would
                created_by_id=user_id[owner[c.index]],
            )
            for c, slug in zip(dataset.circles, slugs, strict=True)
        ]
    )
    if any(c.pk is None for c in circles):  # backends that cannot return ids
        by_slug = dict(Circle.objects.filter(slug__in=slugs).values_list("slug", "pk"))
        circle_id = [by_slug[slug] for slug in slugs]
    else:
        circle_id = [c.pk for c in circles]
    for record, pk in zip(dataset.circles, circle_id, strict=True):
        Circle.objects.filter(pk=pk).update(created_at=record.created_at)
    report.counts["circles"] = len(circle_id)
    report.circle_ids = list(circle_id)
    report.user_ids = [user_id[k] for k in range(len(people))]
    step("circles")

    report.counts["memberships"] = insert_rows(
        Membership,
        ["circle_id", "user_id", "role", "state", "requested_at", "admitted_at", "verified"],
        (
            (
                circle_id[m.circle],
                user_id[m.member],
                m.role,
                m.state,
                dt(m.requested_at),
                None if m.admitted_at is None else dt(m.admitted_at),
                m.verified,
            )
            for m in dataset.memberships
        ),
        batch_size,
    )
    step("memberships")

    def uid(member: int | None) -> int | None:
        return None if member is None else user_id[member]

    Bridge.objects.bulk_create(
        [
            Bridge(
                from_circle_id=circle_id[b.from_circle],
                to_circle_id=circle_id[b.to_circle],
                state=b.state,
                message=b.message,
                requested_by_id=uid(b.requested_by),
                requested_at=b.requested_at,
                decided_by_id=uid(b.decided_by),
                decided_at=b.decided_at,
                ended_by_id=uid(b.ended_by),
                ended_at=b.ended_at,
            )
            for b in dataset.bridges
        ]
    )
    report.counts["bridges"] = len(dataset.bridges)

    # Keys were assigned here: let PostgreSQL's sequences catch up (no-op on SQLite).
    sql = connection.ops.sequence_reset_sql(no_style(), [User, Profile])
    if sql:
        with connection.cursor() as cursor:
            for statement in sql:
                cursor.execute(statement)
    step("bridges")
    forget_everyone()  # profiles written in bulk: the number every member sees, anew
    return report


def analyze_tables() -> None:
    """Refresh PostgreSQL's planner statistics after a bulk load (no-op elsewhere).

    Until autovacuum gets to them, freshly loaded tables look nearly empty to the
    planner, which then sorts all 100,000 users for a page of the directory instead of
    reading them in index order.

    Outside a transaction, ``VACUUM (ANALYZE)``: it also marks the loaded pages all-visible,
    as autovacuum would, so that counts answered by an index alone (a circle's members,
    an event's seats) need not read the rows, as on a site in production.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
