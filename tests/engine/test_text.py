"""Tests for French-aware text relevance."""

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from passerelles.engine.lexicon import CONCEPTS
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
from passerelles.engine.text import _meaningful as meaningful
from passerelles.engine.text import _phrase_key as phrase_key

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


def test_lexicon_matches_whole_words_and_keeps_compounds():
    assert "événementiel" not in concepts_in("un sous-traitant en usinage")
    assert "événementiel" in concepts_in("un traiteur pour notre séminaire")
    assert "industrie" in concepts_in("un sous-traitant en usinage")
    carbon = concepts_in("le bilan carbone")  # the longest phrase wins: not "bilan"
    assert "RSE" in carbon and "comptabilité" not in carbon
    assert "comptabilité" in concepts_in("les bilans annuels")
    assert "coaching" not in concepts_in("lean management et revenue management")
    assert concepts_in("it is what it is") == []  # function words are not concepts
    assert "financement" in concepts_in("les levées des fonds")
    assert concepts_in("Expert comptable") == concepts_in("expert-comptable")
    assert "données et IA" not in concepts_in("bi-mensuel")  # no key inside a compound


def test_child_concepts_bring_their_parent():
    found = concepts_in("un DAF à temps partiel")
    assert found[:2] == ["direction financière à temps partiel", "direction financière"]


def test_matched_terms_are_readable_topics():
    need = "Je cherche un sous-traitant en usinage de précision pour un client."
    offer = "l'usinage de précision et la sous-traitance industrielle, traiteur pour événements"
    model = RelevanceModel().fit([need, offer, "design de logos", "temps partiel client"])
    terms = model.matched_terms(need, offer)
    assert "usinage de précision" in terms
    assert "sous-traitance industrielle" in terms
    assert not {"événementiel", "traitant", "industrie", "précision", "usinage"} & set(terms)
    daf = model.matched_terms("un DAF à temps partiel", "direction financière à temps partiel")
    assert daf == ["direction financière à temps partiel"]
    shared = model.matched_terms("client à temps partiel pour le service", "temps partiel client")
    assert shared == []
    assert model.matched_terms(
        "des contacts pour exporter vers l'Allemagne", "l'export vers l'Allemagne et le Benelux"
    ) == ["export vers l'Allemagne"]


_VOCAB = sorted(
    {p for phrases in CONCEPTS.values() for p in phrases}
    | {"usinage", "de", "précision", "sous-traitant", "temps", "partiel", "client", "service"}
    | {"levée de fonds", "l'", "-", ",", "Allemagne", "à", "le", "les", "des"}
)
_texts = st.lists(st.sampled_from(_VOCAB), max_size=12).map(" ".join) | st.text(max_size=60)


def _contiguous(key, words):
    return any(words[i : i + len(key)] == key for i in range(len(words) - len(key) + 1))


@settings(max_examples=150, deadline=None)
@given(_texts, _texts)
def test_matched_terms_come_from_both_texts(need, offer):
    model = RelevanceModel().fit([need, offer, "comptabilité et financement"])
    terms = model.matched_terms(need, offer)
    assert len(terms) <= 3 and len(set(terms)) == len(terms)
    need_concepts, offer_concepts = set(concepts_in(need)), set(concepts_in(offer))
    need_words, offer_words = phrase_key(need), phrase_key(offer)
    for term in terms:
        if term in need_concepts and term in offer_concepts:
            continue
        key = phrase_key(term)
        assert key and _contiguous(key, need_words) and _contiguous(key, offer_words), term
        if len(key) == 1:
            assert meaningful(key[0]), term
    for a in terms:  # no term is just words of another
        for b in terms:
            if a != b:
                assert not set(phrase_key(a)) <= set(phrase_key(b)) - {"de"}, (a, b)
