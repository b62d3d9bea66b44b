"""After the meeting: both confirm, rate and record opportunities; it feeds trust."""

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.intros.actions import do_decide
from passerelles.intros.models import Introduction, Status
from passerelles.intros.rounds import run_round
from passerelles.trust.models import MeetingAttestation


@pytest.fixture
def connected(world):
    run_round(force=True)
    intro = Introduction.objects.get(member_a=world["marc"], member_b=world["sophie"])
    do_decide(intro, acting_user=world["marc"], accept=True)
    do_decide(intro, acting_user=world["sophie"], accept=True)
    intro.refresh_from_db()
    return intro


def confirm(client, user, intro, **data):
    client.force_login(user)
    payload = {"happened_on": timezone.localdate().isoformat(), "usefulness": "4", **data}
    return client.post(reverse("intros:met", args=[intro.pk]), payload)


def test_both_confirm_then_met(client, world, connected):
    confirm(client, world["marc"], connected, usefulness="5")
    connected.refresh_from_db()
    assert connected.status == Status.ACCEPTED and connected.met_a_at
    notice = world["sophie"].notifications.get(kind="meeting_confirmed")
    assert notice.shown == "Marc Fournier a confirmé votre rencontre : confirmez-la à votre tour"
    confirm(client, world["sophie"], connected, opportunity="referral", note="Un client pour lui")
    connected.refresh_from_db()
    assert connected.status == Status.MET
    marc, sophie = (
        MeetingAttestation.objects.get(attester=world[k], source="intro", source_id=connected.pk)
        for k in ("marc", "sophie")
    )
    assert marc.usefulness == 5 and marc.other == world["sophie"]
    assert sophie.opportunity == "referral"


def test_business_with_amount(client, world, connected):
    confirm(client, world["marc"], connected, opportunity="business", amount_eur="12000")
    assert MeetingAttestation.objects.get(attester=world["marc"]).amount_eur == 12000


def test_amount_only_for_business(client, world, connected):
    confirm(client, world["marc"], connected, opportunity="referral", amount_eur="500")
    assert not MeetingAttestation.objects.exists()


def test_future_meeting_refused(client, world, connected):
    tomorrow = (timezone.localdate() + timezone.timedelta(days=1)).isoformat()
    confirm(client, world["marc"], connected, happened_on=tomorrow)
    assert not MeetingAttestation.objects.exists()


def test_only_after_both_accepted(client, world):
    run_round(force=True)
    intro = Introduction.objects.get(member_a=world["marc"], member_b=world["sophie"])
    do_decide(intro, acting_user=world["marc"], accept=True)
    confirm(client, world["marc"], intro)
    assert not MeetingAttestation.objects.exists()


def test_confirming_twice_updates(client, world, connected):
    confirm(client, world["marc"], connected, usefulness="3")
    confirm(client, world["marc"], connected, usefulness="5")
    assert MeetingAttestation.objects.get(attester=world["marc"]).usefulness == 5


def test_refused_form_keeps_input_and_shows_error_at_field(client, world, connected):
    response = confirm(
        client,
        world["marc"],
        connected,
        usefulness="2",
        opportunity="referral",
        amount_eur="500",
        note="Un échange franc",
    )
    assert response.status_code == 400
    assert not MeetingAttestation.objects.exists()
    html = response.content.decode()
    assert "Un échange franc</textarea>" in html
    assert '<option value="2" selected>' in html
    assert '<option value="referral" selected>' in html
    assert 'aria-invalid="true"' in html and 'id="id_amount_eur_error"' in html
    assert 'aria-describedby="id_amount_eur_helptext id_amount_eur_error"' in html
    error = html.split('id="id_amount_eur_error"')[1].split("</ul>")[0]
    assert "Un montant ne s&#x27;indique que pour une affaire conclue." in error
    assert not list(response.context["messages"])


def test_missing_rating_shown_at_field(client, world, connected):
    response = confirm(client, world["marc"], connected, usefulness="", note="Gardée")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Gardée</textarea>" in html and 'id="id_usefulness_error"' in html
