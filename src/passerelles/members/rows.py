"""The directory's cards, rendered in Python (see ``core.rows``): the HTML of the
template loop they replace, at a fraction of its CPU."""

from collections.abc import Iterable

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from passerelles.accounts.models import AnyUser
from passerelles.circles.access import reachable_circle_ids
from passerelles.circles.models import Membership
from passerelles.core.choices import Axis
from passerelles.core.rows import esc, joined, truncated_words, url_maker
from passerelles.core.statements import Statement
from passerelles.members.models import Profile

# Compiled once per length of a page (core.statements; ids sent unpadded: a page's ids
# and no more, as tests/test_list_costs.py bounds them).
_skill_pairs = Statement(
    lambda profile_ids: (
        Profile.skills.through.objects.filter(profile_id__in=profile_ids)
        .order_by("skill__name")
        .values_list("profile_id", "skill__name")
    ),
    pad=False,
)


def with_skill_names(profiles: list[Profile]) -> None:
    """Each profile's skill names (``skill_names``, in the skills' order: by name), read in
    one query for a page of a list: prefetching ``skills`` built a manager and a queryset
    per profile and a model per skill (2 ms of a directory page of 24, 3 ms of an API
    page of 50)."""
    names: dict[int, list[str]] = {profile.pk: [] for profile in profiles}
    if names:
        for profile_id, name in _skill_pairs(names):
            names[profile_id].append(name)
    for profile in profiles:
        profile.skill_names = names[profile.pk]  # type: ignore[attr-defined]


_circle_names = Statement(
    lambda user_ids, circle_ids: (
        Membership.objects.admitted()
        .filter(user_id__in=user_ids, circle_id__in=circle_ids)
        .order_by("circle__name")
        .values_list("user_id", "circle_id", "circle__name")
    ),
    pad=False,
)


def with_shared_circles(viewer: AnyUser, profiles: list[Profile]) -> None:
    """Which of the viewer's circles each profile's member belongs to, or else which of
    the circles bridged with them (``shared_circles``: names, and whether they are the
    viewer's own), read in one query for a page; nothing for the viewer's own card nor for
    those seen only because they show themselves to all. Only circles the viewer sees
    (their own and those bridged with them) are named."""
    mine, bridged = reachable_circle_ids(viewer)
    found: dict[int, tuple[list[str], list[str]]] = {
        p.user_id: ([], []) for p in profiles if p.user_id != viewer.pk
    }
    if found and (mine or bridged):
        for user_id, circle_id, name in _circle_names(list(found), sorted(mine | bridged)):
            found[user_id][0 if circle_id in mine else 1].append(name)
    for profile in profiles:
        own, linked = found.get(profile.user_id, ([], []))
        profile.shared_circles = (own, True) if own else (linked, False)  # type: ignore[attr-defined]


def skill_names(profile: Profile) -> list[str]:
    """The profile's skill names: from `with_skill_names` when a list read them, else
    from its (prefetched) skills."""
    names = getattr(profile, "skill_names", None)
    if names is not None:
        return names
    return [s.name for s in profile.skills.all()]


def skill_options(names: Iterable[str]) -> SafeString:
    """The skill filter's suggestions (``<option>`` of a datalist), 100 at most."""
    return joined(f'<option value="{esc(name)}">' for name in names)


def directory_cards(profiles: Iterable[Profile]) -> SafeString:
    """One ``<li class="card">`` per profile (user selected; skills read by
    `with_skill_names` or prefetched)."""
    detail_url = url_maker("members:detail")
    axis_labels = {code: esc(label) for code, label in Axis.choices}
    labels = {
        "offers": esc(gettext("Peut aider sur :")),
        "needs": esc(gettext("Cherche :")),
        "own": esc(gettext("Cercle en commun :")),
        "own_many": esc(gettext("Cercles en commun :")),
        "linked": esc(gettext("Cercle relié :")),
        "linked_many": esc(gettext("Cercles reliés :")),
    }
    return joined(_card(p, detail_url(p.pk), axis_labels, labels) for p in profiles)


def _card(p: Profile, url: str, axis_labels: dict[str, str], labels: dict[str, str]) -> str:
    name = p.name
    parts = [
        '<li class="card">\n      <div class="row u-items-start">\n'
        f'        <span class="avatar" aria-hidden="true">{esc(p.initials)}</span>\n'
        f'        <div>\n          <h3 class="u-m-0"><a href="{esc(url)}">{esc(name)}</a></h3>\n'
    ]
    if p.headline:
        parts.append(f'          <p class="small u-m-0_1-0">{esc(p.headline)}</p>\n')
    if p.organisation or p.city:
        where = f"{p.city} ({p.department})" if p.city and p.department else p.city
        between = " · " if p.organisation and p.city else ""
        where = f"{esc(p.organisation)}{between}{esc(where)}"
        parts.append(f'          <p class="muted small u-m-0">{where}</p>\n')
    parts.append("        </div>\n      </div>\n")
    names, own = getattr(p, "shared_circles", ((), False))
    if names:
        label = labels[("own" if own else "linked") + ("_many" if len(names) > 1 else "")]
        shown = ", ".join(esc(name) for name in names[:2]) + (" …" if len(names) > 2 else "")
        parts.append(f'      <p class="small">{label} {shown}</p>\n')
    if p.sector:
        parts.append(f'      <p class="muted small">{esc(p.get_sector_display())}</p>\n')
    if p.offers:
        offers = esc(truncated_words(p.offers, 18))
        parts.append(f'      <p class="small"><strong>{labels["offers"]}</strong> {offers}</p>\n')
    if p.needs:
        needs = esc(truncated_words(p.needs, 18))
        parts.append(f'      <p class="small"><strong>{labels["needs"]}</strong> {needs}</p>\n')
    badges = "".join(
        f'<span class="badge badge-axis-{esc(code)}">{axis_labels[code]}</span> '
        for code in p.theme_list
        if code in axis_labels
    )
    skills = "".join(f'<span class="badge">{esc(name)}</span> ' for name in skill_names(p)[:5])
    if badges or skills:
        parts.append(
            f'      <p class="small u-mb-0">\n        {badges}\n        {skills}\n      </p>\n'
        )
    parts.append("    </li>\n    ")
    return "".join(parts)
