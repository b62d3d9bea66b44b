"""The best-ranked members are checked against the database, a few at a time
(`ask._best_introducible`), and the answers are exactly the best of all those the asker
may ask (`access.introducible_profiles` read whole), for askers of every visibility,
including after the data changed since the index was built, and whatever the number
checked at each step."""

import random

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from passerelles.circles.access import reachable_circle_ids
from passerelles.core import request_memo
from passerelles.engine.matching import ask_network, ask_ranking
from passerelles.intros import access, ask
from passerelles.intros.models import Preference, Scope
from passerelles.members.models import Profile, Visibility
from tests.intros.test_introducible import population

OFFERS = [
    "accompagnement à l'export en Allemagne",
    "accompagnement à l'export, marché allemand et autrichien",
    "expertise comptable et levée de fonds",
    "export vers l'Allemagne et la Suisse",
    "site web et référencement",
]
NEEDS = ["je cherche un accompagnement à l'export en Allemagne", "une levée de fonds", "web"]


def _offers(people, seed):
    """Offers drawn from a few texts (equal scores are common), cities from a few."""
    rng = random.Random(seed)
    for user in people:
        Profile.objects.filter(user=user).update(
            offers=rng.choice(OFFERS), city=rng.choice(["Lyon", "Paris", ""])
        )


def _ranking(user, index):
    reachable = sorted(reachable_circle_ids(user)[0])
    mine = [index.circle_index[c] for c in reachable if c in index.circle_index]
    me = Profile.objects.get(user=user)
    rng = np.random.default_rng(user.pk)
    trust = np.where(rng.random(len(index.user_ids)) < 0.3, 0.5, 0.0)  # ties here too
    return me.visibility, {
        "trust_row": trust,
        "asker_circles": np.array(mine, dtype=np.int64),
        "circles": index.circles,
        "places": index.places(me, False),
    }


def _full_rule(user, index, query, k, ranking):
    people = set(access.introducible_profiles(user).values_list("user_id", flat=True))
    eligible = np.isin(index.user_ids, np.array(sorted(people), dtype=np.int64))
    return ask_network(query, index.offers, k, eligible=eligible, **ranking)


def _check(people, index, monkeypatch):
    compared = answered = 0
    for first, widen in ((1, 2), (20, 4)):
        monkeypatch.setattr(ask, "FIRST_CHECK", first)
        monkeypatch.setattr(ask, "WIDEN", widen)
        for user in people:
            if not user.is_active:
                continue
            own, ranking = _ranking(user, index)
            for need in NEEDS:
                query = index.model.encode([need])
                for k in (1, 3, 10):
                    want = _full_rule(user, index, query, k, ranking)
                    found, scores, comp, profiles = ask._best_introducible(
                        user, index, query, k, own, **ranking
                    )
                    assert found.tolist() == want[0].tolist(), (user, need, k)
                    assert scores.tolist() == want[1].tolist()
                    for name, values in want[2].items():
                        assert comp[name].tolist() == values.tolist()
                    ids = {int(index.user_ids[i]) for i in found}
                    assert ids <= set(profiles)
                    compared += 1
                    answered += len(found)
    return compared, answered


def _index_position(index):
    return {int(u): i for i, u in enumerate(index.user_ids.tolist())}


@pytest.mark.parametrize("seed", [11, 12])
def test_same_answers_as_the_whole_rule(db, seed, monkeypatch):
    people = population(seed, members=40)
    _offers(people, seed)
    rng = random.Random(seed)
    for user in rng.sample(people, 12):  # more askers visible to all
        Profile.objects.filter(user=user).update(visibility=Visibility.ALL)
    index = ask.build_index()
    assert index.model is not None
    compared, answered = _check(people, index, monkeypatch)
    assert compared >= 30 and answered >= compared // 2  # not trivially empty


def test_the_live_data_decides_not_the_index(db, monkeypatch):
    """Changes made after the index was built count at once, both ways: members who show
    their profile to all, withdraw consent, narrow their scope, block or are blocked."""
    people = population(13, members=40)
    _offers(people, 13)
    Profile.objects.filter(user__in=people[:20]).update(visibility=Visibility.ALL)
    Preference.objects.filter(user__in=people).update(consent=True)
    index = ask.build_index()
    position = _index_position(index)
    indexed = [u for u in people if u.pk in position and u.is_active]
    rng = random.Random(13)
    changed = rng.sample(indexed, 16)
    Profile.objects.filter(user__in=changed[:6]).update(visibility=Visibility.ALL)
    Profile.objects.filter(user__in=changed[6:9]).update(visibility=Visibility.CIRCLES)
    Preference.objects.filter(user__in=changed[9:11]).update(consent=False)
    Preference.objects.filter(user__in=changed[11:13]).update(scope=Scope.CIRCLES)
    for a, b in zip(changed[13:], people[:3], strict=True):
        Preference.objects.get_or_create(user=b)[0].blocked.add(a)
    compared, _answered = _check(people, index, monkeypatch)
    assert compared >= 20


def test_candidates_checked_in_one_query_when_enough_pass(db, monkeypatch):
    people = population(14, members=30)
    _offers(people, 14)
    Profile.objects.filter(user__in=people).update(visibility=Visibility.ALL)
    Preference.objects.filter(user__in=people).update(consent=True, scope=Scope.ALL)
    index = ask.build_index()
    asker = people[5]
    own, ranking = _ranking(asker, index)
    query = index.model.encode([NEEDS[0]])
    token = request_memo._memo.set({})  # as on a page: the asker's circles read once
    try:
        reachable_circle_ids(asker)
        with CaptureQueriesContext(connection) as queries:
            found, *_rest = ask._best_introducible(asker, index, query, 3, own, **ranking)
    finally:
        request_memo._memo.reset(token)
    assert len(found) == 3 and len(queries) == 1


def test_ranking_order_is_the_subsets_best_first():
    """The first k of any subset in `AskRanking.order` over all members are
    `ask_network`'s best k of that subset, equal scores included."""
    rng = np.random.default_rng(5)
    for _ in range(50):
        n = int(rng.integers(1, 60))
        offers = rng.choice([0.0, 0.3, 0.5, 0.9], size=(n, 1)).astype(np.float32)
        query = np.ones(1, dtype=np.float32)
        eligible = rng.random(n) < 0.4
        k = int(rng.integers(1, 12))
        ranked = ask_ranking(query, offers)
        order = ranked.order(n)
        chosen = [p for p in order.tolist() if eligible[ranked.idx[p]]][:k]
        want = ask_network(query, offers, k, eligible=eligible)
        assert ranked.idx[chosen].tolist() == want[0].tolist()
        assert ranked.order(k).tolist() == order[:k].tolist()
