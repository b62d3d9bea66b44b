"""Crafted evidence with explicit dates: the figures of each quarter are known by hand."""

import datetime as dt

import pytest
from django.utils import timezone

from passerelles.circles.models import Membership, MembershipState
from passerelles.trust.models import MeetingAttestation, Vouch

NOW = timezone.make_aware(dt.datetime(2025, 6, 15, 12, 0))  # in T2 2025


def at(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def member(user, circle, admitted: dt.datetime, requested: dt.datetime | None = None, **extra):
    membership, _ = Membership.objects.update_or_create(
        user=user,
        circle=circle,
        defaults={
            "state": MembershipState.ADMITTED,
            "requested_at": requested or admitted,
            "admitted_at": admitted,
            **extra,
        },
    )
    return membership


def vouch(voucher, vouchee, when: dt.datetime) -> Vouch:
    row = Vouch.objects.create(voucher=voucher, vouchee=vouchee, context="worked_with")
    Vouch.objects.filter(pk=row.pk).update(created_at=when)
    return row


def meeting(a, b, day: dt.date, usefulness=(4, 4), source="direct", source_id=None, **opportunity):
    """A meeting both sides attested (``opportunity`` goes on ``a``'s side)."""
    MeetingAttestation.objects.create(
        attester=a,
        other=b,
        happened_on=day,
        usefulness=usefulness[0],
        source=source,
        source_id=source_id,
        **opportunity,
    )
    MeetingAttestation.objects.create(
        attester=b,
        other=a,
        happened_on=day,
        usefulness=usefulness[1],
        source=source,
        source_id=source_id,
    )


@pytest.fixture
def now():
    return NOW
