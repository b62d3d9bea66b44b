"""One person (bob) with a trace in every kind of data Passerelles holds, and others
(alice, charlie) on the other side of each: for the export and erasure tests."""

import datetime
import uuid

from django.utils import timezone

from passerelles.accounts.tokens import do_create_token
from passerelles.circles import actions as circle_actions
from passerelles.circles.models import Invitation, MemberImport
from passerelles.discussions.models import Discussion, Post
from passerelles.events.models import CalendarFeed, Feedback, Registration
from passerelles.intros.models import Introduction, Preference
from passerelles.members.models import Skill
from passerelles.notifications.actions import do_set_preferences
from passerelles.notifications.notify import notify
from passerelles.trust.models import (
    Endorsement,
    IssuedPassport,
    MeetingAttestation,
    MemberTrust,
    Report,
    TrustSnapshot,
    Vouch,
)
from tests.conftest import make_circle
from tests.events.conftest import make_event

VOUCH_GIVEN = "Alice a redressé une entreprise en difficulté avec rigueur."
VOUCH_RECEIVED = "Bob Durand a repris un projet mal engagé et l'a mené au bout."
NOTE = "Bob cherche un associé pour son cabinet, à rappeler en mars."
POST = "Bob Durand propose un atelier fiscalité en juin."


def build(alice, bob, charlie, club) -> dict:
    now = timezone.now()
    profile = bob.profile
    profile.headline, profile.offers, profile.needs = "Expert-comptable", "Fiscalité", "Export"
    profile.save()
    skill = Skill.objects.create(name="fiscalité")
    profile.skills.add(skill)
    do_create_token(bob, "Tableur de Bob", "read", 30, acting_user=bob)
    own = make_circle(bob, "Cercle de Bob")
    Invitation.objects.create(circle=club, email=bob.email, invited_by=alice, sent_at=now)
    Invitation.objects.create(circle=own, email="ami@example.org", invited_by=bob, sent_at=now)
    circle_actions.do_request_bridge(own, club, acting_user=bob, message="Relions nos cercles")
    bob_in_club = club.memberships.get(user=bob)
    circle_actions.do_change_role(bob_in_club, "moderator", acting_user=alice)
    MemberImport.objects.create(circle=own, uploaded_by=bob, filename="liste.csv", rows=[])
    Vouch.objects.create(voucher=bob, vouchee=alice, context="client", text=VOUCH_GIVEN)
    Vouch.objects.create(voucher=alice, vouchee=bob, context="client", text=VOUCH_RECEIVED)
    today = datetime.date.today()
    MeetingAttestation.objects.create(
        attester=bob, other=alice, happened_on=today, usefulness=4, note=NOTE, amount_eur=1200
    )
    MeetingAttestation.objects.create(
        attester=alice, other=bob, happened_on=today, usefulness=5, note=NOTE
    )
    Endorsement.objects.create(endorser=bob, member=alice, skill=skill)
    Endorsement.objects.create(endorser=alice, member=bob, skill=skill)
    Report.objects.create(reporter=bob, reported=charlie, reason="Démarchage insistant")
    Report.objects.create(
        reporter=charlie, reported=alice, reason="Spam", reviewed_by=bob, review_note="Vu"
    )
    snapshot = TrustSnapshot.objects.create(version=1, started_at=now)
    MemberTrust.objects.create(snapshot=snapshot, user=bob, reputation=0.4, percentile=80)
    IssuedPassport.objects.create(
        user=bob,
        jti=uuid.uuid4(),
        status_index=0,
        issued_at=now,
        expires_at=now + datetime.timedelta(days=180),
    )
    preference, _created = Preference.objects.get_or_create(user=bob)
    preference.blocked.add(charlie)
    low, high = sorted([alice.pk, bob.pk])
    intro = Introduction.objects.create(
        member_a=bob,
        member_b=alice,
        pair_low=low,
        pair_high=high,
        expires_at=now + datetime.timedelta(days=7),
        need="Un associé pour le cabinet de Bob",
        message="Bonjour Alice, c'est Bob.",
    )
    url = intro.get_absolute_url()
    notify(bob, "connected", url=url, about=alice, name=alice.display_name)
    notify(alice, "connected", url=url, about=bob, name=bob.display_name)
    notify(bob, "admitted_by", about=alice, by=alice.display_name, circle=club.name)
    notify(alice, "admitted_vouched", names=[bob.display_name], circle=own.name)
    do_set_preferences(bob, {"bridges": "app"}, True, acting_user=bob)
    event = make_event(bob, own, title="Atelier de Bob")
    Registration.objects.create(event=event, user=bob, status="registered")
    Feedback.objects.create(event=event, user=bob, rating=5, comment="Très utile")
    CalendarFeed.objects.create(user=bob)
    discussion = Discussion.objects.create(title="Fiscalité", axis="savoir", created_by=bob)
    Post.objects.create(discussion=discussion, author=bob, body=POST)
    Post.objects.create(
        discussion=discussion, author=alice, body="Hors sujet", hidden_by=bob, hidden_at=now
    )
    return {"own": own, "intro": intro, "event": event, "discussion": discussion}
