"""Tests for French-aware text relevance."""

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from passerelles.engine.text import (
    RelevanceModel,
    TextEncoder,
    concepts_in,
    normalize_text,
    relevance,
    stem,
    tokenize,
    top_k,
)

DATA = Path(__file__).parent / "data" / "relevance_fr.json"


@pytest.fixture(scope="module")
def labelled():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    ids = list(data["offers"])
    offers = [data["offers"][i] for i in ids]
    needs = [text for _, text in data["needs"]]
    gold = np.array([ids.index(offer_id) for offer_id, _ in data["needs"]])
    return offers, needs, gold, data


def test_normalisation_accents_hyphens_case():
    assert normalize_text("Expert-Comptable à Évry") == "expert comptable a evry"
    assert tokenize("L'expert-comptable") == tokenize("expert comptable")


def test_plurals_and_word_families_share_a_stem():
    assert stem("comptables") == stem("comptable")
    assert stem("recrutement") == stem("recruter") == stem("recruteur")
    assert stem("financements") == stem("financement")
    assert tokenize("les levées de fonds") == tokenize("levée fonds")


@pytest.mark.parametrize(
    ("a", "b", "concept"),
    [
        ("Je cherche un expert-comptable", "Cabinet de comptabilité", "comptabilité"),
        ("Préparer notre levée de fonds", "Conseil en financement", "financement"),
        ("Aide au recrutement", "Externalisation RH", "ressources humaines"),
        ("Need an accountant", "expertise comptable", "comptabilité"),
    ],
)
def test_near_synonyms_meet_on_a_concept(a, b, concept):
    assert concept in concepts_in(a)
    assert concept in concepts_in(b)
    model = RelevanceModel().fit([a, b, "Installateur de panneaux solaires", "Traduction"])
    enc = model.encode([a, b, "Installateur de panneaux solaires"])
    r = relevance(enc[:1], enc[1:])
    assert r[0, 0] > r[0, 1]
    assert concept in model.matched_terms(a, b)


def test_encode_rows_are_unit_or_zero(labelled):
    offers, needs, _, _ = labelled
    model = RelevanceModel().fit(offers + needs)
    enc = model.encode(offers + ["", "le la les"])
    assert isinstance(model, RelevanceModel) and isinstance(model, TextEncoder)
    norms = np.sqrt(np.asarray(enc.multiply(enc).sum(axis=1)).ravel())
    assert np.allclose(norms[:-2], 1.0, atol=1e-5)
    assert np.allclose(norms[-2:], 0.0)


def test_unfitted_model_and_bad_weights_raise():
    with pytest.raises(ValueError, match="not fitted"):
        RelevanceModel().encode(["x"])
    with pytest.raises(ValueError, match="weights"):
        RelevanceModel(word_weight=-1)
    with pytest.raises(ValueError, match="empty corpus"):
        RelevanceModel().fit([])


def test_labelled_set_accuracy(labelled):
    offers, needs, gold, data = labelled
    professions = {offer_id.split("_")[0] for offer_id in data["offers"]}
    assert len(needs) >= 150 and len(professions) >= 15
    model = RelevanceModel().fit(offers + needs)
    scores = relevance(model.encode(needs), model.encode(offers))
    order = np.argsort(-scores, axis=1)
    rank = np.argmax(order == gold[:, None], axis=1)
    accuracy = float(np.mean(rank == 0))
    mrr = float(np.mean(1.0 / (rank + 1)))
    assert accuracy >= 0.8, accuracy
    assert mrr >= 0.85, mrr


def test_matched_terms_explain_a_match():
    need = "Je cherche un expert-comptable pour ma levée de fonds"
    offer = "Cabinet de comptabilité, accompagnement au financement des start-up"
    model = RelevanceModel().fit([need, offer, "design de logos"])
    terms = model.matched_terms(need, offer)
    assert terms[:2] == ["comptabilité", "financement"]
    assert model.matched_terms(need, "design de logos") == []


def test_top_k_orders_best_first_and_breaks_ties_by_index():
    matrix = sparse.csr_matrix(np.array([[1, 0], [0, 1], [1, 0], [0.6, 0.8]], dtype=np.float32))
    idx, scores = top_k(np.array([1.0, 0.0]), matrix, 3)
    assert idx.tolist() == [0, 2, 3]
    assert np.allclose(scores, [1, 1, 0.6])
    assert top_k(np.array([1.0, 0.0]), matrix, 10)[0].shape == (4,)
    assert top_k(np.array([1.0, 0.0]), matrix, 0)[0].shape == (0,)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=6))
def test_relevance_is_a_bounded_cosine(texts):
    model = RelevanceModel().fit(texts + ["comptabilité et financement"])
    enc = model.encode(texts)
    r = relevance(enc, enc)
    assert r.shape == (len(texts), len(texts))
    assert np.all((r >= 0) & (r <= 1))
    assert np.allclose(r, r.T, atol=1e-6)
