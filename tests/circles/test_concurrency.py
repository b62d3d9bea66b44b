"""One applicant, many admins answering at once: one decision, one record (PostgreSQL,
one connection per thread).

CI runs: DATABASE_URL=postgres://root@127.0.0.1:5432/test uv run pytest -m "not e2e"
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from passerelles.circles import actions
from passerelles.circles.models import Membership, MembershipState, Role
from passerelles.core.errors import ActionError
from passerelles.core.models import AuditEntry
from tests.conftest import admit, make_circle, make_user

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL for real row locks between connections "
        "(set DATABASE_URL=postgres://...)",
    ),
]

ADMINS = 8


def _all_at_once(calls):
    """Run every call from its own thread (and connection), released together."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait(timeout=30)
        try:
            return call()
        except ActionError as exc:
            return exc
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def _circle_with_admins():
    owner = make_user("owner@example.org")
    circle = make_circle(owner, "Club très demandé")
    admins = [owner]
    for i in range(ADMINS - 1):
        admin = make_user(f"admin{i}@example.org")
        admit(admin, circle)
        Membership.objects.filter(user=admin, circle=circle).update(role=Role.ADMIN)
        admins.append(admin)
    return circle, admins


def test_concurrent_approvals_of_one_applicant_record_one_decision():
    circle, admins = _circle_with_admins()
    applicant = make_user("applicant@example.org")
    pending = actions.do_request_to_join(circle, acting_user=applicant)

    def approve(admin):
        return lambda: actions.do_approve(Membership(pk=pending.pk), acting_user=admin)

    results = _all_at_once([approve(admin) for admin in admins])

    done = [r for r in results if isinstance(r, Membership)]
    refused = [r for r in results if isinstance(r, ActionError)]
    assert len(done) == 1 and len(refused) == ADMINS - 1
    assert all("plus en attente" in str(r) for r in refused)
    pending.refresh_from_db()
    assert pending.state == MembershipState.ADMITTED
    decisions = AuditEntry.objects.filter(verb="membership.approved", object_id=pending.pk)
    assert decisions.count() == 1
    assert decisions.get().acting_user_id in {a.pk for a in admins}


def test_approve_and_decline_at_once_leave_one_answer():
    circle, admins = _circle_with_admins()
    applicant = make_user("applicant@example.org")
    pending = actions.do_request_to_join(circle, acting_user=applicant)
    calls = [
        (lambda a=a: actions.do_approve(Membership(pk=pending.pk), acting_user=a))
        if i % 2
        else (lambda a=a: actions.do_decline(Membership(pk=pending.pk), acting_user=a))
        for i, a in enumerate(admins)
    ]
    results = _all_at_once(calls)
    assert sum(isinstance(r, Membership) for r in results) == 1
    pending.refresh_from_db()
    answers = AuditEntry.objects.filter(
        verb__in=["membership.approved", "membership.declined"], object_id=pending.pk
    )
    assert answers.count() == 1
    expected = {"membership.approved": "admitted", "membership.declined": "declined"}
    assert pending.state == expected[answers.get().verb]
