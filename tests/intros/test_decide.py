"""Double opt-in: contact shared only when both accept; a decline is never revealed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from passerelles.intros.models import Decision, Introduction, Status
from passerelles.intros.rounds import run_round
from passerelles.notifications.kinds import INTRODUCTION_KINDS


@pytest.fixture
def intro(world):
    run_round(force=True)
    return Introduction.objects.get(member_a=world["marc"], member_b=world["sophie"])


def answer(client, user, intro, decision):
    client.force_login(user)
    return client.post(reverse("intros:decide", args=[intro.pk]), {"decision": decision})


def test_suggestion_shows_reasons_but_no_contact(client, world, intro):
    client.force_login(world["marc"])
    page = client.get(reverse("intros:home")).content.decode()
    assert "Sophie Lambert" in page and "Sophie Lambert cherche" in page
    assert "sophie@example.org" not in page
    detail = client.get(reverse("intros:detail", args=[intro.pk])).content.decode()
    assert "sophie@example.org" not in detail


def test_one_acceptance_keeps_contact_hidden(client, world, intro):
    answer(client, world["marc"], intro, "accept")
    intro.refresh_from_db()
    assert intro.status == Status.ACCEPTED_BY_A
    for viewer, hidden in ((world["marc"], "sophie@"), (world["sophie"], "marc@")):
        client.force_login(viewer)
        assert hidden not in client.get(reverse("intros:detail", args=[intro.pk])).content.decode()


def test_both_accept_share_contact_and_email(
    client, world, intro, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    answer(client, world["marc"], intro, "accept")
    with django_capture_on_commit_callbacks(execute=True):
        response = answer(client, world["sophie"], intro, "accept")
    assert response.status_code == 302
    intro.refresh_from_db()
    assert intro.status == Status.ACCEPTED and intro.connected_at
    page = client.get(reverse("intros:detail", args=[intro.pk])).content.decode()
    assert "marc@example.org" in page
    client.force_login(world["marc"])
    assert (
        "sophie@example.org"
        in client.get(reverse("intros:detail", args=[intro.pk])).content.decode()
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["marc@example.org", "sophie@example.org"]
    to_marc = next(m for m in mail.outbox if m.to == ["marc@example.org"])
    assert "sophie@example.org" in to_marc.body
    assert "Bonjour Sophie" in to_marc.body  # the suggested first message
    assert "J'aimerais beaucoup échanger avec vous" in to_marc.body
    assert "(e)" not in to_marc.body


def test_decline_is_never_revealed(client, world, intro, django_capture_on_commit_callbacks):
    answer(client, world["marc"], intro, "accept")
    mail.outbox.clear()
    notices_before = list(
        world["marc"].notifications.filter(kind__in=INTRODUCTION_KINDS).values_list("pk", flat=True)
    )
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, world["sophie"], intro, "decline")
    intro.refresh_from_db()
    assert intro.status == Status.DECLINED
    assert mail.outbox == []
    assert (
        list(
            world["marc"]
            .notifications.filter(kind__in=INTRODUCTION_KINDS)
            .values_list("pk", flat=True)
        )
        == notices_before
    )
    # Marc still sees "waiting for the other person" until it would have expired.
    client.force_login(world["marc"])
    page = client.get(reverse("intros:home")).content.decode()
    assert "En attente de l&#x27;autre personne" in page or "En attente de l'autre personne" in page
    assert "clin" not in page.replace("Décliner", "")  # no trace of "décliné(e)"
    assert intro.shown_status(world["marc"]) == "waiting"
    later = intro.expires_at + timedelta(minutes=1)
    assert intro.shown_status(world["marc"], now=later) == Status.EXPIRED
    assert intro.shown_status(world["sophie"], now=later) == Status.DECLINED


def test_other_side_may_still_answer_a_declined_suggestion_without_learning(client, world, intro):
    answer(client, world["sophie"], intro, "decline")
    response = answer(client, world["marc"], intro, "accept")
    assert response.status_code == 302
    intro.refresh_from_db()
    assert intro.status == Status.DECLINED and intro.decision_a == Decision.ACCEPTED
    page = client.get(reverse("intros:detail", args=[intro.pk])).content.decode()
    assert "sophie@example.org" not in page


def test_cannot_answer_twice(client, world, intro):
    answer(client, world["marc"], intro, "accept")
    answer(client, world["marc"], intro, "decline")
    intro.refresh_from_db()
    assert intro.decision_a == Decision.ACCEPTED


def test_expired_suggestion_cannot_be_accepted(client, world, intro):
    Introduction.objects.filter(pk=intro.pk).update(expires_at=timezone.now() - timedelta(1))
    answer(client, world["marc"], intro, "accept")
    intro.refresh_from_db()
    assert intro.decision_a == Decision.PENDING


def test_get_is_not_allowed(client, world, intro):
    client.force_login(world["marc"])
    assert client.get(reverse("intros:decide", args=[intro.pk])).status_code == 405


# --- Links in e-mails -------------------------------------------------------------------


def test_connected_email_links_to_the_site_address_not_the_request_host(
    client, world, intro, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://passerelles.example"  # the request comes as testserver
    answer(client, world["marc"], intro, "accept")
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, world["sophie"], intro, "accept")
    link = f"https://passerelles.example{intro.get_absolute_url()}"
    assert len(mail.outbox) == 2 and all(link in m.body for m in mail.outbox)


def test_round_email_links_use_site_url(world, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://passerelles.example/"
    with django_capture_on_commit_callbacks(execute=True):
        run_round(force=True)
    assert mail.outbox
    assert all("https://passerelles.example/mises-en-relation/" in m.body for m in mail.outbox)


def test_warm_request_email_links_to_the_site_address(
    client, world, settings, django_capture_on_commit_callbacks
):
    from passerelles.intros.models import Preference, Scope
    from tests.intros.conftest import vouch

    settings.SITE_URL = "https://passerelles.example"
    odile = world["owners"][0]
    Preference.objects.create(user=odile, consent=True, scope=Scope.ALL)
    vouch(world["marc"], odile)
    vouch(odile, world["karl"])
    client.force_login(world["marc"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("intros:request", args=[world["karl"].pk]),
            {"need": "accompagnement à l'export en Allemagne", "warm": "on"},
        )
    intro = Introduction.objects.get(member_a=world["marc"], member_b=world["karl"])
    assert [m.to for m in mail.outbox] == [[odile.email]]
    assert f"https://passerelles.example{intro.get_absolute_url()}" in mail.outbox[0].body
