"""Named actions on trust evidence: vouch, attest a meeting, endorse, report, moderate.

Each checks what must hold, writes in one transaction, marks the trust state dirty (a
background recomputation follows the commit) and raises ``ActionError`` in French.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from passerelles.core.errors import ActionError
from passerelles.members.access import visible_profiles
from passerelles.members.models import Skill
from passerelles.trust import admission
from passerelles.trust.access import can_moderate_report, report_circles
from passerelles.trust.applicants import applies_to_a_circle_of
from passerelles.trust.models import (
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


def monthly_budget() -> int:
    return int(getattr(settings, "TRUST_MONTHLY_VOUCHES", 10))


def _month_start(now: datetime.datetime) -> datetime.datetime:
    local = timezone.localtime(now)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _next_month_start(now: datetime.datetime) -> datetime.datetime:
    start = _month_start(now)
    return (start + datetime.timedelta(days=32)).replace(day=1)


def vouches_left_this_month(user, now: datetime.datetime | None = None) -> int:
    """New vouches ``user`` may still give this calendar month (updates are free)."""
    now = now or timezone.now()
    used = Vouch.objects.filter(voucher=user, created_at__gte=_month_start(now)).count()
    return max(0, monthly_budget() - used)


def _can_see(user, other) -> bool:
    return visible_profiles(user).filter(user=other).exists()


@transaction.atomic
def do_vouch(voucher, vouchee, *, context: str, strength: int, text: str = "") -> Vouch:
    """Recommend ``vouchee``; a second vouch for the same person updates the first.

    Pending requests of the vouchee in co-optation circles are checked at once.
    """
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
    vouch = Vouch.objects.filter(voucher=voucher, vouchee=vouchee, revoked_at__isnull=True).first()
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
            vouch.save()
    except IntegrityError as exc:
        raise ActionError(_("Vous recommandez déjà cette personne.")) from exc
    mark_dirty()
    vouch.admitted_memberships = admission.after_vouch(vouchee.pk)
    return vouch


@transaction.atomic
def do_revoke_vouch(voucher, vouch: Vouch) -> Vouch:
    vouch = Vouch.objects.select_for_update().get(pk=vouch.pk)
    if vouch.voucher_id != voucher.pk:
        raise ActionError(_("Seul son auteur peut retirer une recommandation."))
    if vouch.revoked_at is not None:
        raise ActionError(_("Cette recommandation est déjà retirée."))
    vouch.revoked_at = timezone.now()
    vouch.save(update_fields=["revoked_at", "updated_at"])
    mark_dirty()
    return vouch


def _counterpart(attestation: MeetingAttestation):
    return MeetingAttestation.objects.filter(
        attester_id=attestation.other_id,
        other_id=attestation.attester_id,
        source=attestation.source,
        source_id=attestation.source_id,
    )


@transaction.atomic
def do_attest_meeting(
    user,
    other,
    *,
    usefulness: int,
    happened_on: datetime.date,
    source: str = "direct",
    source_id: int | None = None,
    opportunity: str = "",
    amount_eur: int | None = None,
    note: str = "",
) -> MeetingAttestation:
    """``user`` attests a meeting with ``other``; idempotent per (user, other, source,
    source_id): a second call updates. The meeting weighs once both sides attested."""
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
    if opportunity not in Opportunity.values:
        raise ActionError(_("Type d'opportunité inconnu."))
    if amount_eur is not None and amount_eur < 0:
        raise ActionError(_("Le montant ne peut pas être négatif."))
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


def meeting_is_mutual(a, b) -> bool:
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
def do_endorse(endorser, member, skill: Skill) -> Endorsement:
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
def do_withdraw_endorsement(endorser, member, skill: Skill) -> None:
    deleted, _rows = Endorsement.objects.filter(
        endorser=endorser, member=member, skill=skill
    ).delete()
    if not deleted:
        raise ActionError(_("Vous n'aviez pas confirmé cette compétence."))
    mark_dirty()


@transaction.atomic
def do_report(reporter, reported, reason: str, circle=None) -> Report:
    """Report misconduct. ``circle``: a circle both share and the reported member does not
    administer, whose moderators will review it with the operators; None: operators only.
    """
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
    return Report.objects.create(reporter=reporter, reported=reported, reason=reason, circle=circle)


@transaction.atomic
def do_review_report(moderator, report: Report, *, uphold: bool, note: str = "") -> Report:
    """Uphold (the report becomes distrust) or dismiss an open report."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not can_moderate_report(moderator, report):
        raise ActionError(_("Vous ne pouvez pas examiner ce signalement."))
    if report.status != ReportStatus.OPEN:
        raise ActionError(_("Ce signalement a déjà été examiné."))
    report.status = ReportStatus.UPHELD if uphold else ReportStatus.DISMISSED
    report.reviewed_by = moderator
    report.reviewed_at = timezone.now()
    report.review_note = (note or "").strip()[:TEXT_MAX]
    report.save()
    if uphold:
        mark_dirty()
    return report
