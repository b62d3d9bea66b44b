"""Read-side helpers for circle pages and the member home."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from passerelles.circles.access import (
    remember_circles,
    seen_by_member,
    seen_circle_ids,
    visible_circles,
)
from passerelles.circles.models import (
    ADMIN_ROLES,
    Bridge,
    BridgeState,
    Circle,
    Invitation,
    Membership,
    MembershipState,
)
from passerelles.core.access import is_operator
from passerelles.core.choices_display import choice_labels
from passerelles.core.rows import url_maker
from passerelles.core.statements import Statement, StatementRows


def with_member_counts(circles: QuerySet[Circle]) -> QuerySet[Circle]:
    """``members``: each circle's admitted members, counted per circle shown (a subquery
    on the membership index), not by grouping every membership before a page is cut.

    ``COUNT(*)``, not ``COUNT(id)``: the (circle, state) index then answers alone (an
    index-only scan) instead of reading each membership row, 40 times cheaper per circle
    listed at 100,000 members."""
    return circles.annotate(members=admitted_count("pk"))


def admitted_count(circle_ref: str) -> Coalesce:
    """The admitted members of the circle whose id the outer query holds in
    ``circle_ref``, counted on the (circle, state) index (0 for none)."""
    admitted = (
        Membership.objects.admitted()
        .filter(circle=OuterRef(circle_ref))
        .order_by()
        .values("circle")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(admitted, output_field=IntegerField()), 0)


LIST_ORDER = ("city", "name", "pk")

# The circles list without filters for a member, and the bridges among a page's circles,
# read through statements compiled once per process (core.statements): the list's rule,
# its count and its page were built and compiled by the ORM on each view.
_listed_or_seen = Statement(
    lambda seen: with_member_counts(seen_by_member(seen).order_by(*LIST_ORDER))
)
_bridges_among = Statement(
    lambda shown: Bridge.objects.filter(
        state=BridgeState.ACTIVE, from_circle__in=shown, to_circle__in=shown
    ).values_list("from_circle_id", "to_circle_id")
)
_ALL = 2**62  # a count's limit that no list reaches


class CountedRows(StatementRows):
    """A statement's rows that Django's ``Paginator`` counts whole (``count()``)."""

    def count(self) -> int:
        return self.statement.count(*self.args, limit=_ALL)


def circle_list_rows(user) -> QuerySet[Circle] | CountedRows:
    """`visible_circles(user)` with their admitted members counted, by city and name: the
    circles list without filters (a page of it sliced, the whole counted)."""
    if not user.is_authenticated or is_operator(user):
        return with_member_counts(visible_circles(user).order_by(*LIST_ORDER))
    return CountedRows(_listed_or_seen, (sorted(seen_circle_ids(user)),))


def bridges_among(circle_ids: list[int]) -> list[tuple[int, int]]:
    """(from, to) of the active bridges between two of ``circle_ids``."""
    return _bridges_among(circle_ids)


_active_bridges = Statement(
    lambda circle_ids: (
        Bridge.objects.filter(state=BridgeState.ACTIVE)
        .filter(Q(from_circle_id__in=circle_ids) | Q(to_circle_id__in=circle_ids))
        .select_related("from_circle", "to_circle")
    )
)
# A circle by its slug among those a member sees, its admitted members counted: the
# circle page's first read, compiled once per process.
_seen_circle = Statement(
    lambda seen, slug: with_member_counts(seen_by_member(seen).filter(slug=slug))
)


def active_bridges(circle_ids) -> list[Bridge]:
    return _active_bridges(list(circle_ids))


def visible_circle_counted(user, slug: str) -> Circle:
    """`get_circle_for_user(user, slug)` with its admitted members counted (``members``);
    404 when ``user`` may not see it."""
    if not user.is_authenticated or is_operator(user):
        return get_object_or_404(with_member_counts(visible_circles(user)), slug=slug)
    rows = _seen_circle(sorted(seen_circle_ids(user)), slug)
    if not rows:
        raise Http404("No circle matches the given query.")
    return rows[0]


# The circles API's reads for a member, compiled once per process: the list by name (a
# page of it and its bounded count), a circle by its slug, a circle's bridged partners.
_seen_by_name = Statement(
    lambda seen: with_member_counts(seen_by_member(seen).order_by("name", "pk"))
)
_seen_by_slug = Statement(lambda seen, slug: seen_by_member(seen).filter(slug=slug))


def _partners(circle_id: int) -> QuerySet[Circle]:
    active = Bridge.objects.filter(state=BridgeState.ACTIVE)
    return Circle.objects.filter(
        Q(pk__in=active.filter(from_circle_id=circle_id).values("to_circle_id"))
        | Q(pk__in=active.filter(to_circle_id=circle_id).values("from_circle_id"))
    ).order_by("name")


_partner_slugs = Statement(lambda circle_id: _partners(circle_id).values_list("pk", "slug"))


def circles_by_name(user) -> QuerySet[Circle] | StatementRows:
    """`visible_circles(user)` with their admitted members counted, by name (the API's
    list): sliced for a page, counted up to a bound."""
    if not user.is_authenticated or is_operator(user):
        return with_member_counts(visible_circles(user)).order_by("name", "pk")
    return _seen_by_name.rows(sorted(seen_circle_ids(user)))


def visible_circle(user, slug: str) -> Circle:
    """`get_circle_for_user(user, slug)`: the circle, 404 when ``user`` may not see it."""
    if not user.is_authenticated or is_operator(user):
        return get_object_or_404(visible_circles(user), slug=slug)
    rows = _seen_by_slug(sorted(seen_circle_ids(user)), slug)
    if not rows:
        raise Http404("No circle matches the given query.")
    return rows[0]


def partner_slugs(circle: Circle) -> list[tuple[int, str]]:
    """(id, slug) of the circles with an active bridge to ``circle``, by name."""
    return _partner_slugs(circle.pk)


def bridged_ids(bridges: list[Bridge], circle_ids) -> set[int]:
    """``bridged_circle_ids`` from active bridges already read (those touching
    ``circle_ids``): the circles on their other side, not among ``circle_ids``."""
    wanted = set(circle_ids)
    ids = {b.to_circle_id for b in bridges if b.from_circle_id in wanted}
    ids |= {b.from_circle_id for b in bridges if b.to_circle_id in wanted}
    return ids - wanted


def _labels_of(model, field: str) -> dict:
    """A choice field's labels in the active language (translated once per language)."""
    return choice_labels(model._meta.get_field(field), get_language())


def _full_name(first: str, last: str) -> str:
    """``User.get_full_name()`` from the two columns."""
    return f"{first} {last}".strip()


# The home's reads of circles, compiled once per process (core.statements): built and
# compiled by the ORM on every home, they were ~2.5 ms of its CPU (benchmarks/README.md).
_home_memberships = Statement(
    lambda user_id: (
        Membership.objects.filter(user_id=user_id)
        .exclude(state__in=[MembershipState.LEFT, MembershipState.REMOVED])
        .order_by("circle__name")
        .annotate(members=admitted_count("circle_id"))
        .values_list(
            "circle_id",
            "state",
            "role",
            "circle__name",
            "circle__slug",
            "circle__kind",
            "circle__city",
            "members",
        )
    )
)
_home_bridges = Statement(
    lambda circle_ids: (
        Bridge.objects.filter(state=BridgeState.ACTIVE)
        .filter(Q(from_circle_id__in=circle_ids) | Q(to_circle_id__in=circle_ids))
        .values_list(
            "from_circle_id",
            "from_circle__name",
            "from_circle__slug",
            "to_circle_id",
            "to_circle__name",
            "to_circle__slug",
        )
    )
)
_home_invitations = Statement(
    lambda email: Invitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).values_list(
        "pk",
        "circle__name",
        "circle__slug",
        "invited_by_id",
        "invited_by__first_name",
        "invited_by__last_name",
    )
)
_home_newcomers = Statement(
    lambda circle_ids, since, user_id: (
        Membership.objects.admitted()
        .filter(circle_id__in=circle_ids, admitted_at__gte=since)
        .exclude(user_id=user_id)
        .order_by("-admitted_at")
        .values_list(
            "user__first_name",
            "user__last_name",
            "user__email",
            "user__profile__id",
            "user__profile__headline",
            "circle__name",
            "admitted_at",
        )
    )
)
_home_requests = Statement(
    lambda circle_ids: Membership.objects.filter(
        circle_id__in=circle_ids, state=MembershipState.PENDING
    ).select_related("user", "circle")
)
_home_bridge_requests = Statement(
    lambda circle_ids: Bridge.objects.filter(
        to_circle_id__in=circle_ids, state=BridgeState.REQUESTED
    ).select_related("from_circle", "to_circle")
)


def home_context(user, since) -> dict:
    """What the member's home shows about circles, read as the few columns shown (rows of
    plain values, not model instances) and with nothing left for the template to query:
    the member's circles with their member counts (a count per circle on the (circle,
    state) index), the bridges of those circles, invitations waiting, the week's
    newcomers, and for the circles one administers, requests to review. The circles one
    administers are read from one's own memberships (as ``administered_circles`` asks
    them: admitted, owner or admin) rather than by another query."""
    rows = _home_memberships(user.pk)
    circle_url = url_maker("circles:detail")
    kinds = _labels_of(Circle, "kind")
    roles = _labels_of(Membership, "role")
    admitted: list[dict] = []
    waiting: list[dict] = []
    managed_ids: list[int] = []
    memberships: list[tuple[int, str, str]] = []
    for circle_id, state, role, name, slug, kind, city, members in rows:
        memberships.append((circle_id, state, role))
        if state == MembershipState.ADMITTED:
            admitted.append(
                {
                    "circle_id": circle_id,
                    "name": name,
                    "url": circle_url(slug),
                    "kind": kinds.get(kind, kind),
                    "city": city,
                    "role": roles.get(role, role),
                    "members": members,
                }
            )
            if role in ADMIN_ROLES:
                managed_ids.append(circle_id)
        elif state == MembershipState.PENDING:
            waiting.append({"name": name})
    my_ids = [m["circle_id"] for m in admitted]
    bridges = []
    bridged: set[int] = set()
    bridge_ids: list[tuple[int, int]] = []
    if my_ids:
        wanted = set(my_ids)
        for from_id, from_name, from_slug, to_id, to_name, to_slug in _home_bridges(my_ids):
            bridge_ids.append((from_id, to_id))
            bridges.append(
                {
                    "from_name": from_name,
                    "from_url": circle_url(from_slug),
                    "to_name": to_name,
                    "to_url": circle_url(to_slug),
                }
            )
            if from_id in wanted:
                bridged.add(to_id)
            if to_id in wanted:
                bridged.add(from_id)
        bridged -= wanted
    # The page's visibility rules (next events, suggestions) answer from these two reads.
    remember_circles(user, memberships, bridge_ids)
    invitations = [
        {
            "pk": pk,
            "circle": circle_name,
            "url": circle_url(slug),
            "invited_by": inviter is not None,
            "inviter": _full_name(first or "", last or ""),
        }
        for pk, circle_name, slug, inviter, first, last in _home_invitations(user.email)
    ]
    newcomers = []
    if my_ids:
        member_url = url_maker("members:detail")
        for (
            first,
            last,
            email,
            profile_id,
            headline,
            circle_name,
            admitted_at,
        ) in _home_newcomers.window(my_ids, since, user.pk, offset=0, limit=12):
            full = _full_name(first, last)
            shown = full or email.split("@")[0]  # Profile.name, whose initials show
            newcomers.append(
                {
                    "name": shown,  # User.display_name: never the whole address
                    "initials": "".join(p[0] for p in shown.split()[:2]).upper() or "?",
                    "url": member_url(profile_id),
                    "headline": headline,
                    "circle": circle_name,
                    "admitted_at": admitted_at,
                }
            )
    requests_to_review: list[Membership] = []
    bridge_requests: list[Bridge] = []
    if managed_ids:
        requests_to_review = _home_requests(managed_ids)
        bridge_requests = _home_bridge_requests(managed_ids)
    return {
        "admitted": admitted,
        "waiting": waiting,
        "invitations": invitations,
        "bridges": bridges,
        "bridged_count": len(bridged),
        "requests_to_review": requests_to_review,
        "bridge_requests": bridge_requests,
        "newcomers": newcomers,
    }
