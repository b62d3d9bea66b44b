"""The introductions page: sections, notices, and the helpers for home and navigation."""

from django.urls import reverse

from passerelles.intros import queries
from passerelles.intros.actions import do_decide
from passerelles.intros.models import Introduction
from passerelles.intros.rounds import run_round


def test_sections_and_notices(client, world):
    run_round(force=True)
    client.force_login(world["marc"])
    page = client.get(reverse("intros:home")).content.decode()
    assert (
        "Suggestions à examiner" in page
        and "Nouvelle suggestion de mise en relation : Sophie Lambert" in page
    )
    assert queries.unread_notice_count(world["marc"]) >= 1
    assert [s.other for s in queries.pending_for(world["marc"])]
    client.post(reverse("intros:notices_read"))
    assert queries.unread_notice_count(world["marc"]) == 0


def test_accepted_and_past_sections(client, world):
    run_round(force=True)
    intro = Introduction.objects.get(member_a=world["marc"], member_b=world["sophie"])
    do_decide(intro, acting_user=world["marc"], accept=True)
    client.force_login(world["marc"])
    assert "En attente de réponse" in client.get(reverse("intros:home")).content.decode()
    do_decide(intro, acting_user=world["sophie"], accept=True)
    page = client.get(reverse("intros:home")).content.decode()
    assert "Mises en relation acceptées" in page and "Contact et suite" in page
    assert queries.pending_for(world["sophie"]) == [] or all(
        s.intro.pk != intro.pk for s in queries.pending_for(world["sophie"])
    )


def test_helpers_for_anonymous(client):
    from django.contrib.auth.models import AnonymousUser

    assert queries.pending_for(AnonymousUser()) == []
    assert queries.unread_notice_count(AnonymousUser()) == 0


def test_nav_links_to_introductions(client, world):
    client.force_login(world["marc"])
    page = client.get(reverse("intros:home")).content.decode()
    assert 'href="/mises-en-relation/"' in page


def test_a_member_left_out_is_told_why_and_what_helps(client, world):
    from tests.intros.conftest import member

    loner = member(
        "apiculteur@example.org",
        "Paul",
        "Miel",
        world["industry"],
        offers="apiculture urbaine, ruches en entreprise",
        needs="un terrain pour installer des ruches",
    )
    run_round(force=True)
    client.force_login(loner)
    page = client.get(reverse("intros:home")).content.decode()
    assert "Le dernier tour ne vous a proposé personne" in page
    assert reverse("members:edit") in page and reverse("intros:preferences") in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("intros:home")).content.decode()
    assert "The last round proposed no one to you" in page
    assert f'<a href="{reverse("members:edit")}">what you seek and offer</a>' in page
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    client.force_login(world["marc"])  # proposed someone: no such message
    assert (
        "Le dernier tour ne vous a proposé personne"
        not in client.get(reverse("intros:home")).content.decode()
    )


def test_home_suggestions_are_the_first_of_the_page_to_answer(world):
    """The home's block reads only the open introductions, and shows the page's first
    ones to answer, whatever the statuses around them."""
    from datetime import timedelta

    from django.utils import timezone

    from passerelles.intros.models import Status

    run_round(force=True)
    intros = list(Introduction.objects.order_by("pk"))
    assert len(intros) >= 3
    # someone declined one (still to answer for the other until it would expire), one
    # expired, one accepted by both: every branch of the shown status
    Introduction.objects.filter(pk=intros[0].pk).update(status=Status.DECLINED)
    Introduction.objects.filter(pk=intros[1].pk).update(
        status=Status.DECLINED, expires_at=timezone.now() - timedelta(days=1)
    )
    Introduction.objects.filter(pk=intros[2].pk).update(status=Status.ACCEPTED)
    seen = 0
    for person in world.values():
        if not hasattr(person, "email"):
            continue
        expected = [s.intro.pk for s in queries.intro_page(person).to_answer]
        seen += len(expected)
        assert [s.intro.pk for s in queries.pending_for(person)] == expected
        for limit in (1, 2, 3):
            got = queries.pending_for(person, limit=limit)
            assert [s.intro.pk for s in got] == expected[:limit]
    assert seen >= 2


def test_unread_badge_with_few_and_many_notices(client, world):
    """The badge counts the unread notices about introductions, whether they all show
    (counted on the page's rows) or more exist than the page lists (counted apart)."""
    from django.utils import timezone

    from passerelles.notifications.kinds import INTRODUCTION_KINDS
    from passerelles.notifications.models import Notification

    marc = world["marc"]
    kind = sorted(INTRODUCTION_KINDS)[0]
    client.force_login(marc)

    def badge() -> int:
        page = client.get(reverse("intros:home")).content.decode()
        assert (
            queries.unread_notice_count(marc)
            == Notification.objects.filter(
                user=marc, kind__in=INTRODUCTION_KINDS, read_at__isnull=True
            ).count()
        )
        marker = 'badge badge-warn">'
        if marker not in page:
            return 0
        return int(page.split(marker, 1)[1].split("<", 1)[0])

    Notification.objects.filter(user=marc).delete()
    assert badge() == 0
    now = timezone.now()
    for n in range(3):
        Notification.objects.create(user=marc, kind=kind, read_at=now if n else None)
    assert badge() == 1
    for n in range(9):  # more than the page lists; older unread ones still count
        Notification.objects.create(
            user=marc, kind=kind, created_at=now - timezone.timedelta(days=n + 1)
        )
    assert badge() == 10
