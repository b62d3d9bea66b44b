"""The situation -> service explanation checked on the development sets.

    uv run python benchmarks/relevance_reasons.py --split dev|dev2|...|dev5|all [--lexical-only]
        [--show wrong|all]

For each need of a development set, the offer a path ranks first (as
``benchmarks/relevance.py`` ranks them) and what "ask the network" would say of it: the
situation the need tells and the kind of service of the offer that answers it
(``RelevanceModel.situations_met``, « vous parlez d'un dégât des eaux : X expertise les
sinistres »), else the shared topics (``matched_terms``). Counted per kind of need:

* right first: the need's own offer is ranked first; of those, the explanation names
  the need's kind of service (``services.json``: the one the set's offers of that kind are
  about), another kind of service, only shared topics, or nothing;
* wrong first: a distractor is ranked first; of those, how many get a situation reason
  anyway (an explanation that sounds sure of a wrong answer);
* told: situation reasons said « vous parlez de <situation> », the need having told the
  situation in one of its phrases (``reasons.told_by_need``); the others (a kind of
  service met through its trade words or the services block) name the service among the
  shared topics, « … ce qui répond à votre besoin en <service> »;
* English: situation reasons whose situation and service have English names.

``--show`` prints the French and English sentences (``wrong``: only those naming another
kind of service than the need's, or given to a wrong offer). The test half is frozen and
never read here; dev6 is held out and read only when asked by name.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from relevance import (  # noqa: E402
    CATALOGUE_SPLITS,
    DATA,
    KINDS,
    catalogue,
    groups,
    load_split,
)

from passerelles.engine.names_en import name_in_english, situation_in_english  # noqa: E402
from passerelles.engine.reasons import (  # noqa: E402
    REASON_RELEVANCE,
    reason_in_french,
    told_by_need,
)
from passerelles.engine.semantic import load_encoder  # noqa: E402
from passerelles.engine.situations import SERVICES  # noqa: E402
from passerelles.engine.text import SEMANTIC_WEIGHT, RelevanceModel, relevance  # noqa: E402

SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5")
NAME = "Claire"
# The English sentence of a "you seek" situation reason (intros/reasons.py's catalogue entry).
ENGLISH = "You mention {situation}: {name} {does}."
# That of a kind of service the need did not tell as a situation (named as a topic).
ENGLISH_SERVICE = "{name} offers what you are looking for, which meets your need for {service}."


def service_of_kind() -> dict[str, str]:
    """Each kind of service of the sets (the id's first part) -> the lexicon's service."""
    table: dict[str, str] = json.loads((DATA / "services.json").read_text(encoding="utf-8"))
    unknown = sorted(s for s in table.values() if s not in SERVICES)
    if unknown:
        sys.exit(f"services.json names services the lexicon lacks: {', '.join(unknown)}")
    return table


def ranked_groups(split: str) -> list[tuple[list[dict], list[str], list[str]]]:
    """(pairs, offers, the pairs' own kinds) ranked together, as relevance.py ranks them."""
    if split in CATALOGUE_SPLITS:
        kinds, offers = catalogue()
        out = []
        for k in KINDS:
            pairs = [p for p in load_split(split) if p["kind"] == k]
            out.append((pairs, offers, kinds))
        return out
    return [(g, [p["offer"] for p in g], [p["id"].split(".")[0] for p in g]) for g in groups(split)]


def kind_of(split: str, pair: dict) -> str:
    return pair["service"] if split in CATALOGUE_SPLITS else pair["id"].split(".")[0]


def explain(split: str, make, show: str | None) -> dict[str, Counter]:
    wanted = service_of_kind()
    counts: dict[str, Counter] = {k: Counter() for k in KINDS}
    for pairs, offers, offer_kinds in ranked_groups(split):
        needs = [p["need"] for p in pairs]
        model = make().fit(needs + offers)
        scores = relevance(model.encode(needs), model.encode(offers))
        for i, pair in enumerate(pairs):
            c = counts[pair["kind"]]
            kind = kind_of(split, pair)
            j = int(np.argmax(scores[i]))
            right = offer_kinds[j] == kind and scores[i, j] > np.sort(scores[i])[-2]
            found = model.situations_met(pair["need"], offers[j])
            terms = model.matched_terms(pair["need"], offers[j])
            said = scores[i, j] >= REASON_RELEVANCE
            situation = found[0] if found and said else None
            if right:
                c["right first"] += 1
                if situation is None:
                    c["  terms only" if terms and said else "  nothing said"] += 1
                elif situation["service"] == wanted[kind]:
                    c["  its service named"] += 1
                else:
                    c["  another service named"] += 1
            else:
                c["wrong first"] += 1
                if situation is not None:
                    c["  a situation reason"] += 1
            if situation is not None:
                c["situation reasons"] += 1
                told = told_by_need(situation)
                c["  told: « vous parlez de »" if told else "  named as the service"] += 1
                english = situation_in_english(situation)
                c["  with English names"] += english is not None
                off = not right or situation["service"] != wanted[kind]
                if show == "all" or (show == "wrong" and off):
                    reason = {"code": "you_seek", "offer": "", "terms": [], "situation": situation}
                    verdict = "right" if right else "WRONG"
                    print(f"\n[{split} {pair['kind']} {pair['id']}] {verdict}")
                    print(f"  need: {pair['need']}")
                    print(f"  first: {offers[j]}")
                    print(f"  kind: {wanted[kind]}; named: {situation['service']}")
                    print(f"  fr: {reason_in_french(reason, NAME)}")
                    if english is not None and told:
                        print(f"  en: {ENGLISH.format(name=NAME, **english)}")
                    elif not told:
                        service = name_in_english(situation["service"])
                        print(f"  en: {ENGLISH_SERVICE.format(name=NAME, service=service)}")
    return counts


def print_counts(split: str, path: str, counts: dict[str, Counter]) -> None:
    rows = [
        "right first",
        "  its service named",
        "  another service named",
        "  terms only",
        "  nothing said",
        "wrong first",
        "  a situation reason",
        "situation reasons",
        "  told: « vous parlez de »",
        "  named as the service",
        "  with English names",
    ]
    print(f"\n{split}, {path}")
    print("| | " + " | ".join(KINDS) + " |")
    print("| --- | " + " | ".join("---" for _ in KINDS) + " |")
    for row in rows:
        print(f"| {row} | " + " | ".join(str(counts[k][row]) for k in KINDS) + " |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=(*SPLITS, "dev6", "all"), required=True)
    parser.add_argument("--lexical-only", action="store_true", help="skip the mixed path")
    parser.add_argument("--show", choices=("wrong", "all"))
    args = parser.parse_args()
    encoder = (
        None if args.lexical_only else load_encoder(os.environ.get("PASSERELLES_SEMANTIC_MODEL"))
    )
    paths = {"lexical": lambda: RelevanceModel()}
    if encoder is not None:
        paths["mixed"] = lambda: RelevanceModel(semantic=encoder, semantic_weight=SEMANTIC_WEIGHT)
    total = {name: {k: Counter() for k in KINDS} for name in paths}
    for split in SPLITS if args.split == "all" else (args.split,):
        for name, make in paths.items():
            counts = explain(split, make, args.show)
            print_counts(split, name, counts)
            for k in KINDS:
                total[name][k].update(counts[k])
    if args.split == "all":
        for name in paths:
            print_counts("dev to dev5", name, total[name])


if __name__ == "__main__":
    main()
