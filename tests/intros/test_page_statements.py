"""The introductions page's reads compiled once (core.statements) give what the ORM gives:
which introductions a member takes part in (and those they may not see yet, asked through
an intermediary), with their members; one's settings; one's notices about introductions,
newest first, and how many are unread."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from passerelles.core.statements import _ORM
from passerelles.intros import queries
from passerelles.intros.access import introductions_for
from passerelles.intros.actions import do_decide
from passerelles.intros.models import Introduction, Preference
from passerelles.intros.rounds import run_round
from passerelles.notifications.kinds import INTRODUCTION_KINDS
from passerelles.notifications.models import Notification
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

STATEMENTS = (
    queries._taking_part,
    queries._with_members,
    queries._own_preference,
    queries._notices,
    queries._unread,
)


def _orm_notices(user, limit):
    mine = Notification.objects.filter(user=user, kind__in=INTRODUCTION_KINDS)
    return [n.pk for n in mine[:limit]]


def _orm_unread(user):
    mine = Notification.objects.filter(user=user, kind__in=INTRODUCTION_KINDS)
    return mine.filter(read_at__isnull=True).count()


def _page(page):
    return {
        name: [(s.intro.pk, s.other.pk, s.status, s.reasons) for s in getattr(page, name)]
        for name in ("to_answer", "waiting", "connected", "past")
    }


def _orm_page(user, now):
    """The page as built before: the ORM's ids, then the introductions by ``in_bulk``."""
    page = queries.IntroPage()
    ids = list(introductions_for(user).select_related(None).values_list("pk", flat=True))
    full = Introduction.objects.select_related(*queries.RELATED).in_bulk(ids)
    for pk in ids:
        item = queries.shown(full[pk], user, now)
        section = {"to_answer": page.to_answer, "waiting": page.waiting}.get(item.status)
        if section is None:
            section = page.connected if item.status == "accepted" else page.past
        section.append(item)
    return page


def test_the_page_reads_what_the_orm_reads(world):
    run_round(force=True)
    marc, sophie = world["marc"], world["sophie"]
    intro = Introduction.objects.get(member_a=marc, member_b=sophie)
    do_decide(intro, acting_user=marc, accept=True)
    oldest = Notification.objects.filter(user=marc).order_by("pk").first()
    assert oldest is not None
    Notification.objects.filter(pk=oldest.pk).update(read_at=timezone.now())
    nobody = make_user("nobody@example.org", "Nina", "Personne")
    now = timezone.now()
    people = [*(u for u in world.values() if hasattr(u, "is_authenticated")), nobody]
    assert any(introductions_for(u).exists() for u in people)
    for user in people:
        assert _page(queries.intro_page(user, now)) == _page(_orm_page(user, now)), user
        for limit in (1, 3, 8):
            assert [n.pk for n in queries.recent_notices(user, limit)] == _orm_notices(user, limit)
        assert queries.unread_notice_count(user) == _orm_unread(user)
        mine = Preference.objects.filter(user=user).first()
        assert queries.own_preference(user) == mine
    assert all(s._shapes and _ORM not in s._shapes.values() for s in STATEMENTS)


def test_a_member_without_settings_gets_them_on_the_page(client):
    newcomer = make_user("newcomer@example.org", "Nora", "Neuve")
    Preference.objects.filter(user=newcomer).delete()
    assert queries.own_preference(newcomer) is None
    client.force_login(newcomer)
    assert client.get(reverse("intros:home")).status_code == 200
    assert queries.own_preference(newcomer) == Preference.objects.get(user=newcomer)


def test_nothing_for_someone_not_signed_in():
    assert queries.recent_notices(AnonymousUser()) == []
    assert queries.unread_notice_count(AnonymousUser()) == 0
    assert _page(queries.intro_page(AnonymousUser())) == _page(queries.IntroPage())
