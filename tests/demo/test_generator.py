"""The demo generator: plain data, realistic shape, deterministic for a seed."""

from collections import Counter
from datetime import UTC, datetime

import numpy as np
import pytest

from passerelles.demo.generator import (
    ADMIN_EMAIL,
    EMAIL_DOMAIN,
    MEMBER_EMAIL,
    ORGANISER_EMAIL,
    generate,
)

NOW = datetime(2026, 3, 2, tzinfo=UTC)


@pytest.fixture(scope="module")
def dataset():
    return generate(members=600, circles=14, seed=2026, now=NOW)


def test_same_seed_gives_the_same_dataset(dataset):
    again = generate(members=600, circles=14, seed=2026, now=NOW)
    assert again == dataset
    assert np.array_equal(again.ties, dataset.ties)


def test_another_seed_gives_another_dataset(dataset):
    other = generate(members=600, circles=14, seed=7, now=NOW)
    assert other != dataset
    assert [m.email for m in other.members] != [m.email for m in dataset.members]


def test_circles_of_several_kinds_in_several_cities(dataset):
    circles = dataset.circles
    assert len(circles) == 14
    per_city = Counter(c.city for c in circles)
    assert len(per_city) >= 3
    assert sum(1 for n in per_city.values() if n >= 2) >= 3
    assert len({c.kind for c in circles}) >= 5
    assert len({c.slug for c in circles}) == len(circles)
    assert {c.admission_policy for c in circles} >= {"open", "cooptation"}
    assert any(not c.listed for c in circles) or len(circles) < 8
    for c in circles:
        assert 1 <= len(c.sectors) <= 2
        assert 0 <= c.dues_eur <= 1500
        assert c.description and c.department


def test_members_are_homophilous(dataset):
    focus = {c.index: set(c.sectors) for c in dataset.circles}
    circles_of = dataset.circles_of()
    in_focus = [
        m.sector in set().union(*(focus[c] for c in circles_of[m.index])) for m in dataset.members
    ]
    assert np.mean(in_focus) >= 0.6


def test_some_members_are_in_two_circles(dataset):
    counts = Counter(len(cs) for cs in dataset.circles_of())
    assert set(counts) <= {1, 2}
    assert 0.08 <= counts[2] / len(dataset.members) <= 0.25


def test_profiles_are_plausible(dataset):
    emails = [m.email for m in dataset.members]
    assert len(set(emails)) == len(emails)
    assert all(e.endswith("@" + EMAIL_DOMAIN) for e in emails[2:])
    for m in dataset.members:
        assert m.first_name and m.last_name and m.headline and m.organisation
        assert 2 <= len(m.skills) <= 5 and len(set(m.skills)) == len(m.skills)
        assert 1 <= len(m.themes) <= 3
        assert m.offers.endswith((".", "?")) and m.needs.endswith((".", "?"))
        assert "  " not in m.offers + m.needs and "{" not in m.offers + m.needs
        assert "fr" in m.languages
    visibility = Counter(m.visibility for m in dataset.members)
    assert visibility.most_common(1)[0][0] == "bridged" and visibility["all"] > 0


def test_each_circle_has_one_owner_and_one_or_two_admins(dataset):
    for c in dataset.circles:
        roles = Counter(m.role for m in dataset.memberships if m.circle == c.index)
        assert roles["owner"] == 1
        assert 1 <= roles["admin"] <= 2
    states = Counter(m.state for m in dataset.memberships)
    assert 0 < states["pending"] < 0.15 * len(dataset.memberships)
    for m in dataset.memberships:
        assert m.requested_at <= NOW
        if m.state == "admitted":
            assert m.requested_at <= m.admitted_at <= NOW
        else:
            assert m.admitted_at is None


def test_bridges_active_requested_and_revoked(dataset):
    states = Counter(b.state for b in dataset.bridges)
    assert states["active"] >= 3 and states["requested"] == 1 and states["revoked"] == 1
    pairs = {frozenset((b.from_circle, b.to_circle)) for b in dataset.bridges}
    assert len(pairs) == len(dataset.bridges)


@pytest.mark.parametrize("n_circles", [4, 7, 14])
def test_circles_of_a_city_are_bridged_two_by_two(n_circles):
    data = generate(members=40 * n_circles, circles=n_circles, seed=5)
    city = {c.index: c.city for c in data.circles}
    active = [(b.from_circle, b.to_circle) for b in data.bridges if b.state == "active"]
    assert all(city[a] == city[b] for a, b in active)
    bridged = {c for pair in active for c in pair}
    unbridged = Counter(city[c] for c in city if c not in bridged)
    assert all(count <= 1 for count in unbridged.values())  # an odd one out at most


def test_the_journeys_personas(dataset):
    claire, julien = dataset.members[0], dataset.members[1]
    assert (claire.email, claire.first_name, claire.last_name) == (
        ORGANISER_EMAIL,
        "Claire",
        "Lefèvre",
    )
    assert julien.email == MEMBER_EMAIL and "Allemagne" in julien.needs
    assert "financier à temps partagé" in julien.needs
    assert dataset.staff[0].email == ADMIN_EMAIL and dataset.staff[0].is_staff
    club = dataset.circles[0]
    assert (club.kind, club.city, club.admission_policy) == ("club", "Lyon", "cooptation")
    owner = [m for m in dataset.memberships if m.circle == 0 and m.role == "owner"]
    assert owner[0].member == 0
    julien_in = [m for m in dataset.memberships if m.member == 1]
    assert len(julien_in) == 1 and julien_in[0].state == "admitted"
    bridged_with_club = {
        b.to_circle if b.from_circle == 0 else b.from_circle
        for b in dataset.bridges
        if 0 in (b.from_circle, b.to_circle)
    }
    assert len(bridged_with_club) == 1
    lyon = {c.kind: c.index for c in dataset.circles if c.city == "Lyon"}
    assert lyon["alumni"] not in bridged_with_club and lyon["women"] not in bridged_with_club


def test_ties_are_mostly_inside_circles(dataset):
    ties = dataset.ties
    assert ties.shape[1] == 2 and len(ties) > 2 * len(dataset.members)
    assert (ties[:, 0] < ties[:, 1]).all()
    assert len({tuple(t) for t in ties.tolist()}) == len(ties)
    assert (dataset.tie_circles >= 0).mean() >= 0.75


def test_too_few_circles_or_members_is_refused():
    with pytest.raises(ValueError):
        generate(members=600, circles=3)
    with pytest.raises(ValueError):
        generate(members=20, circles=14)
