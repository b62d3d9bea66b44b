"""Named actions on introductions: consent, answer, ask, confirm a meeting.

Each takes the person acting (``acting_user``), checks what must hold, writes in one
transaction and raises ``ActionError`` in French. Asking for an introduction and each
answer (accepted, declined, passed on by the intermediary) are written to the operators'
log in the same transaction; no circle's log shows them (a decline is never shown to the
other side).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from passerelles.accounts.models import User
from passerelles.core import audit
from passerelles.core.errors import ActionError
from passerelles.intros import access, notify
from passerelles.intros.models import (
    OPEN_STATUSES,
    Decision,
    Introduction,
    Origin,
    Preference,
    Status,
)
from passerelles.notifications.kinds import INTRODUCTION_KINDS
from passerelles.notifications.models import Notification

__all__ = [
    "ActionError",
    "do_confirm_meeting",
    "do_decide",
    "do_mark_notices_read",
    "do_request_introduction",
    "do_save_preferences",
    "preference_of",
]


REQUESTED = audit.verb("introduction.requested", _l("a demandé à être présenté à"))
ACCEPTED = audit.verb("introduction.accepted", _l("a accepté la mise en relation avec"))
DECLINED = audit.verb("introduction.declined", _l("a décliné la mise en relation avec"))
PASSED_ON = audit.verb(
    "introduction.passed_on", _l("a accepté de faire les présentations auprès de")
)
REFUSED_TO_INTRODUCE = audit.verb(
    "introduction.not_passed_on", _l("a refusé de faire les présentations auprès de")
)
audit.field_labels(status=_l("statut"))
audit.value_labels(Status.choices)

# What an answer may change on an introduction.
DECISION_FIELDS = (
    "status",
    "decision_a",
    "decided_a_at",
    "decision_b",
    "decided_b_at",
    "intermediary_decision",
    "intermediary_decided_at",
    "expires_at",
    "connected_at",
    "closed_at",
)


def preference_of(user: User) -> Preference:
    pref, _created = Preference.objects.get_or_create(user=user)
    return pref


@transaction.atomic
def do_save_preferences(pref: Preference, *, acting_user: User) -> Preference:
    """A member saves their own preferences (``pref`` holds the edited values). Withdrawing
    consent cancels every suggestion still open for them, silently for the other side."""
    if pref.user_id != acting_user.pk:
        raise ActionError(_("Vous ne pouvez changer que vos propres préférences."))
    user = acting_user
    now = timezone.now()
    before = Preference.objects.select_for_update().filter(pk=pref.pk).first()
    had_consent = bool(before and before.consent)
    if pref.consent and not had_consent:
        pref.consented_at = now
    if not pref.consent:
        pref.consented_at = None
    pref.save()
    if had_consent and not pref.consent:
        _cancel_open(user, now)
    return pref


def _cancel_open(user: User, now: datetime.datetime) -> int:
    cancelled = 0
    for intro in Introduction.objects.select_for_update().filter(
        Q(member_a=user) | Q(member_b=user), status__in=OPEN_STATUSES
    ):
        if intro.member_a_id == user.pk:
            intro.decision_a, intro.decided_a_at = Decision.DECLINED, now
        else:
            intro.decision_b, intro.decided_b_at = Decision.DECLINED, now
        intro.status, intro.closed_at = Status.CANCELLED, now
        intro.save(update_fields=DECISION_FIELDS)
        cancelled += 1
    return cancelled


@transaction.atomic
def do_decide(intro: Introduction, *, acting_user: User, accept: bool) -> Introduction:
    """``acting_user`` answers a suggestion (as one side, or as the intermediary asked
    first).

    A decline closes the pair for good and is never shown to the other side; acceptance
    by both shares contact details and sends each an e-mail once committed.
    """
    user = acting_user
    intro = (
        # Lock the introduction's row only: PostgreSQL refuses FOR UPDATE on the nullable
        # side of the outer join that brings the intermediary.
        Introduction.objects.select_for_update(of=("self",))
        .select_related("member_a", "member_b", "intermediary")
        .get(pk=intro.pk)
    )
    now = timezone.now()
    side = intro.side(user)
    if (
        side == "intermediary"
        and intro.origin == Origin.ASK
        and intro.warm
        and intro.status == Status.INTERMEDIARY
    ):
        return _intermediary_decides(intro, accept, now)
    if side not in ("a", "b"):
        raise ActionError(_("Cette mise en relation ne vous concerne pas."))
    if side == "b" and intro.status == Status.INTERMEDIARY:
        raise ActionError(_("Cette mise en relation ne vous concerne pas."))
    if intro.decision_of(user) != Decision.PENDING:
        raise ActionError(_("Vous avez déjà répondu."))
    masked = intro.status in (Status.DECLINED, Status.CANCELLED) and now < intro.expires_at
    if intro.status not in OPEN_STATUSES and not masked:
        raise ActionError(_("Cette suggestion n'est plus ouverte."))
    if intro.expires_at <= now:
        raise ActionError(_("Cette suggestion a expiré."))
    decision = Decision.ACCEPTED if accept else Decision.DECLINED
    if side == "a":
        intro.decision_a, intro.decided_a_at = decision, now
    else:
        intro.decision_b, intro.decided_b_at = decision, now
    if masked:
        # The other side already said no: record the answer, reveal nothing.
        intro.save(update_fields=DECISION_FIELDS)
        _record_answer(intro, user, accept, before=intro.status)
        return intro
    before = intro.status
    if not accept:
        intro.status, intro.closed_at = Status.DECLINED, now
    elif intro.decision_a == Decision.ACCEPTED and intro.decision_b == Decision.ACCEPTED:
        intro.status, intro.connected_at = Status.ACCEPTED, now
    else:
        intro.status = Status.ACCEPTED_BY_A if side == "a" else Status.ACCEPTED_BY_B
    intro.save(update_fields=DECISION_FIELDS)
    _record_answer(intro, user, accept, before=before)
    if intro.status == Status.ACCEPTED:
        notify.connected(intro)
    return intro


def _record_answer(intro: Introduction, user: User, accept: bool, *, before: str) -> None:
    audit.record(
        ACCEPTED if accept else DECLINED,
        intro,
        acting_user=user,
        subject=intro.other(user),
        changes={"status": [before, intro.status]},
    )


def _intermediary_decides(
    intro: Introduction, accept: bool, now: datetime.datetime
) -> Introduction:
    before = intro.status
    intro.intermediary_decided_at = now
    if not accept:
        intro.intermediary_decision = Decision.DECLINED
        intro.status, intro.closed_at = Status.DECLINED, now
    else:
        intro.intermediary_decision = Decision.ACCEPTED
        intro.status = Status.ACCEPTED_BY_A
        intro.expires_at = now + (intro.expires_at - intro.created_at)
    intro.save(update_fields=DECISION_FIELDS)
    audit.record(
        PASSED_ON if accept else REFUSED_TO_INTRODUCE,
        intro,
        acting_user=intro.intermediary,
        subject=intro.member_b,
        changes={"status": [before, intro.status]},
    )
    if accept:
        notify.requested(intro)
    return intro


@transaction.atomic
def do_request_introduction(
    target: User,
    *,
    acting_user: User,
    need: str,
    message: str = "",
    reasons: list[dict[str, Any]] | None = None,
    intermediary: User | None = None,
) -> Introduction:
    """``acting_user`` asks to meet ``target`` after asking the network. Direct: ``target`` is
    asked at once. Warm: ``intermediary`` is asked first, and ``target`` sees nothing
    until they agree; only someone who consented to introductions and may see ``target``
    can be enlisted. The asker's own acceptance is implied."""
    asker = acting_user
    if not access.may_request(asker):
        raise ActionError(_("Activez d'abord les mises en relation dans vos préférences."))
    if not access.introducible_profiles(asker).filter(user=target).exists():
        raise ActionError(_("Ce membre ne peut pas vous être présenté."))
    if intermediary is not None and intermediary.pk in (asker.pk, target.pk):
        raise ActionError(_("L'intermédiaire doit être une troisième personne."))
    if intermediary is not None and not access.may_introduce(intermediary, target):
        raise ActionError(
            _(
                "Cette personne ne peut pas faire les présentations : "
                "demandez une mise en relation directe."
            )
        )
    need, message = (need or "").strip()[:500], (message or "").strip()
    if len(message) > 1000:
        raise ActionError(_("Le message est limité à 1 000 caractères."))
    now = timezone.now()
    # Stored as data, worded in each reader's language (intros.reasons).
    for_target = [{"code": "asked", "need": need}] if need else []
    for_intermediary = [{"code": "asked_through", "need": need}] if need else []
    intro = Introduction(
        origin=Origin.ASK,
        member_a=asker,
        member_b=target,
        created_at=now,
        decision_a=Decision.ACCEPTED,
        decided_a_at=now,
        status=Status.INTERMEDIARY if intermediary else Status.ACCEPTED_BY_A,
        intermediary=intermediary,
        warm=intermediary is not None,
        need=need,
        message=message,
        reasons={"a": list(reasons or []), "b": for_target, "intermediary": for_intermediary},
    )
    try:
        with transaction.atomic():
            intro.save()
    except IntegrityError:
        pair = {"pair_low": min(asker.pk, target.pk), "pair_high": max(asker.pk, target.pk)}
        if access.introductions_for(asker).filter(**pair).exists():
            raise ActionError(_("Une mise en relation avec ce membre existe déjà.")) from None
        # One the asker may not know about (an intermediary still deciding, or who
        # declined): the same answer as for anyone who may not be introduced.
        raise ActionError(_("Ce membre ne peut pas vous être présenté.")) from None
    audit.record(
        REQUESTED,
        intro,
        acting_user=asker,
        subject=target,
        changes={"status": [None, intro.status]},
    )
    if intermediary:
        notify.intermediary_asked(intro)
    else:
        notify.requested(intro)
    return intro


@transaction.atomic
def do_confirm_meeting(
    intro: Introduction,
    *,
    acting_user: User,
    usefulness: int,
    happened_on: datetime.date,
    opportunity: str = "",
    amount_eur: int | None = None,
    note: str = "",
) -> Introduction:
    """``acting_user`` confirms the meeting happened, rates it and records any opportunity; the
    attestation feeds trust. Once both confirmed, the introduction is "met"."""
    from passerelles.trust.actions import do_attest_meeting

    user = acting_user
    intro = Introduction.objects.select_for_update().get(pk=intro.pk)
    side = intro.side(user)
    if side not in ("a", "b") or not intro.connected:
        raise ActionError(_("Vous ne pouvez confirmer qu'une rencontre acceptée des deux côtés."))
    if intro.connected_at and happened_on < timezone.localtime(intro.connected_at).date():
        raise ActionError(_("La rencontre ne peut pas précéder la mise en relation."))
    do_attest_meeting(
        intro.other(user),
        acting_user=user,
        usefulness=usefulness,
        happened_on=happened_on,
        source="intro",
        source_id=intro.pk,
        opportunity=opportunity,
        amount_eur=amount_eur,
        note=note,
    )
    now = timezone.now()
    if side == "a" and intro.met_a_at is None:
        intro.met_a_at = now
    if side == "b" and intro.met_b_at is None:
        intro.met_b_at = now
    if intro.met_a_at and intro.met_b_at and intro.status != Status.MET:
        intro.status, intro.closed_at = Status.MET, now
    intro.save(update_fields=["met_a_at", "met_b_at", "status", "closed_at"])
    notify.meeting_confirmed(intro, user)
    return intro


def do_mark_notices_read(*, acting_user: User) -> int:
    """``acting_user`` has read their notices about introductions."""
    return Notification.objects.filter(
        user=acting_user, kind__in=INTRODUCTION_KINDS, read_at__isnull=True
    ).update(read_at=timezone.now())
