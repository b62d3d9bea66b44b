""" "Demander au réseau" costs the same number of queries for 2 answers or 10: the trust
state is read once and each check on the answers is one query for all of them, with the
same paths and intermediaries as checked answer by answer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from passerelles.intros import access, ask, trust_inputs
from passerelles.intros.models import Preference, Scope
from passerelles.members.access import visible_pairs, visible_profiles
from passerelles.members.models import Profile, Visibility
from tests.conftest import make_user
from tests.intros.conftest import member, vouch

NEED = "je cherche un accompagnement à l'export en Allemagne"


@pytest.fixture
def many_paths(world):
    """Marc trusts five members of his club, each vouching for a different exporter of
    the finance network; the last three consented to introductions."""
    for n in range(5):
        hop = member(
            f"hop{n}@example.org", "Relais", f"Numéro{n}", world["industry"], consent=n >= 2
        )
        exporter = member(
            f"export{n}@example.org",
            "Export",
            f"Conseil{n}",
            world["finance"],
            offers=f"accompagnement à l'export en Allemagne, marché allemand, bureau {n}",
        )
        vouch(world["marc"], hop)
        vouch(hop, exporter)
    return world


def _count(user, k):
    with CaptureQueriesContext(connection) as queries:
        answers = ask.ask(user, NEED, k=k)
    return len(queries), answers


def test_queries_do_not_grow_with_the_answers(many_paths, clock):
    marc = many_paths["marc"]
    ask.ask(marc, NEED)  # builds the index and the trust graph
    few_queries, few = _count(marc, 1)
    many_queries, many = _count(marc, 10)
    assert len(few) == 1 and few[0].intermediary is not None
    assert len(many) == 6  # Karl and the five exporters
    assert sum(1 for a in many if a.path) >= 5
    assert sum(1 for a in many if a.intermediary) == 3
    assert many_queries == few_queries


def test_paths_and_intermediaries_as_checked_one_by_one(many_paths, clock):
    marc = many_paths["marc"]
    answers = ask.ask(marc, NEED)
    assert any(a.intermediary for a in answers) and any(
        a.path and not a.intermediary for a in answers
    )
    for answer in answers:
        path = trust_inputs.trust_path(marc, answer.profile.user_id)
        if len(path) < 3:
            assert answer.path == [] and answer.intermediary is None
            continue
        visible = access.visible_profiles_by_user_id(marc, path[1:-1])
        assert answer.path == [visible.get(u) for u in path[1:-1]]
        last = visible.get(path[-2])
        expected = last if last and access.may_introduce(last.user, answer.profile.user) else None
        assert answer.intermediary == expected


def test_visible_pairs_is_the_rule_of_visible_profiles(world):
    staff = make_user("staff@example.org", "Sam", "Staff")
    staff.is_staff = True
    staff.save()
    gone = member("gone@example.org", "Gaston", "Parti", world["finance"])
    gone.is_active = False
    gone.save()
    outsider = make_user("outside@example.org", "Olga", "Dehors")
    Preference.objects.create(user=outsider, consent=True, scope=Scope.ALL)
    shown = {"karl": Visibility.CIRCLES, "dana": Visibility.BRIDGED, "sophie": Visibility.ALL}
    for name, visibility in shown.items():
        Profile.objects.filter(user=world[name]).update(visibility=visibility)
    users = [u for u in world.values() if hasattr(u, "is_staff")]
    users += [*world["owners"], staff, gone, outsider]
    ids = [u.pk for u in users]
    expected = {
        (viewer.pk, uid)
        for viewer in users
        for uid in visible_profiles(viewer)
        .filter(user_id__in=ids)
        .values_list("user_id", flat=True)
    }
    assert visible_pairs(users, ids) == expected
    assert (outsider.pk, world["sophie"].pk) in expected  # the rule is exercised both ways
    assert (outsider.pk, world["karl"].pk) not in expected
