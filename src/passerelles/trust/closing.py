"""What closing an account does to trust evidence (registered by ``TrustConfig``)."""

from __future__ import annotations

from django.db.models import Q

from passerelles.members.closing import Closing
from passerelles.trust.models import (
    Endorsement,
    IssuedPassport,
    MeetingAttestation,
    MemberTrust,
    Report,
    Vouch,
)
from passerelles.trust.state import mark_dirty


def erase_trust_evidence(closing: Closing) -> None:
    """Vouches withdrawn with their text, notes deleted, endorsements and scores gone,
    reasons of reports about them deleted; trust recomputed once this commits."""
    user, now = closing.user, closing.now
    vouches = Vouch.objects.filter(Q(voucher=user) | Q(vouchee=user))
    vouches.filter(revoked_at__isnull=True).update(revoked_at=now)
    vouches.update(text="")
    MeetingAttestation.objects.filter(Q(attester=user) | Q(other=user)).update(note="")
    Endorsement.objects.filter(Q(endorser=user) | Q(member=user)).delete()
    Report.objects.filter(reported=user).update(reason="")
    MemberTrust.objects.filter(user=user).delete()
    IssuedPassport.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
    mark_dirty()
