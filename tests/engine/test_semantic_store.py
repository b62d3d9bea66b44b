"""Embeddings kept on disk: a second process or start reads them instead of embedding;
pruned of the texts no longer current; tables of texts (the services' phrases) kept whole."""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine import text
from passerelles.engine.semantic import (
    EmbeddingStore,
    Pruned,
    SemanticEncoder,
    fold,
    new_vectors_kept,
    new_vectors_not_kept,
)

TEXTS = [
    "Notre atelier a pris l'eau cette nuit, qui peut estimer les dégâts ?",
    "Expertise et gestion de sinistres pour les commerçants.",
    "Je cherche un comptable pour boucler mon premier exercice.",
]


def refuse_to_embed(self, texts):
    raise AssertionError(f"embedded again: {texts}")


def test_a_second_encoder_reads_the_vectors_back_without_embedding(
    model_path, tmp_path, monkeypatch
):
    first = SemanticEncoder(model_path, store=tmp_path)
    rows = first.encode(TEXTS)
    # Another process (a fresh encoder, nothing in memory) after the first one stored them.
    second = SemanticEncoder(model_path, store=tmp_path)
    monkeypatch.setattr(SemanticEncoder, "_embed", refuse_to_embed)
    assert np.array_equal(second.encode(TEXTS), rows)  # the same vectors to the last bit
    copy = pickle.loads(pickle.dumps(SemanticEncoder(model_path, store=tmp_path)))
    assert np.array_equal(copy.encode(TEXTS[:1]), rows[:1])


def test_only_texts_never_embedded_are_embedded(model_path, tmp_path, monkeypatch):
    SemanticEncoder(model_path, store=tmp_path).encode(TEXTS[:2])
    seen: list[list[str]] = []
    embed = SemanticEncoder._embed

    def counting(self, texts):
        seen.append(list(texts))
        return embed(self, texts)

    monkeypatch.setattr(SemanticEncoder, "_embed", counting)
    rows = SemanticEncoder(model_path, store=tmp_path).encode(TEXTS)
    assert seen == [[TEXTS[2]]]
    fresh = SemanticEncoder(model_path).encode(TEXTS)  # no store at all
    assert np.allclose(rows, fresh, atol=1e-6)


def test_without_a_store_nothing_is_written(model_path, tmp_path, monkeypatch):
    monkeypatch.setenv("PASSERELLES_CACHE_DIR", str(tmp_path))
    SemanticEncoder(model_path).encode(TEXTS[:1])
    assert list(tmp_path.iterdir()) == []


def test_vectors_of_another_model_file_are_never_read(tmp_path):
    model = tmp_path / "model.bin"
    model.write_bytes(b"weights")
    store = EmbeddingStore(model, "e5", 4, tmp_path / "cache")
    row = np.array([[0.5, 0.5, 0.5, 0.5]], dtype=np.float32)
    store.put(TEXTS[:1], row)
    assert np.array_equal(
        EmbeddingStore(model, "e5", 4, tmp_path / "cache").get(TEXTS)[TEXTS[0]], row[0]
    )
    # The model file replaced (another time, another size): its store starts empty.
    model.write_bytes(b"other weights")
    os.utime(model, ns=(1_000_000_000, 1_000_000_000))
    assert EmbeddingStore(model, "e5", 4, tmp_path / "cache").get(TEXTS) == {}
    # Another kind of encoder on the same file, or vectors of another width: not read.
    assert EmbeddingStore(model, "sentence-transformers", 4, tmp_path / "cache").get(TEXTS) == {}


def test_a_broken_store_is_skipped_not_an_error(tmp_path):
    model = tmp_path / "model.bin"
    model.write_bytes(b"weights")
    store = EmbeddingStore(model, "e5", 4, tmp_path)
    store.file.write_bytes(b"not a database at all" * 100)
    store.put(TEXTS[:1], np.ones((1, 4), dtype=np.float32))
    assert store.get(TEXTS) == {}
    unwritable = EmbeddingStore(model, "e5", 4, tmp_path / "file-not-dir" / "x")
    (tmp_path / "file-not-dir").write_text("a file where the directory should be")
    unwritable.put(TEXTS[:1], np.ones((1, 4), dtype=np.float32))
    assert unwritable.get(TEXTS) == {}


def test_rows_of_the_wrong_width_are_not_read_back(tmp_path):
    model = tmp_path / "model.bin"
    model.write_bytes(b"weights")
    EmbeddingStore(model, "e5", 3, tmp_path).put(TEXTS[:1], np.ones((1, 3), dtype=np.float32))
    assert EmbeddingStore(model, "e5", 4, tmp_path).get(TEXTS) == {}


def test_an_unpickled_encoder_keeps_vectors_where_its_own_process_keeps_them(
    model_path, tmp_path, monkeypatch
):
    # An index built on one machine (its cache directory) and read from the shared cache
    # by a process of another machine, whose cache directory is elsewhere.
    monkeypatch.setenv("PASSERELLES_CACHE_DIR", str(tmp_path / "builder"))
    pickled = pickle.dumps(SemanticEncoder(model_path, store=True))
    monkeypatch.setenv("PASSERELLES_CACHE_DIR", str(tmp_path / "reader"))
    copy = pickle.loads(pickled)
    rows = copy.encode(TEXTS[:1])
    assert not (tmp_path / "builder").exists()
    again = SemanticEncoder(model_path, store=True)  # the reader's next start
    monkeypatch.setattr(SemanticEncoder, "_embed", refuse_to_embed)
    assert np.array_equal(again.encode(TEXTS[:1]), rows)


def test_a_question_asked_on_a_page_is_not_kept_on_disk(model_path, tmp_path):
    encoder = SemanticEncoder(model_path, store=tmp_path)
    with new_vectors_not_kept():
        asked = encoder.encode(TEXTS[:1])
    assert encoder.store is not None and encoder.store.get(TEXTS[:1]) == {}
    members = encoder.encode(TEXTS[1:])  # members' texts, outside a question, are kept
    assert set(encoder.store.get(TEXTS)) == set(TEXTS[1:])
    with new_vectors_not_kept():  # and still read while a question is answered
        again = SemanticEncoder(model_path, store=tmp_path).encode(TEXTS)
    assert np.array_equal(again, np.vstack([asked, members]))


def fake_store(tmp_path: Path, dim: int = 4) -> EmbeddingStore:
    model = tmp_path / "model.bin"
    model.write_bytes(b"weights")
    return EmbeddingStore(model, "e5", dim, tmp_path / "cache")


def some_rows(n: int, dim: int = 4) -> np.ndarray:
    return np.random.default_rng(n).standard_normal((n, dim)).astype(np.float32)


def test_pruning_removes_the_vectors_of_texts_gone_and_keeps_the_current_ones(tmp_path):
    store = fake_store(tmp_path)
    store.put(TEXTS, some_rows(3))
    # The first text still there (laid out otherwise: the same text), the second gone.
    current = ["  " + TEXTS[0].replace(" ", "\n  "), TEXTS[2]]
    assert store.prune(lambda: current) == Pruned(removed=1, seen=3, done=True)
    assert set(store.get(TEXTS)) == {TEXTS[0], TEXTS[2]}
    assert store.prune(lambda: current) == Pruned(removed=0, seen=2, done=True)


@settings(max_examples=40, deadline=None)
@given(
    kept=st.sets(st.text(max_size=12), max_size=12),
    current=st.sets(st.text(max_size=12), max_size=12),
)
def test_after_pruning_the_store_holds_exactly_the_current_texts_it_held(kept, current):
    with tempfile.TemporaryDirectory() as directory:
        store = fake_store(Path(directory))
        texts = sorted({fold(t) for t in kept} - {""})
        store.put(texts, some_rows(len(texts)))
        pruned = store.prune(lambda: current)
        assert pruned.done and pruned.seen == len(texts)
        still = {fold(t) for t in current}
        assert set(store.get(texts)) == {t for t in texts if t in still}


def test_a_vector_kept_while_the_current_texts_are_read_is_left_alone(tmp_path):
    store = fake_store(tmp_path)
    store.put(TEXTS[:1], some_rows(1))

    def current() -> list[str]:
        store.put(TEXTS[1:2], some_rows(1))  # a text saved meanwhile, kept by another process
        return []

    assert store.prune(current).removed == 1
    assert set(store.get(TEXTS)) == {TEXTS[1]}


def test_pruning_stops_when_its_time_is_up_and_the_next_run_goes_on(tmp_path):
    store = fake_store(tmp_path)
    texts = [f"besoin numéro {i}" for i in range(1200)]
    store.put(texts, some_rows(1200))
    first = store.prune(lambda: texts[:100], seconds=0)
    assert not first.done and 0 < first.removed < 1100
    runs = 1
    while not store.prune(lambda: texts[:100], seconds=0).done and runs < 10:
        runs += 1
    assert set(store.get(texts)) == set(texts[:100])


def test_a_reader_in_the_middle_of_a_read_neither_blocks_pruning_nor_sees_it_halfway(tmp_path):
    store = fake_store(tmp_path)
    store.put(TEXTS, some_rows(3))
    reader = sqlite3.connect(store.file, isolation_level=None)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM vectors").fetchone() == (3,)
        assert store.prune(lambda: [], seconds=5) == Pruned(removed=3, seen=3, done=True)
        assert reader.execute("SELECT count(*) FROM vectors").fetchone() == (3,)
        reader.execute("COMMIT")
        assert reader.execute("SELECT count(*) FROM vectors").fetchone() == (0,)
    finally:
        reader.close()


def test_pruning_a_store_never_written_creates_nothing(tmp_path):
    store = fake_store(tmp_path)
    assert store.prune(lambda: TEXTS) == Pruned(removed=0, seen=0, done=True)
    assert not store.file.exists()


def test_a_table_is_kept_once_read_back_whole_and_only_new_texts_embedded(
    model_path, tmp_path, monkeypatch
):
    first = SemanticEncoder(model_path, store=tmp_path)
    rows = first.encode_table("phrases", TEXTS[:2])
    assert first.store is not None and first.store.get(TEXTS) == {}  # not also one by one
    plain = SemanticEncoder(model_path).encode(TEXTS[:2])
    assert np.array_equal(rows, plain.astype(np.float16))
    seen: list[list[str]] = []
    embed = SemanticEncoder._embed

    def counting(self, texts):
        seen.append(list(texts))
        return embed(self, texts)

    monkeypatch.setattr(SemanticEncoder, "_embed", counting)
    again = SemanticEncoder(model_path, store=tmp_path).encode_table("phrases", TEXTS[:2])
    assert seen == [] and np.array_equal(again, rows)
    with new_vectors_not_kept():  # a table is kept even while a question is answered
        grown = SemanticEncoder(model_path, store=tmp_path).encode_table("phrases", [*TEXTS, ""])
    assert seen == [[TEXTS[2]]]
    assert np.array_equal(grown[:2], rows) and not grown[3].any()
    SemanticEncoder(model_path, store=tmp_path).store.prune(lambda: [])  # tables stay
    last = SemanticEncoder(model_path, store=tmp_path).encode_table("phrases", [*TEXTS, ""])
    assert seen == [[TEXTS[2]]] and np.array_equal(last, grown)


def test_a_table_reads_the_vectors_kept_one_by_one_before(model_path, tmp_path, monkeypatch):
    rows = SemanticEncoder(model_path, store=tmp_path).encode(TEXTS)  # an earlier version
    monkeypatch.setattr(SemanticEncoder, "_embed", refuse_to_embed)
    table = SemanticEncoder(model_path, store=tmp_path).encode_table("phrases", TEXTS)
    assert np.array_equal(table, rows.astype(np.float16))


def test_the_services_table_is_read_back_from_the_store_by_another_process(
    model_path, tmp_path, monkeypatch
):
    phrases, services = text.service_phrases()
    monkeypatch.setattr(text, "service_phrases", lambda: (phrases[:12], services[:12]))
    monkeypatch.setattr(text, "_SERVICE_ROWS", {})
    rows, starts = text.service_table(SemanticEncoder(model_path, store=tmp_path))
    monkeypatch.setattr(text, "_SERVICE_ROWS", {})  # another process
    monkeypatch.setattr(SemanticEncoder, "_embed", refuse_to_embed)
    kept, kept_starts = text.service_table(SemanticEncoder(model_path, store=tmp_path))
    assert np.array_equal(kept, rows) and np.array_equal(kept_starts, starts)
    # One file: the store (with its write-ahead log while in use), no other cache beside it.
    assert {f.name.split(".")[0] for f in tmp_path.iterdir()} == {
        EmbeddingStore(model_path, "e5", 384, tmp_path).file.name.split(".")[0]
    }


def test_a_text_first_met_in_a_question_is_kept_when_met_as_a_members_text(model_path, tmp_path):
    encoder = SemanticEncoder(model_path, store=tmp_path)
    with new_vectors_not_kept():
        asked = encoder.encode(TEXTS[:2])
    assert encoder.store is not None and encoder.store.get(TEXTS) == {}
    with new_vectors_not_kept(), new_vectors_kept():  # an index built for the question
        encoder.encode(TEXTS[1:])
    assert set(encoder.store.get(TEXTS)) == set(TEXTS[1:])
    encoder.encode(TEXTS[:1])  # later, the same text as a member's
    kept = encoder.store.get(TEXTS)
    assert set(kept) == set(TEXTS) and np.array_equal(kept[TEXTS[0]], asked[0])
