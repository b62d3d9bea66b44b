"""From the database to the engine: which evidence becomes which edge, and the cache."""

import datetime

from django.utils import timezone

from passerelles.engine.trust import KIND_ENDORSEMENT, KIND_VOUCH
from passerelles.members.models import Skill
from passerelles.trust import actions
from passerelles.trust import graph as trust_graph
from tests.conftest import admit, make_user
from tests.trust.conftest import vouch


def test_vouches_endorsements_and_revocations(club, alice, bob):
    skill = Skill.objects.create(name="export")
    bob.profile.skills.add(skill)
    v = vouch(alice, bob, strength=3)
    actions.do_endorse(bob, skill, acting_user=alice)
    ev = trust_graph.collect_evidence()
    assert sorted(ev["kind"].tolist()) == [KIND_VOUCH, KIND_ENDORSEMENT]
    assert ev["strength"][ev["kind"] == KIND_VOUCH].tolist() == [1.0]
    actions.do_revoke_vouch(v, acting_user=alice)
    assert trust_graph.collect_evidence()["kind"].tolist() == [KIND_ENDORSEMENT]


def test_built_graph_maps_users_to_nodes(club, alice, bob, charlie):
    vouch(alice, bob)
    built = trust_graph.build_graph()
    a, b = built.node(alice.pk), built.node(bob.pk)
    assert built.graph.trust[a, b] > 0
    assert built.node(charlie.pk) is not None  # isolated members are nodes too
    assert built.user_id(b) == bob.pk


def test_cache_is_reused_until_the_state_changes(club, alice, bob):
    trust_graph.clear_cache()
    first = trust_graph.current_graph()
    assert trust_graph.current_graph() is first
    vouch(alice, bob)
    second = trust_graph.current_graph()
    assert second is not first
    assert second.graph.trust[second.node(alice.pk), second.node(bob.pk)] > 0


def test_old_evidence_weighs_less(club, alice, bob, dana):
    admit(dana, club)
    from passerelles.trust.models import Vouch

    vouch(alice, bob)
    vouch(dana, bob)
    Vouch.objects.filter(voucher=dana).update(
        updated_at=timezone.now() - datetime.timedelta(days=730)
    )
    built = trust_graph.build_graph()
    fresh = built.graph.trust[built.node(alice.pk), built.node(bob.pk)]
    old = built.graph.trust[built.node(dana.pk), built.node(bob.pk)]
    assert abs(old - fresh / 2) < 1e-3


def test_seeds_are_verified_members_and_admins(club, alice, bob, dana, alumni):
    from passerelles.circles.models import Membership

    assert set(trust_graph.reputation_seeds()) == {alice.pk, dana.pk}
    Membership.objects.filter(user=bob).update(verified=True)
    assert bob.pk in trust_graph.reputation_seeds()


def _queue():
    from passerelles.trust.models import TrustState

    TrustState.objects.update(queued_at=timezone.now())


def test_a_queued_recomputation_serves_the_last_graph_while_young(club, alice, bob, settings):
    """Membership saves mark the state dirty; while the recomputation is debounced,
    profile pages keep the last built graph instead of rebuilding it each time."""
    settings.TRUST_GRAPH_MAX_AGE_SECONDS = 60
    trust_graph.clear_cache()
    first = trust_graph.current_graph()
    vouch(alice, bob)
    admit(make_user("nouveau@example.org"), club)
    _queue()
    assert trust_graph.current_graph() is first
    settings.TRUST_GRAPH_MAX_AGE_SECONDS = 0  # too old now: rebuilt
    second = trust_graph.current_graph()
    assert second is not first
    assert second.graph.trust[second.node(alice.pk), second.node(bob.pk)] > 0


def test_without_a_queued_recomputation_a_change_is_read_at_once(club, alice, bob, settings):
    settings.TRUST_GRAPH_MAX_AGE_SECONDS = 3600
    trust_graph.clear_cache()
    first = trust_graph.current_graph()
    vouch(alice, bob)  # on_commit does not run here: nothing is queued
    assert trust_graph.current_graph() is not first


def test_the_recomputation_leaves_its_graph_in_the_cache(club, alice, bob, monkeypatch):
    from passerelles.trust import snapshots

    trust_graph.clear_cache()
    vouch(alice, bob)
    snapshots.recompute()
    built = trust_graph.current_graph()
    calls = []
    monkeypatch.setattr(trust_graph, "build_graph", lambda *a, **k: calls.append(a))
    assert trust_graph.current_graph() is built
    assert calls == []
