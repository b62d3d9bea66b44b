"""The daily purge removes the vectors kept on disk for texts no profile holds any more
(a need edited away, an erased member) and keeps those of the current texts."""

import os
import time
from types import SimpleNamespace

import numpy as np
import pytest

from passerelles.engine.semantic import EmbeddingStore, Table, fold
from passerelles.intros import warm_vectors
from passerelles.jobs.periodic import purge
from passerelles.members.models import Profile

NEEDS = "Un expert-comptable pour notre premier bilan.\nUn avocat en droit social."
OFFERS = "Des bureaux à partager à Lyon."
EDITED_AWAY = "Un graphiste pour notre logo."


@pytest.fixture
def store(tmp_path, monkeypatch) -> EmbeddingStore:
    """The store of the semantic path's encoder, in a cache directory of this test."""
    monkeypatch.setenv("PASSERELLES_CACHE_DIR", str(tmp_path / "cache"))
    model = tmp_path / "model.bin"
    model.write_bytes(b"weights")
    kept = EmbeddingStore(model, "e5", 4, tmp_path / "cache")
    monkeypatch.setattr(warm_vectors, "semantic_encoder", lambda: SimpleNamespace(store=kept))
    return kept


def keep(store: EmbeddingStore, texts: list[str]) -> None:
    """As the encoder keeps them (whitespace folded)."""
    store.put([fold(t) for t in texts], np.ones((len(texts), 4), dtype=np.float32))


@pytest.mark.django_db
def test_the_purge_removes_the_vectors_of_texts_no_profile_holds(alice, bob, store):
    Profile.objects.filter(user=alice).update(needs=NEEDS, offers=OFFERS)
    Profile.objects.filter(user=bob).update(needs=EDITED_AWAY)
    lines = NEEDS.split("\n")
    keep(store, [NEEDS, OFFERS, *lines, EDITED_AWAY])
    profile = Profile.objects.get(user=bob)
    profile.needs = "Un imprimeur."
    profile.save()
    assert purge()["vectors"] == 1
    texts = [fold(t) for t in (NEEDS, OFFERS, *lines, EDITED_AWAY)]
    assert set(store.get(texts)) == set(texts[:-1])
    bob.delete()  # an erased member's texts go too
    keep(store, ["Un imprimeur."])
    assert purge()["vectors"] == 1 and store.get(["Un imprimeur."]) == {}


@pytest.mark.django_db
def test_the_services_phrases_and_files_of_earlier_versions(alice, store):
    store.put_table("services", Table(b"digest", [store.key("phrase")], np.ones((1, 4))))
    old = store.file.parent / "service-phrases-0123456789abcdef01234567.npy"
    old.write_bytes(b"rows kept in a file by an earlier version")
    done = warm_vectors.prune_vectors()
    assert done["old_files"] == 1 and not old.exists()
    table = store.get_table("services")
    assert table is not None and table.keys == [store.key("phrase")]


@pytest.mark.django_db
def test_without_the_semantic_path_there_is_nothing_to_prune(alice, monkeypatch):
    monkeypatch.setattr(warm_vectors, "semantic_encoder", lambda: None)
    assert purge()["vectors"] == 0


def _store_files(directory, digest: str, age: float) -> list:
    files = [directory / f"embeddings-{digest}.sqlite3{end}" for end in ("", "-wal", "-shm")]
    for f in files:
        f.write_bytes(b"vectors of another model file")
        os.utime(f, (time.time() - age, time.time() - age))
    return files


@pytest.mark.django_db
def test_the_stores_of_earlier_model_files_are_removed(alice, store):
    Profile.objects.filter(user=alice).update(offers=OFFERS)
    keep(store, [OFFERS])
    directory = store.file.parent
    earlier = _store_files(directory, "0123456789abcdef01234567", age=3 * 24 * 3600)
    written_lately = _store_files(directory, "fedcba9876543210fedcba98", age=60)
    not_ours = [directory / name for name in ("embeddings-notes.sqlite3", "mine.sqlite3")]
    for f in not_ours:
        f.write_bytes(b"a file the product did not name")
    os.utime(store.file, (0, 0))  # the store in use is kept however old it is
    done = warm_vectors.prune_vectors()
    assert done["old_files"] == 3
    assert not any(f.exists() for f in earlier)
    assert all(f.exists() for f in written_lately + not_ours)
    assert store.get([fold(OFFERS)]) != {}


@pytest.mark.django_db
def test_an_upgraded_machine_keeps_the_services_phrases_until_their_table_is_kept(alice, store):
    from passerelles.engine.text import service_phrases

    phrases = [fold(p) for p in service_phrases()[0][:3]]
    keep(store, phrases)  # kept one by one by an earlier version
    old = store.file.parent / "service-phrases-0123456789abcdef01234567.npy"
    old.write_bytes(b"rows kept in a file by an earlier version")
    done = warm_vectors.prune_vectors()
    assert done["old_files"] == 0 and old.exists()
    assert set(store.get(phrases)) == set(phrases)  # the table will be made from them
    store.put_table("services", Table(b"digest", [store.key("phrase")], np.ones((1, 4))))
    done = warm_vectors.prune_vectors()
    assert done["old_files"] == 1 and not old.exists()
    assert store.get(phrases) == {}


@pytest.mark.django_db
def test_each_machines_keeper_prunes_its_store_once_a_day(alice, bob, store):
    Profile.objects.filter(user=alice).update(offers=OFFERS)
    keep(store, [OFFERS, EDITED_AWAY])
    now = time.time()
    assert warm_vectors.prune_if_due(now)["removed"] == 1
    keep(store, [EDITED_AWAY])
    assert warm_vectors.prune_if_due(now + 3600) is None  # pruned within the day
    assert store.get([EDITED_AWAY]) != {}
    done = warm_vectors.prune_if_due(now + warm_vectors.PRUNE_EVERY + 1)
    assert done is not None and done["removed"] == 1
    assert set(store.get([OFFERS, EDITED_AWAY])) == {OFFERS}


@pytest.mark.django_db
def test_the_keeper_prunes_after_bringing_the_indexes_up_to_date(monkeypatch):
    from passerelles.intros import warm

    calls: list[str] = []
    monkeypatch.setattr(warm, "warm_once", lambda: calls.append("indexes"))
    monkeypatch.setattr(warm_vectors, "prune_if_due", lambda: calls.append("store"))

    def stop(_cpu_seconds):
        raise StopIteration

    monkeypatch.setattr(warm, "pause", stop)  # one look only
    monkeypatch.setattr(warm, "connections", SimpleNamespace(close_all=lambda: None))
    with pytest.raises(StopIteration):
        warm.keep_warm()
    assert calls == ["indexes", "store"]


@pytest.mark.django_db
def test_the_weekly_round_prunes_its_machines_store_when_due(monkeypatch):
    """A machine of task workers alone has no keeper: the round, which keeps vectors
    there, prunes the store when due."""
    from passerelles.intros import tasks
    from passerelles.jobs import periodic

    calls: list[str] = []
    round_task = SimpleNamespace(call=lambda **kwargs: calls.append("round") or {"pairs": 0})
    monkeypatch.setattr(tasks, "run_round", round_task)
    monkeypatch.setattr(warm_vectors, "prune_if_due", lambda: calls.append("store"))
    assert periodic.run_intro_round() == {"pairs": 0}
    assert calls == ["round", "store"]
