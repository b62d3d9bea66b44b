"""The fast paths of one question give the very figures of the plain ones, to the last bit:
encoding without sklearn's input checks, and offers kept by term (`PostingRows`)."""

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.preprocessing import normalize

from passerelles.engine.matching import AskPlaces, ask_network
from passerelles.engine.text import MixedRows, PostingRows, RelevanceModel, _default_counts

DATA = Path(__file__).parent / "data" / "relevance_fr.json"


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return list(data["offers"].values()) + [text for _, text in data["needs"]]


@pytest.fixture(scope="module")
def model(corpus) -> RelevanceModel:
    return RelevanceModel().fit(corpus)


def _weighted_concepts(block: TfidfVectorizer, texts: list[str]) -> sparse.csr_matrix:
    """The concept block as sklearn's ``TfidfTransformer`` makes it from the concepts'
    counts, the member's own things counted at their weight (`text._default_counts`)."""
    counts = DictVectorizer(dtype=np.float32)
    counts.vocabulary_ = dict(block.vocabulary_)
    counts.feature_names_ = list(block.get_feature_names_out())
    rows = counts.transform([dict(_default_counts(text)) for text in texts])
    weigh = TfidfTransformer(sublinear_tf=True)
    weigh.idf_ = block.idf_
    return sparse.csr_matrix(weigh.transform(rows), dtype=np.float32)


def sklearn_encode(model: RelevanceModel, texts: list[str]) -> sparse.csr_matrix:
    """The lexical rows as sklearn's own ``transform`` and ``normalize`` make them."""
    assert model._blocks is not None
    parts = [
        normalize(_weighted_concepts(block, texts) if i == 1 else block.transform(texts))
        * np.float32(np.sqrt(w))
        for i, (block, w) in enumerate(zip(model._blocks, model.weights, strict=True))
        if w > 0
    ]
    return normalize(sparse.hstack(parts, format="csr")).astype(np.float32)


def same_rows(a: sparse.spmatrix, b: sparse.spmatrix) -> bool:
    a, b = sparse.csr_matrix(a), sparse.csr_matrix(b)
    return (
        a.shape == b.shape
        and a.dtype == b.dtype
        and np.array_equal(a.indptr, b.indptr)
        and np.array_equal(a.indices, b.indices)
        and np.array_equal(a.data, b.data)
    )


def test_encoding_the_whole_corpus_matches_sklearn_bit_for_bit(model, corpus):
    assert same_rows(model.encode(corpus), sklearn_encode(model, corpus))


WORDS = st.sampled_from(
    [
        "comptable",
        "bilan",
        "levée",
        "de",
        "fonds",
        "recrutement",
        "usinage",
        "précision",
        "dégât",
        "des",
        "eaux",
        "sinistre",
        "l'",
        "atelier",
        "a",
        "pris",
        "l'eau",
        "traduction",
        "juridique",
        "japonais",
        "zzz",
        "qqq",
        "42",
        "é",
        "à",
        "-",
        "sous-traitant",
        "Lyon",
        "RH",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=12).map(" ".join), min_size=1, max_size=4))
def test_encoding_any_question_matches_sklearn_bit_for_bit(model, texts):
    assert same_rows(model.encode(texts), sklearn_encode(model, texts))


@st.composite
def offers_and_query(draw):
    n = draw(st.integers(1, 40))
    d = draw(st.integers(1, 25))
    seed = draw(st.integers(0, 2**16))
    density = draw(st.sampled_from([0.0, 0.05, 0.3, 1.0]))
    rows = sparse.random(n, d, density=density, random_state=seed, format="csr")
    rows = normalize(rows).astype(np.float32)
    query = sparse.random(
        1,
        d,
        density=draw(st.sampled_from([0.0, 0.1, 0.5, 1.0])),
        random_state=seed + 1,
        format="csr",
    )
    return rows, normalize(query).astype(np.float32)


@settings(max_examples=100, deadline=None)
@given(offers_and_query())
def test_posting_rows_give_the_plain_products_bit_for_bit(case):
    rows, query = case
    plain = np.asarray(rows @ query.toarray().ravel()).ravel()
    by_term = PostingRows(rows)
    assert np.array_equal(by_term @ query, plain)
    assert np.array_equal(by_term @ query.toarray().ravel(), plain)
    assert (by_term @ query).dtype == np.float32


@settings(max_examples=50, deadline=None)
@given(offers_and_query(), st.integers(0, 2**16))
def test_posting_rows_keep_a_dense_block_as_mixed_rows_do(case, seed):
    lexical, query = case
    rng = np.random.default_rng(seed)
    dense = rng.standard_normal((lexical.shape[0], 6)).astype(np.float32)
    q = np.concatenate([query.toarray().ravel(), rng.standard_normal(6).astype(np.float32)])
    mixed = MixedRows(lexical, dense)
    assert np.array_equal(PostingRows(mixed) @ q, mixed @ q)
    assert np.array_equal(PostingRows(mixed) @ sparse.csr_matrix(q), mixed @ q)
    with pytest.raises(ValueError):
        PostingRows(mixed) @ q[:-1]


def test_ask_the_network_answers_the_same_over_posting_rows(model, corpus):
    offers = model.encode(corpus)
    n = offers.shape[0]
    rng = np.random.default_rng(3)
    kwargs = dict(
        trust_row=rng.random(n) * (rng.random(n) < 0.1),
        asker_circles=np.array([0, 2]),
        circles=sparse.random(n, 5, density=0.3, random_state=4, format="csc"),
        eligible=rng.random(n) < 0.8,
        places=AskPlaces(
            rng.integers(-1, 3, n), rng.integers(-1, 2, n), rng.random(n) < 0.5, 1, 0, True
        ),
    )
    by_term = PostingRows(offers)
    for need in corpus[:60]:
        query = model.encode([need])
        plain = ask_network(query, offers, 10, **kwargs)
        fast = ask_network(query, by_term, 10, **kwargs)
        assert np.array_equal(plain[0], fast[0])
        assert np.array_equal(plain[1], fast[1])
        for name, values in plain[2].items():
            assert np.array_equal(values, fast[2][name])
