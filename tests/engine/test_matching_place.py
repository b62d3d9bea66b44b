"""Distance in a round's scores: among people of other circles, same city first, then same
region, unless both accept to meet remotely; nearness ranks relevant pairs and never makes
one, and members of one circle (who meet at its gatherings) are not ranked by it."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from passerelles.engine.matching import (
    FAR,
    REMOTE,
    SAME_CITY,
    SAME_REGION,
    MemberArrays,
    pair_components,
    place_levels,
)
from passerelles.engine.reasons import explain_pair, pair_reasons


def _members(relevances, city, region, remote=None, circles=None):
    """Member 0 seeks topic 0; member i > 0 offers it with relevances[i - 1]."""
    n = len(relevances) + 1
    needs = np.zeros((n, 2))
    needs[0, 0] = 1.0
    offers = np.zeros((n, 2))
    offers[1:, 0] = relevances
    return MemberArrays(
        needs=sparse.csr_matrix(needs),
        offers=sparse.csr_matrix(offers),
        circles=circles,
        city=np.array(city),
        region=np.array(region),
        remote=None if remote is None else np.array(remote, dtype=bool),
    )


@settings(max_examples=60, deadline=None)
@given(relevance=st.floats(0.05, 1.0))
def test_same_city_then_same_region_then_far(relevance):
    members = _members([relevance] * 3, city=[0, 0, 1, 2], region=[0, 0, 0, 1])
    comp = pair_components(members, np.array([0, 0, 0]), np.array([1, 2, 3]))
    assert list(comp["place"]) == [SAME_CITY, SAME_REGION, FAR]
    assert comp["total"][0] > comp["total"][1] > comp["total"][2]


@settings(max_examples=60, deadline=None)
@given(relevance=st.floats(0.05, 1.0), far_region=st.booleans())
def test_distance_does_not_count_when_both_accept_remote_meetings(relevance, far_region):
    # 1 lives in 0's city; 2 far away, but 0 and 2 both accept to meet remotely.
    members = _members(
        [relevance] * 3,
        city=[0, 0, 1, 2],
        region=[0, 0, 1 if far_region else 0, 2],
        remote=[True, False, True, False],
    )
    comp = pair_components(members, np.array([0, 0, 0]), np.array([1, 2, 3]))
    assert list(comp["place"]) == [SAME_CITY, REMOTE, FAR]
    assert np.isclose(comp["total"][0], comp["total"][1])
    assert comp["total"][1] > comp["total"][2]


@settings(max_examples=60, deadline=None)
@given(weak=st.floats(0.05, 0.12), strong=st.floats(0.35, 1.0))
def test_a_barely_relevant_neighbour_never_outranks_a_relevant_member_far_away(weak, strong):
    members = _members([weak, strong], city=[0, 0, 1], region=[0, 0, 1])
    comp = pair_components(members, np.array([0, 0]), np.array([1, 2]))
    assert comp["proximity"][0] > 0 and comp["proximity"][1] == 0
    assert comp["total"][1] > comp["total"][0]


@settings(max_examples=40, deadline=None)
@given(
    relevances=st.lists(st.floats(0.0, 1.0), min_size=4, max_size=4),
    city=st.lists(st.integers(-1, 2), min_size=5, max_size=5),
    remote=st.lists(st.booleans(), min_size=5, max_size=5),
)
def test_places_change_no_pair_that_is_allowed_and_nothing_without_them(relevances, city, remote):
    with_places = _members(relevances, city=city, region=[c % 2 for c in city], remote=remote)
    without = _members(relevances, city=[-1] * 5, region=[-1] * 5)
    without.city = without.region = None
    rows, cols = np.zeros(4, dtype=np.int64), np.arange(1, 5)
    a, b = pair_components(with_places, rows, cols), pair_components(without, rows, cols)
    assert (a["allowed"] == b["allowed"]).all()
    assert (b["proximity"] == 0).all()
    assert np.allclose(a["total"] - a["proximity"], b["total"])


def test_an_unknown_place_is_never_near():
    members = _members([0.5, 0.5], city=[-1, -1, 0], region=[-1, -1, 0])
    assert list(place_levels(members, np.array([0, 0]), np.array([1, 2]))) == [FAR, FAR]


def test_the_reasons_say_how_the_two_can_meet():
    members = _members([0.6, 0.6], city=[0, 1, 2], region=[0, 0, 1], remote=[True, False, True])
    comp = pair_components(members, np.array([0, 0]), np.array([1, 2]))
    region_pair = {k: v[0] for k, v in comp.items()}
    remote_pair = {k: v[1] for k, v in comp.items()}
    assert {"code": "same_region"} in pair_reasons(region_pair)
    assert {"code": "remote"} in pair_reasons(remote_pair)
    assert (
        "Vous êtes loin l'un de l'autre, mais vous acceptez tous les deux "
        "de vous rencontrer à distance." in explain_pair(remote_pair, "Marc")
    )
    far = dict(remote_pair, place=FAR, proximity=0.0)
    assert not {r["code"] for r in pair_reasons(far)} & {"remote", "same_city", "same_region"}


@settings(max_examples=60, deadline=None)
@given(relevance=st.floats(0.05, 1.0))
def test_members_of_one_circle_are_not_ranked_by_distance(relevance):
    # 1 and 2 share 0's circle, one in 0's city, one far away: the same score.
    circles = sparse.csr_matrix(np.ones((3, 1)))
    members = _members([relevance] * 2, city=[0, 0, 1], region=[0, 0, 1], circles=circles)
    comp = pair_components(members, np.array([0, 0]), np.array([1, 2]))
    assert (comp["proximity"] == 0).all()
    assert np.isclose(comp["total"][0], comp["total"][1])


def test_a_remote_meeting_is_told_even_among_many_reasons():
    components = {
        "relevance_ab": 0.8,
        "relevance_ba": 0.8,
        "reciprocity": 0.2,
        "novelty": 0.36,
        "trust": 0.12,
        "cross_sector": 0.05,
        "themes": 0.08,
        "place": REMOTE,
        "proximity": 0.1,
    }
    reasons = pair_reasons(
        components,
        other_need="un sous-traitant",
        other_offer="export",
        matched_terms_theirs=["usinage"],
        matched_terms_yours=["export"],
        shared_axes=[0],
        max_reasons=4,
    )
    assert [r["code"] for r in reasons][:3] == ["they_seek", "you_seek", "remote"]


@settings(max_examples=60, deadline=None)
@given(
    near=st.floats(0.05, 0.7),
    gap=st.floats(0.0, 0.3),
    level=st.sampled_from(["city", "region", "remote"]),
)
def test_ask_network_nearness_only_reorders_comparably_relevant_answers(near, gap, level):
    """Member 0 is near the asker (or both accept remote meetings), member 1 far and
    ``gap`` more relevant: nearness (0.1) is worth at most a relevance gap of 0.1 / 0.75."""
    from passerelles.engine.matching import AskPlaces, ask_network

    far = near + gap
    offers = np.array([[near, np.sqrt(1 - near**2)], [far, np.sqrt(max(0.0, 1 - far**2))]])
    city = [0, 1] if level == "city" else [1, 2]
    places = AskPlaces(
        city=np.array(city),
        region=np.array([0, 1]) if level != "remote" else np.array([2, 1]),
        remote=np.array([level == "remote", False]),
        asker_city=0,
        asker_region=0,
        asker_remote=level == "remote",
    )
    idx, _score, comp = ask_network(np.array([1.0, 0.0]), offers, places=places)
    expected = {"city": SAME_CITY, "region": SAME_REGION, "remote": REMOTE}[level]
    assert dict(zip(idx.tolist(), comp["place"].tolist(), strict=True)) == {0: expected, 1: FAR}
    if gap > 0.1 / 0.75 + 1e-6:
        assert idx.tolist() == [1, 0]
    if gap == 0.0:
        assert idx.tolist() == [0, 1]  # as relevant: the nearer first


def test_ask_network_relevance_first_whatever_the_distance():
    from passerelles.engine.matching import AskPlaces, ask_network

    offers = np.array([[0.5, np.sqrt(0.75)], [0.7, np.sqrt(0.51)]])
    places = AskPlaces(np.array([0, 1]), np.array([0, 1]), np.array([False, False]), 0, 0)
    idx, _score, _comp = ask_network(np.array([1.0, 0.0]), offers, places=places)
    assert idx.tolist() == [1, 0]


def _own_and_stranger(rel_a, rel_b, city_a, city_b, circle_a, circle_b):
    """Two members of relevance ``rel_a``, ``rel_b`` in cities ``city_a``, ``city_b`` (the
    asker is in city 0, region 0; city 1 is in region 0, city 2 in region 1), in circle
    ``circle_a``, ``circle_b`` (the asker's circle is 0)."""
    from passerelles.engine.matching import AskPlaces

    offers = np.array([[r, np.sqrt(max(0.0, 1 - r**2))] for r in (rel_a, rel_b)])
    circles = sparse.csc_matrix(
        (np.ones(2), ([0, 1], [circle_a, circle_b])), shape=(2, max(circle_a, circle_b) + 1)
    )
    region = {0: 0, 1: 0, 2: 1}
    places = AskPlaces(
        city=np.array([city_a, city_b]),
        region=np.array([region[city_a], region[city_b]]),
        remote=np.array([False, False]),
        asker_city=0,
        asker_region=0,
    )
    return offers, circles, places


@settings(max_examples=60, deadline=None)
@given(rel=st.floats(0.05, 1.0), near=st.sampled_from([0, 1]))
def test_ask_network_the_nearer_of_ones_own_circle_first(rel, near):
    """Two members of the asker's circle, as relevant: the one in the asker's city (or
    region) comes before the one far away, whichever has the smaller index."""
    from passerelles.engine.matching import ask_network

    cities = (0, 2) if near == 0 else (2, 0)
    offers, circles, places = _own_and_stranger(rel, rel, *cities, 0, 0)
    idx, _score, comp = ask_network(
        np.array([1.0, 0.0]), offers, circles=circles, asker_circles=np.array([0]), places=places
    )
    assert idx.tolist()[0] == near
    assert comp["proximity"][0] > 0 and comp["proximity"][1] == 0


@settings(max_examples=80, deadline=None)
@given(
    rel=st.floats(0.05, 1.0),
    own_city=st.sampled_from([0, 1, 2]),
    stranger_city=st.sampled_from([0, 1, 2]),
)
def test_ask_network_a_stranger_as_relevant_before_ones_own_circle(rel, own_city, stranger_city):
    """Nearness never puts someone of one's own circle before a stranger as relevant,
    wherever each of them is."""
    from passerelles.engine.matching import ask_network

    offers, circles, places = _own_and_stranger(rel, rel, own_city, stranger_city, 0, 1)
    idx, _score, _comp = ask_network(
        np.array([1.0, 0.0]), offers, circles=circles, asker_circles=np.array([0]), places=places
    )
    assert idx.tolist() == [1, 0]


@settings(max_examples=60, deadline=None)
@given(near=st.floats(0.05, 0.8), gap=st.floats(0.0, 0.2))
def test_ask_network_own_circle_nearness_only_reorders_comparably_relevant(near, gap):
    """In one's own circle, nearness (0.05 at most) is worth a relevance gap of 0.05 / 0.75
    at most: beyond it the more relevant comes first, wherever they are."""
    from passerelles.engine.matching import ask_network

    offers, circles, places = _own_and_stranger(near, min(1.0, near + gap), 0, 2, 0, 0)
    idx, _score, _comp = ask_network(
        np.array([1.0, 0.0]), offers, circles=circles, asker_circles=np.array([0]), places=places
    )
    if offers[1, 0] - offers[0, 0] > 0.05 / 0.75 + 1e-6:
        assert idx.tolist() == [1, 0]
