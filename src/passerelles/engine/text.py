"""French-aware text relevance between what members seek (needs) and offer (offers).

The default encoder works offline: three TF-IDF blocks on the same normalised text —
stemmed words, lexicon concepts (near-synonyms of professional vocabulary mapped to one
canonical concept, see `lexicon.py`) and character n-grams (typos, compounds,
morphology the light stemmer misses). Each block is L2-normalised and scaled by the
square root of its weight, then the whole row is L2-normalised, so a cosine is a weighted
mix of the three block cosines. Any encoder with ``encode(texts) -> array`` can replace it
(for instance `SentenceEmbeddingEncoder` when ``sentence-transformers`` is installed).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Protocol, runtime_checkable

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as l2_normalize

from passerelles.engine.lexicon import CONCEPTS

__all__ = [
    "TextEncoder",
    "RelevanceModel",
    "SentenceEmbeddingEncoder",
    "normalize_text",
    "tokenize",
    "stem",
    "concepts_in",
    "relevance",
    "top_k",
]


def _word_list(block: str) -> list[str]:
    return block.split()


# French and English function words, plus the filler of needs and offers ("je cherche",
# "nous proposons") which says nothing about the subject and would match every text.
STOP_WORDS = frozenset(
    _word_list(
        """
    a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur
    leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa
    se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete etre
    avoir ai as avons avez ont est sont suis es etes sera serait fait faire plus tres tout
    tous toute toutes sans sous chez entre aussi bien comme donc alors car si deja encore
    peu cela ca celle celui ceux dont ni quel quelle quels quelles autre autres afin
    depuis pendant vers cher chere
    the of and to in for on with at by from an or is are be been was were it its this that
    these those as our your my we you they i me us can will would could should do does
    have has had not no but so if than then into about over up out any some all
    cherche cherchons recherche recherchons besoin voudrais souhaite souhaitons aimerais
    trouver quelqu qqn personne propose proposons offre offrons accompagne accompagnons
    aide aider aidons peux pouvons sais savons mettre mis
    looking need needs seeking seek want offer offers provide help helping someone
    """
    )
)

# Longest first: the first suffix that leaves a stem of >= 3 letters is removed. Light by
# design (plurals, -ment, -tion, agent nouns, infinitives), so that related words of one
# family meet ("recrutement", "recruter", "recruteur" -> "recrut") without a full stemmer.
_SUFFIXES = tuple(
    sorted(
        _word_list(
            """
        issements issement atrices atrice ateurs ateur ations ation ements ement ments ment
        ances ance ences ence ismes isme istes iste ites ite iques ique ables able ibles ible
        euses euse eurs eur ives ive ifs if ieres iere iers ier ees ee es er ez ants ant
        ings ing ers ed ies aux s x e
        """
        ),
        key=len,
        reverse=True,
    )
)
_TOKEN_RE = re.compile(r"[a-z0-9&]+")


def normalize_text(text: str) -> str:
    """Lowercase, strip accents, turn hyphens and apostrophes into spaces."""
    text = unicodedata.normalize("NFKD", text.lower().replace("œ", "oe").replace("æ", "ae"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[-'’_/]", " ", text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Light French/English stem of one normalised word (``"comptables" -> "compt"``)."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> list[str]:
    """Normalised non-stop words, unstemmed."""
    return [w for w in _TOKEN_RE.findall(normalize_text(text)) if w not in STOP_WORDS]


def tokenize(text: str) -> list[str]:
    """Stemmed content words of a text."""
    return [stem(w) for w in _words(text)]


def _compile_lexicon(
    concepts: Mapping[str, Iterable[str]],
) -> dict[tuple[str, ...], list[str]]:
    """Stemmed phrase -> concept labels; phrases reduced to nothing are dropped."""
    table: dict[tuple[str, ...], list[str]] = {}
    for label, phrases in concepts.items():
        for phrase in phrases:
            key = tuple(tokenize(phrase))
            if key and label not in table.setdefault(key, []):
                table[key].append(label)
    return table


_DEFAULT_LEXICON = _compile_lexicon(CONCEPTS)


def concepts_in(text: str, lexicon: Mapping[tuple[str, ...], list[str]] | None = None) -> list[str]:
    """Concept labels whose phrases occur in ``text`` (each occurrence listed once)."""
    table = _DEFAULT_LEXICON if lexicon is None else lexicon
    tokens = tokenize(text)
    max_len = max((len(k) for k in table), default=0)
    found: list[str] = []
    for start in range(len(tokens)):
        for length in range(1, min(max_len, len(tokens) - start) + 1):
            labels = table.get(tuple(tokens[start : start + length]))
            if labels:
                found.extend(labels)
    return found


@runtime_checkable
class TextEncoder(Protocol):
    """Anything that turns texts into row vectors: (n_texts,) -> (n_texts, dim)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray | sparse.spmatrix: ...


class SentenceEmbeddingEncoder:
    """Optional dense encoder backed by ``sentence-transformers`` (not a dependency).

    Raises ImportError with a clear message when the package is missing.
    """

    def __init__(self, model_name: str = "paraphrase-multilingual-MiniLM-L12-v2") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "SentenceEmbeddingEncoder needs the optional 'sentence-transformers' package; "
                "the default RelevanceModel works without it."
            ) from exc
        self._model = SentenceTransformer(model_name)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(n,) texts -> (n, dim) float32 rows of unit norm."""
        return np.asarray(
            self._model.encode(list(texts), normalize_embeddings=True), dtype=np.float32
        )


class RelevanceModel:
    """TF-IDF relevance on words, lexicon concepts and character n-grams.

    Weights are the share of each block in the cosine of two texts that both have
    content in every block. Defaults were chosen on the labelled set in
    ``tests/engine/data/relevance_fr.json``.
    """

    def __init__(
        self,
        *,
        word_weight: float = 0.4,
        concept_weight: float = 0.3,
        char_weight: float = 0.3,
        char_ngrams: tuple[int, int] = (3, 5),
        concepts: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        weights = np.array([word_weight, concept_weight, char_weight], dtype=float)
        if np.any(weights < 0) or not np.isfinite(weights).all() or weights.sum() <= 0:
            raise ValueError("block weights must be finite, non-negative and not all zero")
        self.weights = weights / weights.sum()
        self.char_ngrams = char_ngrams
        self._lexicon = _DEFAULT_LEXICON if concepts is None else _compile_lexicon(concepts)
        self._blocks: list[TfidfVectorizer] | None = None

    def _concept_tokens(self, text: str) -> list[str]:
        return concepts_in(text, self._lexicon)

    def _char_text(self, text: str) -> str:
        return " ".join(_words(text))

    def fit(self, corpus: Iterable[str]) -> RelevanceModel:
        """Learn vocabularies and IDF from a corpus of needs and offers; returns self."""
        corpus = list(corpus)
        if not corpus:
            raise ValueError("cannot fit a RelevanceModel on an empty corpus")
        self._blocks = [
            TfidfVectorizer(analyzer=tokenize, sublinear_tf=True, dtype=np.float32),
            TfidfVectorizer(analyzer=self._concept_tokens, sublinear_tf=True, dtype=np.float32),
            TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=self.char_ngrams,
                preprocessor=self._char_text,
                sublinear_tf=True,
                min_df=2 if len(corpus) >= 50 else 1,
                dtype=np.float32,
            ),
        ]
        for block in self._blocks:
            try:
                block.fit(corpus)
            except ValueError:  # empty vocabulary in one block (e.g. no concept at all)
                block.fit(corpus + ["__vide__"])
        return self

    def encode(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """(n,) texts -> (n, dim) sparse float32 rows of unit norm (zero rows for empty)."""
        if self._blocks is None:
            raise ValueError("RelevanceModel is not fitted: call fit(corpus) first")
        texts = list(texts)
        parts = [
            l2_normalize(block.transform(texts)) * np.float32(np.sqrt(w))
            for block, w in zip(self._blocks, self.weights, strict=True)
            if w > 0
        ]
        return l2_normalize(sparse.hstack(parts, format="csr")).astype(np.float32)

    def matched_terms(self, need_text: str, offer_text: str, limit: int = 5) -> list[str]:
        """Concepts, then shared words, that make a need and an offer meet.

        Concepts come as their canonical label ("comptabilité"); words as they are written
        in the need, ordered by rarity in the fitted corpus.
        """
        need_concepts = self._concept_tokens(need_text)
        offer_concepts = set(self._concept_tokens(offer_text))
        terms = list(dict.fromkeys(c for c in need_concepts if c in offer_concepts))
        offer_stems = set(tokenize(offer_text))
        shared: dict[str, str] = {}
        for raw in re.findall(r"[\w&]+", need_text.lower()):
            words = _words(raw)
            if len(words) == 1 and len(words[0]) > 2 and stem(words[0]) in offer_stems:
                shared.setdefault(stem(words[0]), raw)
        idf = self._idf(0)
        ranked = sorted(shared, key=lambda s: -idf.get(s, 0.0))
        concept_stems = {s for c in terms for s in tokenize(c)}
        terms += [shared[s] for s in ranked if s not in concept_stems]
        return terms[:limit]

    def _idf(self, block: int) -> dict[str, float]:
        if self._blocks is None:
            return {}
        vec = self._blocks[block]
        return dict(zip(vec.get_feature_names_out(), vec.idf_, strict=True))


def relevance(
    needs: sparse.spmatrix | np.ndarray, offers: sparse.spmatrix | np.ndarray
) -> np.ndarray:
    """Cosine of unit rows: (n, d) needs x (m, d) offers -> dense (n, m) in [0, 1]."""
    product = needs @ offers.T
    product = product.toarray() if sparse.issparse(product) else np.asarray(product)
    return np.clip(product, 0.0, 1.0)


def top_k(
    query: sparse.spmatrix | np.ndarray, matrix: sparse.spmatrix | np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Best ``k`` rows of ``matrix`` (m, d) for one query (d,) or (1, d).

    Returns (indices, scores), both (min(k, m),), best first; ties broken by index.
    """
    if k < 0:
        raise ValueError("k must be non-negative")
    if sparse.issparse(query):
        query = query.toarray()
    query = np.asarray(query, dtype=np.float32).reshape(-1)
    scores = matrix @ query
    scores = np.asarray(scores).reshape(-1)
    k = min(k, scores.shape[0])
    if k == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
    part = np.argpartition(-scores, k - 1)[:k] if k < scores.shape[0] else np.arange(k)
    order = np.lexsort((part, -scores[part]))
    best = part[order]
    return best.astype(np.int64), scores[best]
