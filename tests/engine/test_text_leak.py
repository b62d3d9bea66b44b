"""The situation map repeats no wording of the frozen test half of the French relevance
benchmark (benchmarks/data/relevance_fr/test.json) that no development text has."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

_BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "relevance.py"

# The trade's own names for things, in the families since before the test half's wordings
# were first looked for in the map (benchmarks/README.md, 10:40 UTC): test needs that use
# the trade's words meet them as members' texts do.
TRADE_WORDS = frozenset(("plateformes en ligne", "ballon d'eau chaude"))


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("relevance_benchmark", _BENCHMARK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_map_phrase_repeats_a_test_wording_that_no_development_text_has(bench):
    leaks = [(table, phrase, ids) for table, phrase, ids in bench.map_echoes()]
    assert not [leak for leak in leaks if leak[1] not in TRADE_WORDS], leaks
    # The exceptions are still in the map, or they go from this list.
    assert {phrase for _t, phrase in bench.map_phrases()} >= TRADE_WORDS


@pytest.mark.parametrize(
    "phrase, need, echoed",
    [
        # a run of three words, two of them content words
        ("former un jeune", "Nous aimerions former un jeune à nos métiers.", True),
        ("payés à 60 jours", "Nos clients nous ont payés à 60 jours cette année.", True),
        # all the content words, three or more, in another order and form
        ("cartons abîmés au transport", "Le transport nous abîme les cartons.", True),
        # plain function-word runs and two content words apart are not a wording
        ("artisan de la région", "Un plombier de la région est venu.", False),
        ("fuite d'eau", "Une fuite sous l'évier, de l'eau partout.", False),
    ],
)
def test_a_phrase_echoes_a_need_when_it_repeats_its_wording(bench, phrase, need, echoed):
    assert bench.echoes(bench.Wording(phrase), bench.Wording(need)) is echoed
