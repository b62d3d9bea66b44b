"""``{% trust_panel profile %}``: the trust badge, reasons and actions on a profile page;
``{% applicant_progress membership %}``: where a request to join stands, for the applicant;
``{% vouch_ring_note membership %}``: the organiser's warning about a ring of new accounts."""

from django import template

from passerelles.core.links import absolute_reverse
from passerelles.trust import actions, applicants
from passerelles.trust.explain import read_trust
from passerelles.trust.models import Endorsement, Vouch

register = template.Library()


@register.inclusion_tag("trust/_panel.html", takes_context=True)
def trust_panel(context, profile):
    viewer = context["request"].user
    is_me = profile.user_id == viewer.pk
    skills = list(profile.skills.all())
    counts: dict[int, int] = {}
    for skill_id in Endorsement.objects.filter(member_id=profile.user_id).values_list(
        "skill_id", flat=True
    ):
        counts[skill_id] = counts.get(skill_id, 0) + 1
    mine = set(
        Endorsement.objects.filter(endorser=viewer, member_id=profile.user_id).values_list(
            "skill_id", flat=True
        )
    )
    panel = {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "profile": profile,
        "is_me": is_me,
        "skills": [(s, counts.get(s.pk, 0), s.pk in mine) for s in skills],
        "received": Vouch.objects.filter(
            vouchee_id=profile.user_id, revoked_at__isnull=True
        ).count(),
    }
    if not is_me:
        panel["reading"] = read_trust(viewer, profile.user_id)
        panel["my_vouch"] = Vouch.objects.filter(
            voucher=viewer, vouchee_id=profile.user_id, revoked_at__isnull=True
        ).first()
        panel["met"] = actions.meeting_is_mutual(viewer, profile.user)
    return panel


@register.inclusion_tag("trust/_applicant_progress.html")
def applicant_progress(membership):
    """« 2 recommandations sur 3 » and the link to share, on the applicant's circle page."""
    progress = applicants.progress(membership)
    link = ""
    if progress is not None:
        link = absolute_reverse("trust:recommend_me", applicants.recommend_token(membership))
    return {"progress": progress, "link": link, "circle": membership.circle}


@register.inclusion_tag("trust/_vouch_ring_note.html")
def vouch_ring_note(membership):
    return {"ring": applicants.vouch_ring(membership.user_id)}
