"""The semantic path: the real loading code on the model the optional extra ships."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from passerelles.engine import semantic
from passerelles.engine.semantic import SemanticEncoder, load_encoder
from passerelles.engine.text import MixedRows, RelevanceModel, relevance

CORPUS = [
    "Je cherche quelqu'un pour tenir mes livres et boucler mon exercice.",
    "Cabinet d'expertise comptable : bilans, déclarations fiscales pour artisans.",
    "Nous voulons que les journalistes parlent de notre lancement.",
    "Attachée de presse : communiqués et relations avec les médias.",
    "Qui peut transporter nos yaourts au froid jusqu'aux cantines ?",
    "Transport frigorifique pour l'agroalimentaire.",
    "Traduction juridique de contrats en allemand.",
    "Installation de panneaux solaires sur les toitures d'entrepôts.",
]


def test_without_the_extra_nothing_is_loaded(monkeypatch):
    monkeypatch.setattr(semantic, "bundled_model_path", lambda: None)
    assert load_encoder() is None
    assert load_encoder("") is None


def test_a_named_model_that_is_missing_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_encoder(tmp_path / "absent.bin")


def test_rows_are_unit_vectors_and_blank_texts_zero(encoder):
    rows = encoder.encode(["Expert-comptable pour TPE", "", "   ", "Avocat en droit social"])
    assert rows.shape == (4, encoder.dim) and rows.dtype == np.float32
    norms = np.linalg.norm(rows, axis=1)
    assert np.allclose(norms[[0, 3]], 1.0, atol=1e-5)
    assert np.all(norms[[1, 2]] == 0)


def test_a_model_named_by_path_gives_the_same_vectors_and_the_cache_changes_nothing(
    encoder, model_path
):
    by_path = SemanticEncoder(model_path)
    text = ["Qui peut évaluer nos dommages après un dégât des eaux ?"]
    first = by_path.encode(text)
    assert np.allclose(first, encoder.encode(text), atol=1e-5)
    assert np.array_equal(by_path.encode(text), first)  # served from the cache


def test_paraphrases_that_share_no_word_meet(encoder):
    model = RelevanceModel(semantic=encoder, semantic_weight=1.0).fit(CORPUS)
    needs = model.encode([CORPUS[0], CORPUS[2], CORPUS[4]])
    offers = model.encode([CORPUS[1], CORPUS[3], CORPUS[5], CORPUS[6], CORPUS[7]])
    assert list(relevance(needs, offers).argmax(axis=1)) == [0, 1, 2]


@pytest.mark.parametrize("weight", [0.0, 0.3, 0.7, 1.0])
def test_the_mix_is_a_weighted_sum_of_cosines(encoder, weight):
    lexical = RelevanceModel().fit(CORPUS)
    # Without the services block (tests/engine/test_text_services.py adds it).
    mixed = RelevanceModel(semantic=encoder, semantic_weight=weight, service_weight=0.0)
    mixed.fit(CORPUS)
    rows = mixed.encode(CORPUS)
    assert np.allclose(sparse.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    lex = lexical.encode(CORPUS)
    sem = mixed.semantic_rows(CORPUS)
    expected = (1 - weight) * (lex @ lex.T).toarray() + weight * sem @ sem.T
    assert np.allclose((rows @ rows.T).toarray(), expected, atol=1e-4)


def test_semantic_weight_out_of_range_is_refused():
    with pytest.raises(ValueError):
        RelevanceModel(semantic_weight=1.5)


def test_mixed_rows_multiply_as_the_plain_rows_do():
    rng = np.random.default_rng(0)
    lexical = sparse.random(50, 30, density=0.1, random_state=1, format="csr", dtype=np.float32)
    dense = rng.standard_normal((50, 8)).astype(np.float32)
    rows = MixedRows(lexical, dense)
    query = rng.standard_normal(38).astype(np.float32)
    assert rows.shape == (50, 38)
    assert np.allclose(rows @ query, rows.tocsr() @ query, atol=1e-5)
    assert np.allclose(rows @ sparse.csr_matrix(query), rows.tocsr() @ query, atol=1e-5)
    with pytest.raises(ValueError):
        rows @ query[:10]


def test_split_rows_are_the_same_rows(encoder):
    model = RelevanceModel(semantic=encoder).fit(CORPUS)
    plain = model.encode(CORPUS)
    split = model.encode(CORPUS, split=True)
    assert np.allclose(split.tocsr().toarray(), plain.toarray(), atol=1e-6)
    query = model.encode([CORPUS[0]])
    assert np.allclose(split @ query, (plain @ query.T).toarray().ravel(), atol=1e-5)


def test_an_encoder_pickled_and_read_back_gives_the_same_vectors(encoder):
    import pickle

    copy = pickle.loads(pickle.dumps(encoder))
    assert np.allclose(copy.encode(CORPUS[:3]), encoder.encode(CORPUS[:3]), atol=1e-6)
