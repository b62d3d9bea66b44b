"""Named actions on trust evidence: vouch, attest a meeting, endorse, report, moderate.

Each takes the person acting (``acting_user``), checks what must hold, writes in one
transaction, marks the trust state dirty (a background recomputation follows the commit)
and raises ``ActionError`` in French. Vouches, their withdrawal, reports and their review
are written to the audit log in the same transaction, without a circle: only platform
operators read them (a circle's admins would otherwise learn who reported whom).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from passerelles.accounts.models import User
from passerelles.circles.models import Circle
from passerelles.core import audit
from passerelles.core.errors import ActionError
from passerelles.core.statements import Statement
from passerelles.members.access import visible_profiles
from passerelles.members.models import Skill
from passerelles.trust import admission
from passerelles.trust.access import can_moderate_report, report_circles
from passerelles.trust.applicants import applies_to_a_circle_of
from passerelles.trust.models import (
    AMOUNT_MAX_EUR,
    MEETING_MAX_AGE_DAYS,
    Endorsement,
    MeetingAttestation,
    MeetingSource,
    Opportunity,
    Report,
    ReportStatus,
    Vouch,
    VouchContext,
)
from passerelles.trust.state import mark_dirty

__all__ = [
    "ActionError",
    "do_attest_meeting",
    "do_endorse",
    "do_report",
    "do_review_report",
    "do_revoke_vouch",
    "do_vouch",
    "do_withdraw_endorsement",
    "meeting_is_mutual",
    "monthly_budget",
    "vouches_left_this_month",
]

TEXT_MAX = 1000

VOUCHED = audit.verb("vouch.given", _l("a recommandé"))
VOUCH_UPDATED = audit.verb("vouch.updated", _l("a modifié sa recommandation de"))
VOUCH_REVOKED = audit.verb("vouch.revoked", _l("a retiré sa recommandation de"))
REPORTED = audit.verb("report.filed", _l("a signalé"))
REPORT_UPHELD = audit.verb("report.upheld", _l("a retenu le signalement sur"))
REPORT_DISMISSED = audit.verb("report.dismissed", _l("a écarté le signalement sur"))
audit.field_labels(strength=_l("force"), context=_l("contexte"))
audit.value_labels([*VouchContext.choices, *ReportStatus.choices])


def monthly_budget() -> int:
    return int(getattr(settings, "TRUST_MONTHLY_VOUCHES", 10))


def _month_start(now: datetime.datetime) -> datetime.datetime:
    local = timezone.localtime(now)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _next_month_start(now: datetime.datetime) -> datetime.datetime:
    start = _month_start(now)
    return (start + datetime.timedelta(days=32)).replace(day=1)


# The vouches given since a moment, counted by a statement compiled once per process (the
# passport and the vouch form show what is left on every request; benchmarks/README.md).
_given_since = Statement(
    lambda voucher_id, since: Vouch.objects.filter(voucher_id=voucher_id, created_at__gte=since)
)


def vouches_left_this_month(user: User, now: datetime.datetime | None = None) -> int:
    """New vouches ``user`` may still give this calendar month (updates are free)."""
    now = now or timezone.now()
    budget = monthly_budget()
    # Counted no further than the budget: what is left is the same beyond it.
    used = _given_since.count(user.pk, _month_start(now), limit=budget)
    return max(0, budget - used)


def _can_see(user: User, other: User) -> bool:
    return visible_profiles(user).filter(user=other).exists()


@transaction.atomic
def do_vouch(
    vouchee: User, *, acting_user: User, context: str, strength: int, text: str = ""
) -> Vouch:
    """``acting_user`` recommends ``vouchee``; a second vouch for the same person updates
    the first.

    Pending requests of the vouchee in co-optation circles are checked at once.
    """
    voucher = acting_user
    if voucher.pk == vouchee.pk:
        raise ActionError(_("Vous ne pouvez pas vous recommander vous-même."))
    if not (_can_see(voucher, vouchee) or applies_to_a_circle_of(voucher, vouchee)):
        raise ActionError(_("Vous ne pouvez recommander que des membres que vous voyez."))
    if context not in VouchContext.values:
        raise ActionError(_("Précisez dans quel contexte vous connaissez cette personne."))
    if strength not in (1, 2, 3):
        raise ActionError(_("La force d'une recommandation va de 1 à 3."))
    text = (text or "").strip()
    if len(text) > TEXT_MAX:
        raise ActionError(_("Le message est limité à 1 000 caractères."))
    # Lock the voucher's row so that two simultaneous vouches cannot both pass the budget.
    get_user_model().objects.select_for_update().filter(pk=voucher.pk).first()
    vouch = (
        Vouch.objects.select_for_update()
        .filter(voucher=voucher, vouchee=vouchee, revoked_at__isnull=True)
        .first()
    )
    before = audit.snapshot(vouch, ("context", "strength")) if vouch else None
    if vouch is None:
        now = timezone.now()
        if vouches_left_this_month(voucher, now) <= 0:
            raise ActionError(
                _(
                    "Vous avez utilisé vos %(budget)d recommandations de ce mois-ci. "
                    "Vous pourrez à nouveau recommander à partir du 1er %(month)s."
                )
                % {
                    "budget": monthly_budget(),
                    "month": date_format(_next_month_start(now).date(), "F Y"),
                }
            )
        vouch = Vouch(voucher=voucher, vouchee=vouchee)
    vouch.context, vouch.strength, vouch.text = context, strength, text
    try:
        with transaction.atomic():
            if before is None:
                vouch.save()
            else:
                vouch.save(update_fields=["context", "strength", "text", "updated_at"])
    except IntegrityError as exc:
        raise ActionError(_("Vous recommandez déjà cette personne.")) from exc
    changes = (
        {"context": [None, context], "strength": [None, strength]}
        if before is None
        else audit.diff(before, vouch)
    )
    audit.record(
        VOUCHED if before is None else VOUCH_UPDATED,
        vouch,
        acting_user=voucher,
        subject=vouchee,
        changes=changes,
    )
    mark_dirty()
    vouch.admitted_memberships = admission.after_vouch(vouchee.pk)
    return vouch


@transaction.atomic
def do_revoke_vouch(vouch: Vouch, *, acting_user: User) -> Vouch:
    """Its author withdraws a recommendation."""
    vouch = Vouch.objects.select_for_update().select_related("vouchee").get(pk=vouch.pk)
    if vouch.voucher_id != acting_user.pk:
        raise ActionError(_("Seul son auteur peut retirer une recommandation."))
    if vouch.revoked_at is not None:
        raise ActionError(_("Cette recommandation est déjà retirée."))
    vouch.revoked_at = timezone.now()
    vouch.save(update_fields=["revoked_at", "updated_at"])
    audit.record(VOUCH_REVOKED, vouch, acting_user=acting_user, subject=vouch.vouchee)
    mark_dirty()
    return vouch


def _counterpart(attestation: MeetingAttestation) -> QuerySet[MeetingAttestation]:
    return MeetingAttestation.objects.filter(
        attester_id=attestation.other_id,
        other_id=attestation.attester_id,
        source=attestation.source,
        source_id=attestation.source_id,
    )


@transaction.atomic
def do_attest_meeting(
    other: User,
    *,
    acting_user: User,
    usefulness: int,
    happened_on: datetime.date,
    source: str = "direct",
    source_id: int | None = None,
    opportunity: str = "",
    amount_eur: int | None = None,
    note: str = "",
) -> MeetingAttestation:
    """``acting_user`` attests a meeting with ``other``; idempotent per (user, other,
    source, source_id): a second call updates. The meeting weighs once both sides attested."""
    user = acting_user
    if user.pk == other.pk:
        raise ActionError(_("Une rencontre se fait à deux."))
    if source not in MeetingSource.values:
        raise ActionError(_("Origine de rencontre inconnue."))
    if source != MeetingSource.DIRECT and source_id is None:
        raise ActionError(_("Précisez l'événement ou la mise en relation concernée."))
    if not isinstance(usefulness, int) or not 1 <= usefulness <= 5:
        raise ActionError(_("Notez l'utilité de la rencontre de 1 à 5."))
    if happened_on > timezone.localdate():
        raise ActionError(_("On ne peut attester qu'une rencontre qui a déjà eu lieu."))
    if happened_on < timezone.localdate() - datetime.timedelta(days=MEETING_MAX_AGE_DAYS):
        raise ActionError(_("La rencontre doit dater de moins de cinq ans."))
    if opportunity not in Opportunity.values:
        raise ActionError(_("Type d'opportunité inconnu."))
    if amount_eur is not None and amount_eur < 0:
        raise ActionError(_("Le montant ne peut pas être négatif."))
    if amount_eur is not None and amount_eur > AMOUNT_MAX_EUR:
        raise ActionError(_("Au-delà de 10 millions d'euros : vérifiez le nombre de zéros."))
    if amount_eur is not None and opportunity != Opportunity.BUSINESS:
        raise ActionError(_("Un montant ne s'indique que pour une affaire conclue."))
    note = (note or "").strip()
    if len(note) > TEXT_MAX:
        raise ActionError(_("La note est limitée à 1 000 caractères."))
    attestation, _created = MeetingAttestation.objects.select_for_update().update_or_create(
        attester=user,
        other=other,
        source=source,
        source_id=source_id,
        defaults={
            "happened_on": happened_on,
            "usefulness": usefulness,
            "opportunity": opportunity,
            "amount_eur": amount_eur,
            "note": note,
        },
    )
    if _counterpart(attestation).exists():
        mark_dirty()
    return attestation


def meeting_is_mutual(a: User, b: User) -> bool:
    """True when ``a`` and ``b`` both attested at least one same meeting."""
    mine = MeetingAttestation.objects.filter(attester=a, other=b)
    for source, source_id in mine.values_list("source", "source_id"):
        theirs = MeetingAttestation.objects.filter(
            attester=b, other=a, source=source, source_id=source_id
        )
        if theirs.exists():
            return True
    return False


@transaction.atomic
def do_endorse(member: User, skill: Skill, *, acting_user: User) -> Endorsement:
    """``acting_user`` confirms a skill on ``member``'s profile."""
    endorser = acting_user
    if endorser.pk == member.pk:
        raise ActionError(_("Vous ne pouvez pas confirmer vos propres compétences."))
    if not _can_see(endorser, member):
        raise ActionError(_("Vous ne pouvez confirmer que les compétences de membres visibles."))
    if not member.profile.skills.filter(pk=skill.pk).exists():
        raise ActionError(_("Cette compétence ne figure pas sur son profil."))
    endorsement, created = Endorsement.objects.get_or_create(
        endorser=endorser, member=member, skill=skill
    )
    if created:
        mark_dirty()
    return endorsement


@transaction.atomic
def do_withdraw_endorsement(member: User, skill: Skill, *, acting_user: User) -> None:
    deleted, _rows = Endorsement.objects.filter(
        endorser=acting_user, member=member, skill=skill
    ).delete()
    if not deleted:
        raise ActionError(_("Vous n'aviez pas confirmé cette compétence."))
    mark_dirty()


@transaction.atomic
def do_report(
    reported: User, reason: str, circle: Circle | None = None, *, acting_user: User
) -> Report:
    """``acting_user`` reports misconduct. ``circle``: a circle both share and the reported
    member does not administer, whose moderators will review it with the operators; None:
    operators only.
    """
    reporter = acting_user
    # One reporter's reports are filed one at a time (the "one open report" rule).
    get_user_model().objects.select_for_update().filter(pk=reporter.pk).first()
    if reporter.pk == reported.pk:
        raise ActionError(_("Vous ne pouvez pas vous signaler vous-même."))
    if not _can_see(reporter, reported):
        raise ActionError(_("Vous ne pouvez signaler que des membres que vous voyez."))
    reason = (reason or "").strip()
    if not reason:
        raise ActionError(_("Décrivez ce qui s'est passé."))
    if len(reason) > 2000:
        raise ActionError(_("Le signalement est limité à 2 000 caractères."))
    if circle is not None and not report_circles(reporter, reported).filter(pk=circle.pk).exists():
        raise ActionError(
            _("Choisissez un cercle dont vous êtes tous deux membres et qu'elle ou il n'anime pas.")
        )
    already = Report.objects.filter(
        reporter=reporter, reported=reported, status=ReportStatus.OPEN
    ).exists()
    if already:
        raise ActionError(_("Votre précédent signalement est encore en cours d'examen."))
    report = Report.objects.create(
        reporter=reporter, reported=reported, reason=reason, circle=circle
    )
    audit.record(REPORTED, report, acting_user=reporter, subject=reported)
    return report


@transaction.atomic
def do_review_report(report: Report, *, acting_user: User, uphold: bool, note: str = "") -> Report:
    """A moderator upholds (the report becomes distrust) or dismisses an open report."""
    moderator = acting_user
    report = Report.objects.select_for_update().select_related("reported").get(pk=report.pk)
    if not can_moderate_report(moderator, report):
        raise ActionError(_("Vous ne pouvez pas examiner ce signalement."))
    if report.status != ReportStatus.OPEN:
        raise ActionError(_("Ce signalement a déjà été examiné."))
    report.status = ReportStatus.UPHELD if uphold else ReportStatus.DISMISSED
    report.reviewed_by = moderator
    report.reviewed_at = timezone.now()
    report.review_note = (note or "").strip()[:TEXT_MAX]
    report.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
    audit.record(
        REPORT_UPHELD if uphold else REPORT_DISMISSED,
        report,
        acting_user=moderator,
        subject=report.reported,
        changes={"status": [ReportStatus.OPEN, report.status]},
    )
    if uphold:
        mark_dirty()
    return report
