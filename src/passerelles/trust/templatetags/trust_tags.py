"""``{% trust_panel profile %}``: the trust badge, reasons and actions on a profile page."""

from django import template

from passerelles.trust import actions
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
