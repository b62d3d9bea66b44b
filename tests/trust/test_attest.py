"""Attested meetings: one side carries no weight; both sides make an edge."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.core.errors import ActionError
from passerelles.engine.trust import KIND_MEETING
from passerelles.trust import actions, queries
from passerelles.trust.graph import collect_evidence
from passerelles.trust.models import MeetingAttestation

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def attest(a, b, **kw):
    kw.setdefault("usefulness", 4)
    kw.setdefault("happened_on", YESTERDAY)
    return actions.do_attest_meeting(b, acting_user=a, **kw)


def _meeting_edges():
    ev = collect_evidence()
    mask = ev["kind"] == KIND_MEETING
    return sorted(zip(ev["src"][mask].tolist(), ev["dst"][mask].tolist(), strict=True))


def test_one_sided_claim_carries_no_weight(club, alice, bob):
    attest(alice, bob)
    assert not actions.meeting_is_mutual(alice, bob)
    assert _meeting_edges() == []


def test_both_sides_make_a_meeting_count(club, alice, bob):
    attest(alice, bob, usefulness=5)
    attest(bob, alice, usefulness=3)
    assert actions.meeting_is_mutual(alice, bob)
    assert actions.meeting_is_mutual(bob, alice)
    assert _meeting_edges() == sorted([(alice.pk, bob.pk), (bob.pk, alice.pk)])


def test_same_source_must_match(club, alice, bob):
    attest(alice, bob, source="event", source_id=7)
    attest(bob, alice, source="event", source_id=8)
    assert not actions.meeting_is_mutual(alice, bob)
    attest(bob, alice, source="event", source_id=7)
    assert actions.meeting_is_mutual(alice, bob)


def test_second_call_updates_the_same_attestation(club, alice, bob):
    first = attest(alice, bob, source="intro", source_id=3, usefulness=2)
    second = attest(alice, bob, source="intro", source_id=3, usefulness=5)
    assert first.pk == second.pk
    assert MeetingAttestation.objects.get().usefulness == 5
    attest(alice, bob)
    attest(alice, bob, usefulness=1)
    assert MeetingAttestation.objects.count() == 2


def test_opportunity_with_amount_is_recorded(club, alice, bob):
    attest(alice, bob, opportunity="business", amount_eur=12000, note="Contrat signé")
    attest(bob, alice)
    found = list(queries.recorded_opportunities([alice]))
    assert [(o.opportunity, o.amount_eur, o.mutual) for o in found] == [("business", 12000, True)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"usefulness": 0}, "1 à 5"),
        ({"usefulness": 6}, "1 à 5"),
        ({"happened_on": timezone.localdate() + datetime.timedelta(days=2)}, "déjà eu lieu"),
        ({"source": "autre"}, "inconnue"),
        ({"source": "event"}, "Précisez"),
        ({"opportunity": "referral", "amount_eur": 10}, "affaire conclue"),
        ({"opportunity": "business", "amount_eur": -1}, "négatif"),
        ({"opportunity": "business", "amount_eur": 99_999_999_999_999}, "nombre de zéros"),
        ({"happened_on": datetime.date(1900, 1, 1)}, "moins de cinq ans"),
    ],
)
def test_invalid_attestations_are_refused(club, alice, bob, kwargs, message):
    with pytest.raises(ActionError, match=message):
        attest(alice, bob, **kwargs)
    assert not MeetingAttestation.objects.exists()


def test_not_with_oneself(club, alice):
    with pytest.raises(ActionError):
        attest(alice, alice)


def test_page_attests_and_says_it_waits_for_the_other_side(client, club, alice, bob):
    client.force_login(alice)
    url = reverse("trust:attest", args=[bob.profile.pk])
    assert client.get(url).status_code == 200
    data = {"happened_on": YESTERDAY.isoformat(), "usefulness": "4", "source": "direct"}
    response = client.post(url, data, follow=True)
    assert "comptera quand" in response.content.decode()
    client.force_login(bob)
    theirs = MeetingAttestation.objects.get()
    page = client.get(reverse("trust:passport"))
    assert "indique vous avoir rencontré" in page.content.decode()
    alice_url = reverse("trust:attest", args=[alice.profile.pk])
    confirm = client.get(alice_url, {"confirmer": theirs.pk})
    assert YESTERDAY.isoformat() in confirm.content.decode()
    response = client.post(reverse("trust:attest", args=[alice.profile.pk]), data, follow=True)
    assert "confirmée des deux côtés" in response.content.decode()
    assert not queries.meetings_to_confirm(bob).exists()


def test_page_refuses_future_dates(client, club, alice, bob):
    client.force_login(alice)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        reverse("trust:attest", args=[bob.profile.pk]),
        {"happened_on": tomorrow.isoformat(), "usefulness": "4", "source": "direct"},
    )
    assert response.status_code == 400


def test_page_refuses_a_deal_amount_typo_and_a_meeting_from_long_ago(client, club, alice, bob):
    client.force_login(alice)
    url = reverse("trust:attest", args=[bob.profile.pk])
    data = {"happened_on": YESTERDAY.isoformat(), "usefulness": "4", "source": "direct"}
    huge = {**data, "opportunity": "business", "amount_eur": "99999999999999"}
    response = client.post(url, huge)
    assert response.status_code == 400
    assert "vérifiez le nombre de zéros" in response.content.decode()
    response = client.post(url, {**data, "happened_on": "1900-01-01"})
    assert response.status_code == 400
    assert "moins de cinq ans" in response.content.decode()
    assert not MeetingAttestation.objects.exists()
    deal = {**data, "opportunity": "business", "amount_eur": "10000000"}
    assert client.post(url, deal).status_code == 302


def test_database_allows_one_direct_attestation_per_pair_without_source_id(club, alice, bob):
    """source_id NULL makes a plain unique constraint useless (NULLs differ): a partial
    one holds (attester, other, source) unique for meetings without an id."""
    from django.db import IntegrityError, transaction

    attest(alice, bob)
    attest(alice, bob, usefulness=2)  # the action updates
    assert MeetingAttestation.objects.filter(attester=alice, other=bob).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingAttestation.objects.create(
            attester=alice, other=bob, source="direct", happened_on=YESTERDAY, usefulness=3
        )


def test_form_wording(client, club, alice, bob):
    client.force_login(alice)
    body = client.get(reverse("trust:attest", args=[bob.profile.pk])).content.decode()
    assert "Note (facultative)" in body and "Note (facultatif)" not in body
