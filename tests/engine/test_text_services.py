"""The mixed path's services block: texts near the situation map's phrases through the
encoder share the kinds of service those phrases belong to."""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import sparse

from passerelles.engine import text
from passerelles.engine.semantic import bundled_model_path, load_encoder
from passerelles.engine.situations import SERVICES
from passerelles.engine.text import (
    SERVICE_WEIGHT,
    RelevanceModel,
    in_english,
    relevance,
    service_phrases,
    service_rows,
    service_table,
)

LABELS = list(SERVICES)
PHRASES, PHRASE_SERVICES = service_phrases()


class BagEncoder:
    """Deterministic stand-in for a sentence encoder: hashed bag of words, unit rows."""

    dim = 256

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"\w+", text.normalize_text(t)):
                h = hashlib.md5(w.encode()).digest()
                out[i, h[0]] += 1.0 if h[1] % 2 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)


_BAG = BagEncoder()


@pytest.fixture(scope="module")
def bag() -> BagEncoder:
    return BagEncoder()


def test_every_kind_of_service_has_phrases_grouped_in_order():
    assert set(PHRASE_SERVICES) == set(LABELS)
    order = [LABELS.index(s) for s in PHRASE_SERVICES]
    assert order == sorted(order)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(PHRASES) - 1))
def test_a_map_phrase_is_nearest_its_own_service(i):
    # The stand-in's words may cancel out (« nouveaux locaux »): a zero row is near nothing.
    assume(_BAG.encode([PHRASES[i]]).any())
    row = service_rows(service_table(_BAG), _BAG.encode([PHRASES[i]]))[0]
    assert np.isclose(np.linalg.norm(row), 1.0, atol=1e-5) and (row >= 0).all()
    assert row[LABELS.index(PHRASE_SERVICES[i])] >= 0.9 * row.max()


def test_a_text_near_no_phrase_has_no_service(bag):
    rows = service_rows(service_table(bag), bag.encode(["zzqx wwkq", ""]))
    assert rows.shape == (2, len(LABELS)) and not rows.any()


CORPUS = [
    "Nos clients se plaignent d'attendre au téléphone.",
    "Permanence téléphonique : accueil des appels, prise de messages.",
    "Le toit de l'entrepôt fuit après chaque orage.",
    "Couvreur : réparation de toitures, étanchéité.",
    "Comptabilité des TPE et bilans annuels.",
    "Traduction de contrats en allemand.",
]


@pytest.mark.parametrize("weight", [0.4, 0.7])
def test_the_block_adds_to_the_mixed_cosine_and_rows_stay_unit(bag, weight):
    plain = RelevanceModel(semantic=bag, semantic_weight=weight, service_weight=0.0).fit(CORPUS)
    mixed = RelevanceModel(semantic=bag, semantic_weight=weight).fit(CORPUS)
    rows = mixed.encode(CORPUS)
    assert np.allclose(sparse.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    base = (plain.encode(CORPUS) @ plain.encode(CORPUS).T).toarray()
    near = service_rows(service_table(bag), bag.encode(CORPUS))
    has = near.any(axis=1).astype(float)
    norms = np.sqrt(1 + SERVICE_WEIGHT * has)
    expected = (base + SERVICE_WEIGHT * near @ near.T) / np.outer(norms, norms)
    assert np.allclose((rows @ rows.T).toarray(), expected, atol=1e-4)
    split = mixed.encode(CORPUS, split=True)
    assert np.allclose(split.tocsr().toarray(), rows.toarray(), atol=1e-6)


def test_no_block_without_the_mix_or_without_the_map(bag):
    assert RelevanceModel().service_weight == 0.0
    assert RelevanceModel(semantic=bag, semantic_weight=1.0).service_weight == 0.0
    assert RelevanceModel(semantic=bag, situations=False).service_weight == 0.0
    assert RelevanceModel(semantic=bag).service_weight == SERVICE_WEIGHT
    with pytest.raises(ValueError):
        RelevanceModel(semantic=bag, service_weight=-0.1)


def test_a_pickled_model_does_not_embed_the_phrases_again(bag):
    model = RelevanceModel(semantic=bag).fit(CORPUS)
    first = model.encode(CORPUS[:2]).toarray()
    copy = pickle.loads(pickle.dumps(model))
    text._SERVICE_ROWS.clear()
    calls = copy.semantic.calls
    assert np.allclose(copy.encode(CORPUS[:2]).toarray(), first, atol=1e-6)
    assert copy.semantic.calls == calls + 1  # the two texts, not the ~4,400 phrases


class FileEncoder(BagEncoder):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


def test_phrases_embedded_by_an_encoder_without_a_store_are_kept_in_memory_only(
    tmp_path, monkeypatch
):
    # A model file's encoder keeps them in its store (tests/engine/test_semantic_store.py).
    monkeypatch.setenv("PASSERELLES_CACHE_DIR", str(tmp_path / "cache"))
    model_file = tmp_path / "model.bin"
    model_file.write_bytes(b"weights")
    text._SERVICE_ROWS.clear()
    first = FileEncoder(model_file)
    rows, _ = service_table(first)
    assert np.array_equal(service_table(first)[0], rows) and first.calls == 1
    assert not (tmp_path / "cache").exists()
    text._SERVICE_ROWS.clear()


@pytest.mark.skipif(bundled_model_path() is None, reason="optional extra 'semantic' absent")
def test_a_situation_the_map_does_not_word_meets_its_service():
    encoder = load_encoder()
    need = "Les passants ne remarquent même pas notre boutique depuis le trottoir."
    assert not set(text.concepts_in(need)) & set(LABELS)  # no phrase of the map in it
    near = service_rows(service_table(encoder), encoder.encode([need]))[0]
    assert LABELS[int(near.argmax())] == "enseignes"
    offers = [
        "Fabrication et pose d'enseignes lumineuses et de vitrophanie.",
        "Création de sites internet pour commerçants.",
        "Design d'emballages pour la grande distribution.",
        "Expert-comptable pour commerces de proximité.",
    ]
    model = RelevanceModel(semantic=encoder).fit([need, *offers])
    assert relevance(model.encode([need]), model.encode(offers)).argmax() == 0


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("We are looking for a business lawyer to draft our shareholders agreement.", True),
        ("Looking for warehouse storage and fulfilment for our e-shop.", True),
        ("Payroll outsourcing for a small company with employees in France.", True),
        ("Je crée ma société avec deux associés et il nous faut un juriste.", False),
        ("Un an après le lancement, on a un souci de trésorerie.", False),
        ("Le toit de l'entrepôt fuit après chaque orage.", False),
        ("Comptabilité PME", False),  # no function word: French, as the map
        ("Prévenir le burn-out et le turn-over de notre start-up", False),
        ("burn-out", False),
        ("", False),
    ],
)
def test_a_text_in_english_is_told_by_its_function_words(sentence, english):
    assert in_english(sentence) is english


@settings(max_examples=40, deadline=None)
@given(st.integers(0, len(PHRASES) - 1))
def test_the_block_is_for_french_texts_only(i):
    """The map's phrases are French: an English text's nearest one tells its object, not
    the service it names, so an English text has no block (and keeps a unit row)."""
    french = PHRASES[i]
    assume(not in_english(french))  # « click and collect »
    assume(_BAG.encode([french]).any())
    english = f"We are looking for the {french} for our team, who can help with that?"
    assert in_english(english)
    model = RelevanceModel(semantic=_BAG).fit([french, english, *CORPUS])
    dense = model.encode([french, english], split=True).dense
    block = dense[:, -len(LABELS) :]
    assert block[0].any() and not block[1].any()
    assert np.allclose(np.linalg.norm(model.encode([english]).toarray(), axis=1), 1.0, atol=1e-5)


@pytest.mark.skipif(bundled_model_path() is None, reason="optional extra 'semantic' absent")
def test_english_needs_naming_their_service_meet_it_on_the_labelled_set():
    """Three English needs of the labelled set were ranked behind a neighbour when the
    block read them through the nearest French phrase (« boutique en ligne » for an
    e-shop's warehouse)."""
    data = json.loads((Path(__file__).parent / "data" / "relevance_fr.json").read_text("utf-8"))
    ids = list(data["offers"])
    offers = [data["offers"][i] for i in ids]
    needs = [t for _, t in data["needs"]]
    model = RelevanceModel(semantic=load_encoder()).fit(offers + needs)
    wanted = [
        (o, t)
        for o, t in data["needs"]
        if t.startswith(("We are looking for a business lawyer", "Looking for warehouse storage"))
        or t.startswith("Looking for office software training")
    ]
    assert len(wanted) == 3
    scores = relevance(model.encode([t for _, t in wanted]), model.encode(offers))
    assert [ids[int(j)] for j in np.asarray(scores).argmax(axis=1)] == [o for o, _ in wanted]
