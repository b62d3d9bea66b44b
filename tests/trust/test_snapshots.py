"""Background recomputation: debounced, skipped when nothing changed, swapped atomically."""

import pytest

from passerelles.trust import snapshots, state
from passerelles.trust.models import MemberTrust, TrustSnapshot, TrustState
from tests.trust.conftest import vouch


def _current_scores():
    """What a reader sees: the pointer, then the rows behind it."""
    snapshot_id = snapshots.current_snapshot_id()
    return snapshot_id, dict(
        MemberTrust.objects.filter(snapshot_id=snapshot_id).values_list("user_id", "reputation")
    )


def test_recompute_writes_a_snapshot_then_skips_until_something_changes(club, alice, bob):
    vouch(alice, bob)
    first = snapshots.recompute()
    assert not first["skipped"]
    assert snapshots.recompute()["skipped"]
    vouch(bob, alice)
    second = snapshots.recompute()
    assert not second["skipped"] and second["snapshot"] != first["snapshot"]
    standing = snapshots.standing_of(bob)
    assert standing is not None and standing.reputation > 0


def test_a_reader_during_recompute_sees_the_old_snapshot_whole(club, alice, bob, monkeypatch):
    vouch(alice, bob)
    snapshots.recompute()
    old_id, old_scores = _current_scores()
    assert len(old_scores) == 2
    vouch(bob, alice)
    seen = []
    real_swap = snapshots.swap_to

    def reading_before_swap(snapshot):
        # The new snapshot is fully written but not current yet: readers see the old one.
        seen.append(_current_scores())
        assert MemberTrust.objects.filter(snapshot=snapshot).count() == 2
        return real_swap(snapshot)

    monkeypatch.setattr(snapshots, "swap_to", reading_before_swap)
    snapshots.recompute()
    assert seen == [(old_id, old_scores)]
    new_id, new_scores = _current_scores()
    assert new_id != old_id and len(new_scores) == 2
    # The previous snapshot survives until the next swap, for readers already on it.
    assert TrustSnapshot.objects.filter(pk=old_id).exists()


def test_a_failed_computation_leaves_the_current_snapshot(club, alice, bob, monkeypatch):
    vouch(alice, bob)
    snapshots.recompute()
    before = _current_scores()
    vouch(bob, alice)

    def broken(snapshot):
        raise RuntimeError("crash before the swap")

    monkeypatch.setattr(snapshots, "swap_to", broken)
    with pytest.raises(RuntimeError):
        snapshots.recompute()
    assert _current_scores() == before


def test_older_snapshots_are_dropped_after_two_swaps(club, alice, bob):
    vouch(alice, bob)
    snapshots.recompute()
    vouch(bob, alice)
    snapshots.recompute()
    vouch(alice, bob, strength=3)
    snapshots.recompute()
    assert TrustSnapshot.objects.count() == 2


def test_a_stale_snapshot_never_replaces_a_newer_one(club, alice, bob):
    vouch(alice, bob)
    snapshots.recompute()
    current = TrustState.objects.get().current
    stale = snapshots.write_snapshot(current.version - 1)
    assert snapshots.swap_to(stale) is False
    assert TrustState.objects.get().current_id == current.pk


def test_changes_enqueue_one_recomputation_until_it_runs(club, alice, bob, monkeypatch):
    enqueued = []
    from django_tasks.backends.immediate import ImmediateBackend

    from passerelles.trust import tasks

    class FakeTask:
        def get_backend(self):
            return ImmediateBackend("default", {})

        def enqueue(self):
            enqueued.append(1)

    monkeypatch.setattr(tasks, "recompute_trust", FakeTask())
    TrustState.objects.update(queued_at=None)
    assert state.request_recompute() is True
    assert state.request_recompute() is False
    assert enqueued == [1]
    snapshots.recompute()  # the task clears the flag first
    assert state.request_recompute() is True


def test_a_change_commits_then_runs_the_task(club, alice, bob, django_capture_on_commit_callbacks):
    TrustState.objects.update(queued_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        vouch(alice, bob)
    st = TrustState.objects.get()
    assert st.current_id is not None
    assert st.computed_version == st.version
    assert st.queued_at is None


def test_management_command(club, alice, bob, capsys):
    from django.core.management import call_command

    vouch(alice, bob)
    call_command("recompute_trust")
    assert "Snapshot" in capsys.readouterr().out
    call_command("recompute_trust")
    assert "Nothing changed" in capsys.readouterr().out
