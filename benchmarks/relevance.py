"""French relevance on need -> offer pairs written from public French texts.

    uv run python benchmarks/relevance.py [--split test|dev|dev2|...|dev8] [--calibrate] [--ask N]

Each need of a half of ``benchmarks/data/relevance_fr`` is ranked against every offer of
the same half (112): its own offer is right, the 111 others are distractors. Reported per
kind (paraphrase, situation): top-1 and its 95% bootstrap interval, top-3, MRR, and the
worst rank (the worst case beside the mean). Paths, all fitted on the half's own texts as
the product fits on its members' texts:

* ``tfidf-char``: TF-IDF on character 3-5-grams (baseline);
* ``lexical-plain``: the engine's lexical model without the situation map (the model as it
  was before the map, same lexicon otherwise);
* ``lexical``: the engine's lexical model (words, concepts, character n-grams);
* ``semantic``: multilingual-e5-small alone (when the optional extra is installed);
* ``mixed``: lexical and semantic mixed as the product does (``text.SEMANTIC_WEIGHT``).

The test half is frozen: its SHA-256 is checked below, and ``--calibrate`` (the grid of
semantic weights and concept weights) runs on the dev half only. ``--ask N`` times "ask
the network" (``engine.matching.ask_network``, one question against N members' offers) on
each path, and nothing else.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import io
import json
import os
import re
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from passerelles.engine import lexicon, situations
from passerelles.engine.matching import ask_network
from passerelles.engine.semantic import load_encoder
from passerelles.engine.text import (
    _FILLER_ROOTS,
    SEMANTIC_WEIGHT,
    STOP_WORDS,
    MixedRows,
    PostingRows,
    RelevanceModel,
    _roots,
    normalize_text,
    relevance,
)

DATA = Path(__file__).resolve().parent / "data" / "relevance_fr"
# The frozen test half: a change to it must be deliberate and said in benchmarks/README.md.
TEST_SHA256 = "9f441409763bc365f824e59e5121049780fc00074b5593b3953ac693d7f80bca"
KINDS = ("paraphrase", "situation")
# Every development set: what the leak check and the unseen part of the test half read.
DEV_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev11")


@functools.cache
def load_split(name: str) -> list[dict]:
    path = DATA / f"{name}.json"
    raw = path.read_bytes()
    if name == "test" and hashlib.sha256(raw).hexdigest() != TEST_SHA256:
        sys.exit(f"{path} changed: the test half is frozen (expected sha256 {TEST_SHA256})")
    pairs = json.loads(raw)["pairs"]
    if name != "test":  # a development text copied from the test half would leak it
        frozen = {normalize_text(p[side]) for p in load_split("test") for side in ("need", "offer")}
        copied = [p["id"] for p in pairs if normalize_text(p["need"]) in frozen]
        if copied:
            sys.exit(f"{path}: needs copied from the test half: {', '.join(copied)}")
        # Near copies (the same scene in other words) are left out of development, so that
        # nothing is tuned on them; the count is printed, never the texts.
        test_needs = [p["need"] for p in load_split("test")]
        kept = [p for p in pairs if not any(near(p["need"], t) for t in test_needs)]
        if len(kept) < len(pairs):
            print(f"{name}: {len(pairs) - len(kept)} needs near a test need left out")
        pairs = kept
    return pairs


# Words that say nothing of the scene; the rest are the scene's own words.
_FILLER = set(
    [
        "a",
        "au",
        "aux",
        "ce",
        "ces",
        "d",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "est",
        "et",
        "il",
        "ils",
        "j",
        "je",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "ma",
        "me",
        "mes",
        "mon",
        "n",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "plus",
        "pour",
        "qu",
        "que",
        "qui",
        "s",
        "sa",
        "se",
        "ses",
        "son",
        "sont",
        "sur",
        "une",
        "un",
        "vous",
        "votre",
        "y",
        "avec",
        "dans",
    ]
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", normalize_text(text))


def _grams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def near(a: str, b: str) -> bool:
    """Whether two needs tell the same scene in near words: their own words overlap by a
    third or more (Jaccard), or they share four runs of three words."""
    wa, wb = _words(a), _words(b)
    ca, cb = set(wa) - _FILLER, set(wb) - _FILLER
    if ca and cb and len(ca & cb) / len(ca | cb) >= 0.35:
        return True
    return len(_grams(wa, 3) & _grams(wb, 3)) >= 4


_LIGHT = _FILLER | set(STOP_WORDS)


class Wording:
    """A text's stemmed content words and its runs of three words with two content words
    or more (« former un jeune », not « de la région »)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stems = {r for r in _roots(text) if r not in _FILLER_ROOTS and len(r) > 1}
        self.runs = {g for g in _grams(_words(text), 3) if sum(w not in _LIGHT for w in g) >= 2}


def echoes(phrase: Wording, need: Wording) -> bool:
    """Whether a map phrase repeats a need's wording: all its stemmed content words, three
    or more, are the need's, or the need has one of its runs of three words."""
    return (len(phrase.stems) >= 3 and phrase.stems <= need.stems) or bool(phrase.runs & need.runs)


def map_phrases() -> list[tuple[str, str]]:
    """(table, phrase) of every phrase the situation map and the lexicon's everyday
    synonyms match against texts."""
    out = [("SERVICES", p) for _does, phrases in situations.SERVICES.values() for p in phrases]
    out += [
        ("SITUATIONS", p) for phrases, _services in situations.SITUATIONS.values() for p in phrases
    ]
    out += [
        ("FAMILIES", c) for _matter, cues in situations.FAMILIES.values() for c in cues.split(",")
    ]
    out += [("EVERYDAY", c) for cues in situations.EVERYDAY.values() for c in cues.split(",")]
    out += [("SYNONYMS", p) for phrases in lexicon.SYNONYMS.values() for p in phrases]
    out += [
        ("SCENES", c)
        for scenes in situations.SCENES.values()
        for things, happenings in scenes
        for c in situations.scene_phrases(things, happenings).split(",")
    ]
    return [(table, p.strip()) for table, p in out if p.strip()]


def map_echoes() -> list[tuple[str, str, list[str]]]:
    """(table, phrase, test ids) of the map phrases that repeat a test need's wording
    (`echoes`) and no development text's (`DEV_SPLITS`): a development need or offer (near
    copies of test needs left out, as in `load_split`; dev4 to dev8 have needs only)
    holding the phrase word for word, all its content words (two or more) or one of its
    runs clears it. Such a phrase can only have come from the test half: nothing is tuned
    on it, and the test half's figures would owe it."""
    with contextlib.redirect_stdout(io.StringIO()):  # the near copies' counts
        dev = [
            Wording(p[side])
            for split in DEV_SPLITS
            for p in load_split(split)
            for side in ("need", "offer")
            if side in p
        ]
    test = [(p["id"], Wording(p["need"])) for p in load_split("test")]
    out = []
    for table, text in map_phrases():
        phrase = Wording(text)
        hit = [i for i, need in test if echoes(phrase, need)]
        if not hit:
            continue
        key = _roots(text)
        if any(
            echoes(phrase, d)
            or (len(phrase.stems) >= 2 and phrase.stems <= d.stems)
            or _holds(_roots(d.text), key)
            for d in dev
        ):
            continue
        out.append((table, text, hit))
    return out


def _holds(words: tuple[str, ...], key: tuple[str, ...]) -> bool:
    n = len(key)
    return n > 0 and any(words[i : i + n] == key for i in range(len(words) - n + 1))


def unseen(pairs: list[dict]) -> np.ndarray:
    """Mask of the test needs that nothing development-side came near: no development need
    (`DEV_SPLITS`, near copies included) tells the same scene, no run of four of their
    words appears in the situation map's source, and no everyday phrase of the map repeats
    their wording (`echoes`: everyday phrases are plain words, so one that holds a need's
    run of three words or all its content words tells that need's scene, whoever wrote it).
    Found after tuning that several development needs and a few map phrases echo test
    needs; the figures on this subset are the ones that owe nothing to them."""
    dev = [
        p["need"]
        for split in DEV_SPLITS
        for p in json.loads((DATA / f"{split}.json").read_text())["pairs"]
    ]
    source = Path(situations.__file__).read_text(encoding="utf-8")
    in_map = _grams(_words(source), 4)
    everyday = [Wording(text) for table, text in map_phrases() if table == "EVERYDAY"]

    def fresh(need: str) -> bool:
        wording = Wording(need)
        return (
            not any(near(need, d) for d in dev)
            and not (_grams(_words(need), 4) & in_map)
            and not any(echoes(phrase, wording) for phrase in everyday)
        )

    return np.array([fresh(p["need"]) for p in pairs])


class CharTfidf:
    """Baseline: TF-IDF on character 3-5-grams of the normalised text."""

    def fit(self, corpus):
        self.vec = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), preprocessor=normalize_text, sublinear_tf=True
        ).fit(corpus)
        return self

    def encode(self, texts):
        return self.vec.transform(texts)


def ranks(model, pairs: list[dict]) -> np.ndarray:
    """Rank (1 = best) of each need's own offer among the half's offers."""
    needs = [p["need"] for p in pairs]
    offers = [p["offer"] for p in pairs]
    model.fit(needs + offers)
    scores = relevance(model.encode(needs), model.encode(offers))
    own = scores[np.arange(len(pairs)), np.arange(len(pairs))]
    # Ties count against the right offer: a score shared with a distractor is no win.
    return (scores >= own[:, None]).sum(axis=1)


def summary(r: np.ndarray, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    top1 = (r == 1).astype(float)
    boot = top1[rng.integers(0, r.size, (2000, r.size))].mean(axis=1)
    return {
        "top1": top1.mean(),
        "ci": (np.percentile(boot, 2.5), np.percentile(boot, 97.5)),
        "top3": (r <= 3).mean(),
        "mrr": (1.0 / r).mean(),
        "worst": int(r.max()),
    }


def paths(encoder, semantic_weight: float = SEMANTIC_WEIGHT) -> dict:
    out = {
        "tfidf-char": lambda: CharTfidf(),
        # The model as it was before the map: no situations nor trade families, and the
        # block weights of then (words 0.4, concepts 0.3, characters 0.3).
        "lexical-plain": lambda: RelevanceModel(
            situations=False, word_weight=0.4, concept_weight=0.3, char_weight=0.3
        ),
        "lexical": lambda: RelevanceModel(),
    }
    if encoder is not None:
        out["semantic"] = lambda: RelevanceModel(semantic=encoder, semantic_weight=1.0)
        out["mixed"] = lambda: RelevanceModel(semantic=encoder, semantic_weight=semantic_weight)
    return out


def groups(split: str) -> list[list[dict]]:
    """Sets of pairs ranked together: a half as a whole; dev2 and dev3 kind by kind (their
    needs of one kind share the 112 offers, one per kind of service)."""
    pairs = load_split(split)
    if split not in ("dev2", "dev3"):
        return [pairs]
    return [[p for p in pairs if p["kind"] == k] for k in KINDS]


# Sets of needs only, each ranked against dev3's 112 offers.
CATALOGUE_SPLITS = ("dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev11")


def catalogue() -> tuple[list[str], list[str]]:
    """dev3's 112 offers, one per kind of service (its pairs of one kind share their offer),
    and the kinds' names: the offers dev4's and dev5's needs are ranked against."""
    pairs = json.loads((DATA / "dev3.json").read_text(encoding="utf-8"))["pairs"]
    offers: dict[str, str] = {}
    for p in pairs:
        offers.setdefault(p["id"].split(".")[0], p["offer"])
    return list(offers), list(offers.values())


def catalogue_ranks(model, pairs: list[dict]) -> np.ndarray:
    """Rank of each need's own kind of service among dev3's 112 offers (dev4, dev5)."""
    kinds, offers = catalogue()
    needs = [p["need"] for p in pairs]
    model.fit(needs + offers)
    scores = relevance(model.encode(needs), model.encode(offers))
    own = scores[np.arange(len(pairs)), [kinds.index(p["service"]) for p in pairs]]
    return (scores >= own[:, None]).sum(axis=1)


def all_ranks(model_factory, split: str) -> tuple[np.ndarray, np.ndarray]:
    if split in CATALOGUE_SPLITS:  # needs only, ranked against dev3's offers, kind by kind
        groups_ = [[p for p in load_split(split) if p["kind"] == k] for k in KINDS]
        groups_ = [g for g in groups_ if g]  # dev9 has paraphrases only
        rs = [catalogue_ranks(model_factory(), g) for g in groups_]
        return np.concatenate(rs), np.array([p["kind"] for g in groups_ for p in g])
    rs, kinds = [], []
    for group in groups(split):
        rs.append(ranks(model_factory(), group))
        kinds += [p["kind"] for p in group]
    return np.concatenate(rs), np.array(kinds)


def evaluate(split: str, encoder) -> dict[str, dict[str, dict]]:
    results = {}
    for name, make in paths(encoder).items():
        r, kind = all_ranks(make, split)
        results[name] = {k: summary(r[kind == k]) for k in KINDS if (kind == k).any()}
        results[name]["all"] = summary(r)
        if split == "test":  # ranked among all offers; only the needs nothing came near
            fresh = unseen(load_split("test"))
            for k in KINDS:
                results[name][f"{k}, unseen"] = summary(r[(kind == k) & fresh])
    return results


def print_table(split: str, results: dict) -> None:
    n = len(load_split(split))
    m = len(catalogue()[1]) if split in CATALOGUE_SPLITS else len(groups(split)[0])
    print(f"\n{split} ({n} pairs, each need against {m} offers)")
    print("| path | kind | top-1 [95% CI] | top-3 | MRR | worst rank |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, by_kind in results.items():
        for k in by_kind:
            s = by_kind[k]
            ci = f"[{s['ci'][0]:.2f}, {s['ci'][1]:.2f}]"
            print(
                f"| {name} | {k} | {s['top1']:.3f} {ci} | {s['top3']:.3f} | {s['mrr']:.3f} "
                f"| {s['worst']} |"
            )


def calibrate(encoder) -> None:
    """Grid on the dev half only: concept weight (lexical) and semantic weight (mixed)."""
    pairs = load_split("dev")
    kind = np.array([p["kind"] for p in pairs])

    def line(label, model):
        r = ranks(model, pairs)
        para, sit = ((r[kind == k] == 1).mean() for k in KINDS)
        print(f"| {label} | {para:.3f} | {sit:.3f} | {(1 / r).mean():.3f} |")

    print("\ndev half: calibration grid")
    print("| setting | paraphrase top-1 | situation top-1 | MRR |")
    print("| --- | --- | --- | --- |")
    for cw in (0.3, 0.4, 0.5, 0.6):
        rest = (1 - cw) / 0.6
        line(
            f"lexical concept_weight={cw}",
            RelevanceModel(word_weight=0.4 * rest, concept_weight=cw, char_weight=0.2 * rest),
        )
    if encoder is None:
        return
    for w in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0):
        line(f"mixed semantic_weight={w}", RelevanceModel(semantic=encoder, semantic_weight=w))


def encode_checked(model: RelevanceModel, texts: list[str]):
    """The question's encoding as it was before the fast path: sklearn's ``transform``
    and ``normalize`` with their input checks (same figures, see
    tests/engine/test_text_fast_paths.py); the baseline of ``time_ask``."""
    parts = [
        normalize(block.transform(texts)) * np.float32(np.sqrt(w))
        for block, w in zip(model._blocks, model.weights, strict=True)
        if w > 0
    ]
    lexical = normalize(sparse.hstack(parts, format="csr")).astype(np.float32)
    if model.semantic is None:
        return lexical
    w = model.semantic_weight
    dense = model.semantic_rows(texts) * np.float32(np.sqrt(w))
    lexical = lexical * np.float32(np.sqrt(1 - w))
    norms = np.sqrt(np.asarray(lexical.multiply(lexical).sum(axis=1)).ravel() + (dense**2).sum(1))
    scale = (1.0 / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    lexical = sparse.csr_matrix(lexical.multiply(scale[:, None]), dtype=np.float32)
    return sparse.hstack([lexical, sparse.csr_matrix(dense * scale[:, None])], format="csr")


def pcts(values: list[float]) -> str:
    t = np.array(values[1:]) * 1000  # the first question warms up
    return " | ".join(f"{np.percentile(t, p):.1f}" for p in (50, 95, 99)) + f" | {t.max():.1f}"


def time_ask(n: int, encoder, repeats: int, seed: int = 0) -> None:
    """p50/p95/p99/max of one question against n members' offers, for each path, before
    and after the fast paths, question by question in turn (same load for both).

    before: the question encoded through sklearn's checked ``transform``, offers as rows
    (CSR, or `MixedRows` with the dense semantic block), a product over every stored entry.
    after: `RelevanceModel.encode` (same figures, no checks) and offers as `PostingRows`
    (a question reads its own terms' postings). Both give identical answers (checked here).

    Offers come from the matching benchmark's generator (benchmarks/matching.py). For the
    mixed path, embedding n offers would take hours on this machine, so 2,000 distinct
    offers are embedded and repeated to n rows: the product's cost does not depend on the
    values. The question's own embedding is timed (a fresh text each time)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from matching import make_population

    _, _, needs, offers, _, _, _ = make_population(n, seed)
    questions = [f"{needs[i]} (question {i})" for i in range(repeats + 1)]
    rng = np.random.default_rng(seed)
    eligible = rng.random(n) < 0.9
    trust = np.zeros(n, dtype=np.float32)
    trust[rng.integers(0, n, 50)] = 0.5
    print(f"\n'ask the network' at {n:,} members ({repeats} questions after one warm-up)")
    print("| path | layout | p50 ms | p95 ms | p99 ms | max ms | question's encoding p95 ms |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    models = {"lexical": RelevanceModel()}
    if encoder is not None:
        models["mixed"] = RelevanceModel(semantic=encoder)
    for name, model in models.items():
        sample = offers[:20000] + needs[:20000]
        if model.semantic is not None:
            distinct = offers[:2000]
            model.fit(distinct + needs[:2000])
            block = model.encode(distinct, split=True)
            reps = n // len(distinct) + 1
            rows = MixedRows(
                sparse.vstack([block.lexical] * reps, format="csr")[:n],
                np.tile(block.dense, (reps, 1))[:n],
            )
        else:
            model.fit(sample)
            rows = model.encode(offers)
        by_term = PostingRows(rows)
        times: dict[str, list[float]] = {"before": [], "after": []}
        embed: dict[str, list[float]] = {"before": [], "after": []}
        for q in questions:
            answers = []
            for layout, encode, index in (
                ("before", encode_checked, rows),
                ("after", model.encode, by_term),
            ):
                if model.semantic is not None:
                    model.semantic._cache.clear()  # a fresh question each time
                t0 = time.perf_counter()
                vec = encode(model, [q]) if layout == "before" else encode([q])
                t1 = time.perf_counter()
                answers.append(ask_network(vec, index, 10, trust_row=trust, eligible=eligible))
                times[layout].append(time.perf_counter() - t0)
                embed[layout].append(t1 - t0)
            (a, sa, _), (b, sb, _) = answers
            if not (np.array_equal(a, b) and np.allclose(sa, sb, rtol=0, atol=1e-6)):
                sys.exit(f"the two layouts answer {q!r} differently")
        for layout in ("before", "after"):
            e = np.array(embed[layout][1:]) * 1000
            print(f"| {name} | {layout} | {pcts(times[layout])} | {np.percentile(e, 95):.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=(*DEV_SPLITS, "test", "both"), default="both")
    parser.add_argument("--calibrate", action="store_true", help="grid on the dev half")
    parser.add_argument("--ask", type=int, default=0, help="time ask the network at N members")
    parser.add_argument("--repeats", type=int, default=100)
    parser.add_argument("--lexical-only", action="store_true", help="skip the semantic path")
    parser.add_argument("--quick", action="store_true", help="dev half only, ask at 10k")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, shared with other work (timings are noisy)")
    encoder = (
        None if args.lexical_only else load_encoder(os.environ.get("PASSERELLES_SEMANTIC_MODEL"))
    )
    print(f"semantic path: {encoder.path if encoder else 'not installed'}")
    if args.calibrate:
        calibrate(encoder)
        return
    both = [*DEV_SPLITS, "test"]
    splits = ["dev"] if args.quick else (both if args.split == "both" else [args.split])
    for split in [] if args.ask else splits:  # --ask N times only
        print_table(split, evaluate(split, encoder))
    if args.ask or args.quick:
        time_ask(args.ask or 10000, encoder, args.repeats)


if __name__ == "__main__":
    main()
