"""Vouching: rules of the action and of the page."""

import datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from passerelles.core.errors import ActionError
from passerelles.trust import actions
from passerelles.trust.models import Vouch
from tests.conftest import make_user
from tests.trust.conftest import vouch


def test_vouch_records_context_strength_and_text(club, alice, bob):
    v = vouch(alice, bob, context="client", strength=3, text="Excellent travail.")
    assert (v.context, v.strength, v.text) == ("client", 3, "Excellent travail.")
    assert v.revoked_at is None


def test_cannot_vouch_for_oneself(club, alice):
    with pytest.raises(ActionError, match="vous-même"):
        vouch(alice, alice)


def test_second_vouch_updates_the_first(club, alice, bob):
    first = vouch(alice, bob, strength=1)
    second = vouch(alice, bob, context="colleague", strength=3)
    assert first.pk == second.pk
    assert Vouch.objects.filter(voucher=alice, vouchee=bob).count() == 1
    assert Vouch.objects.get().strength == 3


def test_database_allows_one_active_vouch_per_pair(club, alice, bob):
    vouch(alice, bob)
    with pytest.raises(IntegrityError):
        Vouch.objects.create(voucher=alice, vouchee=bob, context="client", strength=1)


def test_revoke_then_vouch_again_makes_a_new_vouch(club, alice, bob):
    first = vouch(alice, bob)
    actions.do_revoke_vouch(first, acting_user=alice)
    second = vouch(alice, bob)
    assert second.pk != first.pk
    assert Vouch.objects.filter(revoked_at__isnull=True).count() == 1


def test_only_the_author_revokes(club, alice, bob):
    v = vouch(alice, bob)
    with pytest.raises(ActionError):
        actions.do_revoke_vouch(v, acting_user=bob)


def test_cannot_vouch_for_someone_invisible(club, alice, charlie):
    with pytest.raises(ActionError, match="voyez"):
        vouch(alice, charlie)


def test_text_is_limited_to_a_thousand_characters(club, alice, bob):
    with pytest.raises(ActionError, match="1 000"):
        vouch(alice, bob, text="x" * 1001)


def test_monthly_budget_is_spent_with_a_clear_message(club, alice, settings):
    settings.TRUST_MONTHLY_VOUCHES = 2
    from tests.conftest import admit

    people = [make_user(f"p{i}@example.org", f"P{i}") for i in range(3)]
    for person in people:
        admit(person, club)
    vouch(alice, people[0])
    vouch(alice, people[1])
    vouch(alice, people[1], strength=3)  # an update is free
    with pytest.raises(ActionError, match="vos 2 recommandations de ce mois-ci"):
        vouch(alice, people[2])
    assert actions.vouches_left_this_month(alice) == 0


def test_budget_counts_revoked_vouches_and_renews_next_month(club, alice, bob, settings):
    settings.TRUST_MONTHLY_VOUCHES = 1
    v = vouch(alice, bob)
    actions.do_revoke_vouch(v, acting_user=alice)
    with pytest.raises(ActionError):
        vouch(alice, bob)
    Vouch.objects.update(created_at=timezone.now() - datetime.timedelta(days=40))
    assert actions.vouches_left_this_month(alice) == 1


def test_page_shows_form_and_saves(client, club, alice, bob):
    client.force_login(alice)
    url = reverse("trust:vouch", args=[bob.profile.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"context": "worked_with", "strength": "2", "text": "Fiable."})
    assert response.status_code == 302
    assert Vouch.objects.get(voucher=alice, vouchee=bob).text == "Fiable."


def test_page_for_an_invisible_person_is_404(client, club, alice, charlie):
    client.force_login(alice)
    response = client.post(
        reverse("trust:vouch", args=[charlie.profile.pk]), {"context": "client", "strength": 1}
    )
    assert response.status_code == 404
    assert not Vouch.objects.exists()


def test_page_shows_budget_error(client, club, alice, bob, settings):
    settings.TRUST_MONTHLY_VOUCHES = 0
    client.force_login(alice)
    response = client.post(
        reverse("trust:vouch", args=[bob.profile.pk]), {"context": "client", "strength": 1}
    )
    assert response.status_code == 400
    assert "recommandations de ce mois-ci" in response.content.decode()


def test_revoke_page(client, club, alice, bob):
    v = vouch(alice, bob)
    client.force_login(bob)
    assert client.post(reverse("trust:vouch_revoke", args=[v.pk])).status_code == 404
    client.force_login(alice)
    assert client.post(reverse("trust:vouch_revoke", args=[v.pk])).status_code == 302
    v.refresh_from_db()
    assert v.revoked_at is not None


def test_revoke_redirects_only_inside_the_site(client, club, alice, bob):
    client.force_login(alice)
    v = vouch(alice, bob)
    url = reverse("trust:vouch_revoke", args=[v.pk])
    response = client.post(url, {"next": "https://evil.example.com/phish"})
    assert response.status_code == 302
    assert response["Location"] == reverse("trust:passport")
    v = vouch(alice, bob)
    response = client.post(reverse("trust:vouch_revoke", args=[v.pk]), {"next": "//evil.example"})
    assert response["Location"] == reverse("trust:passport")
    v = vouch(alice, bob)
    profile_url = reverse("members:detail", args=[bob.profile.pk])
    response = client.post(reverse("trust:vouch_revoke", args=[v.pk]), {"next": profile_url})
    assert response["Location"] == profile_url
