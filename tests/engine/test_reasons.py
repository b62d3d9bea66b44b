"""Reasons for a suggestion: ranked, language-free data, and their French wording."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.reasons import explain_pair, pair_reasons


def test_explain_pair_in_french():
    comp = {
        "relevance_ab": 0.1,
        "relevance_ba": 0.7,
        "relevance": 0.245,
        "reciprocity": 0.066,
        "novelty": 0.15,
        "trust": 0.08,
        "intermediary": 7,
        "cross_sector": 0.05,
        "themes": 0.0,
        "priority": 0.0,
    }
    reasons = explain_pair(
        comp,
        "Marie",
        other_need="un expert-comptable pour sa levée de fonds",
        matched_terms_theirs=["comptabilité", "financement"],
        intermediary_name="Paul",
    )
    assert reasons[0] == (
        "Marie cherche «\u00a0un expert-comptable pour sa levée de fonds\u00a0»\u00a0: "
        "vous pouvez l'aider en comptabilité et en financement."
    )
    assert "Vous n'avez aucun cercle en commun." in reasons
    assert any(r.startswith("Paul, en qui vous avez confiance") for r in reasons)
    assert len(reasons) <= 4


PAIR = {"relevance_ab": 0.6, "relevance_ba": 0.7, "reciprocity": 0.1}


def _demo_model():
    from passerelles.demo.generator import generate
    from passerelles.engine.text import RelevanceModel

    ds = generate(members=120, circles=6, seed=3)
    return RelevanceModel().fit([t for m in ds.members for t in (m.offers, m.needs) if t])


def test_explain_pair_reads_well_on_the_reported_examples():
    model = _demo_model()
    need = "Je cherche un sous-traitant en usinage de précision pour un client."
    offer = (
        "Nous proposons l'usinage de précision et la sous-traitance industrielle en petites "
        "et moyennes séries. Également : un traiteur pour vos événements."
    )
    terms = model.matched_terms(need, offer)
    reasons = explain_pair(
        PAIR,
        "Sophie Lambert",
        other_need=need.removeprefix("Je cherche "),
        matched_terms_theirs=terms,
        max_reasons=1,
    )
    text = reasons[0]
    assert "événementiel" not in text and "traiteur" not in text
    assert " traitant" not in text and "traitant," not in text
    assert "usinage de précision" in text
    assert text.startswith("Sophie Lambert cherche «\u00a0un sous-traitant en usinage")
    assert "..." not in text and ".»" not in text and text.endswith(".")

    my_need = "Un DAF à temps partiel pour structurer notre trésorerie et nos tableaux de bord."
    their_offer = "Une direction financière à temps partagé : trésorerie, prévisionnel, reporting."
    terms = model.matched_terms(my_need, their_offer)
    assert terms == ["direction financière à temps partiel"]
    text = explain_pair(
        PAIR, "Paul", other_offer=their_offer, matched_terms_yours=terms, max_reasons=2
    )[0]
    assert text.endswith("ce qui répond à votre besoin en direction financière à temps partiel.")
    words = text.split("votre besoin")[1].replace(".", " ").split()
    assert words.count("temps") == 1 and words.count("partiel") == 1  # only inside the label


def test_explain_pair_lists_and_fallbacks():
    # Without a topic shared by need and offer, nothing is claimed about them.
    reasons = explain_pair(
        {**PAIR, "novelty": 0.15}, "Léa", other_need="des clients!", other_offer="la paie…"
    )
    assert reasons == ["Vous n'avez aucun cercle en commun."]
    three = explain_pair(
        {"relevance_ba": 0.7}, "Léa", other_need="x", matched_terms_theirs=["a", "b", "c"]
    )
    assert three == ["Léa cherche «\u00a0x\u00a0»\u00a0: vous pouvez l'aider en a, en b et en c."]
    themes = explain_pair({"themes": 0.2}, "Léa", shared_axes=[0, 1])
    assert themes == [
        "Vous vous intéressez tous deux à la contemplation du monde et au développement de soi."
    ]
    # An axis named with « et » is not read as two: the list's last joint is « ainsi que ».
    joined = explain_pair({"themes": 0.2}, "Léa", shared_axes=[0, 3])
    assert joined == [
        "Vous vous intéressez tous deux à la contemplation du monde, ainsi qu'à l'expérience "
        "et la connaissance."
    ]
    long = explain_pair(
        {"relevance_ba": 0.7}, "Léa", other_need="mot " * 60, matched_terms_theirs=["mot"]
    )[0]
    assert "…\u00a0»" in long and not long.endswith("..")


def test_explain_pair_states_a_direction_only_when_relevant_and_named():
    need, offer = "une mutuelle d'entreprise", "l'usinage de précision"
    weak = {"relevance_ab": 0.0, "relevance_ba": 0.06, "novelty": 0.15, "themes": 0.08}
    for terms in ((), ["équipe"]):  # too weak, with or without a word in common
        reasons = explain_pair(weak, "Minh", other_need=need, matched_terms_theirs=terms)
        assert not any("cherche" in r or "proposez" in r for r in reasons)
    strong = {"relevance_ab": 0.4, "relevance_ba": 0.4, "reciprocity": 0.1, "novelty": 0.15}
    bare = explain_pair(strong, "Minh", other_need=need, other_offer=offer)
    assert not any("cherche" in r or "propose" in r or "réciproque" in r for r in bare)
    named = explain_pair(
        strong,
        "Nadia",
        other_need="des pièces usinées",
        other_offer="l'accompagnement à l'export",
        matched_terms_theirs=["usinage"],
        matched_terms_yours=["export"],
    )
    # What they seek and offer comes before the context, and names the topic.
    assert named[0].endswith("vous pouvez l'aider en usinage.")
    assert named[1].endswith("ce qui répond à votre besoin en export.")
    assert "L'intérêt est réciproque : chacun peut aider l'autre." in named


def test_pair_reasons_are_plain_data_worded_later():
    comp = {"relevance_ab": 0.5, "relevance_ba": 0.6, "reciprocity": 0.2, "novelty": 0.15}
    comp |= {"trust": 0.08, "intermediary": 3, "themes": 0.1, "cross_sector": 0.05}
    reasons = pair_reasons(
        comp,
        other_need="  « des pièces usinées »... ",
        other_offer="l'accompagnement à l'export",
        matched_terms_theirs=["usinage", "usinage"],
        matched_terms_yours=["export"],
        intermediary_name="Paul",
        shared_axes=[2, 9],
        max_reasons=10,
    )
    assert json.loads(json.dumps(reasons)) == reasons  # storable as is
    assert [r["code"] for r in reasons][:3] == ["they_seek", "you_seek", "reciprocal"]
    assert reasons[0] == {"code": "they_seek", "need": "des pièces usinées", "terms": ["usinage"]}
    assert {"code": "intermediary", "via": "Paul"} in reasons
    assert {"code": "themes", "axes": [2]} in reasons  # unknown axis dropped
    assert "Nadia" not in json.dumps(reasons)  # the other's name is added when worded


def test_an_intermediary_is_worded_from_the_side_of_the_trust():
    comp = {"trust": 0.1, "intermediary": 4, "intermediary_forward": 0.0}
    assert explain_pair(comp, "Léa", intermediary_name="Paul") == [
        "Paul, qui vous fait confiance, a aussi la confiance de Léa et peut faire les "
        "présentations."
    ]
    comp["intermediary_forward"] = 1.0
    assert explain_pair(comp, "Léa", intermediary_name="Paul")[0].startswith(
        "Paul, en qui vous avez confiance, connaît Léa"
    )


def test_the_need_quoted_is_the_one_that_met():
    from passerelles.engine.reasons import matching_part, text_parts

    model = _demo_model()
    needs = "exporter en Allemagne ; un directeur financier à temps partiel"
    offer = "direction financière à temps partiel, DAF externalisé, trésorerie"
    assert text_parts(needs) == ["exporter en Allemagne", "un directeur financier à temps partiel"]
    assert matching_part(model, needs, offer) == "un directeur financier à temps partiel"
    export = "accompagnement à l'export vers l'Allemagne, marché allemand"
    assert matching_part(model, needs, export) == "exporter en Allemagne"
    prose = (
        "Nous voulons exporter vers l'Allemagne : je cherche des distributeurs allemands. "
        "Je cherche aussi un directeur administratif et financier à temps partagé."
    )
    assert matching_part(model, prose, offer).startswith("Je cherche aussi un directeur")
    assert matching_part(model, "un seul besoin", offer) == "un seul besoin"


_SENTENCES = [
    "exporter en Allemagne",
    "un directeur financier à temps partiel",
    "direction financière à temps partiel, DAF externalisé",
    "accompagnement à l'export vers l'Allemagne, marché allemand",
    "usinage de précision et sous-traitance industrielle",
    "refaire notre site web",
    "recrutement d'un commercial",
    "",
]


def _parts_by_score_one_call(model, text, other_text):
    """`parts_by_score` as first written: one encoding per text (the reference)."""
    import numpy as np

    from passerelles.engine.reasons import text_parts

    parts, others = text_parts(text), text_parts(other_text)
    if len(parts) <= 1 or not others:
        return []
    rows = model.encode(parts + others)
    scores = rows[: len(parts)] @ rows[len(parts) :].T
    scores = np.asarray(scores.toarray() if hasattr(scores, "toarray") else scores)
    best = scores.max(axis=1)
    order = np.argsort(-best, kind="stable")
    return [parts[int(i)] for i in order if best[int(i)] > 0]


_MODEL = None


@settings(max_examples=40, deadline=None)
@given(
    texts=st.lists(
        st.lists(st.sampled_from(_SENTENCES), min_size=0, max_size=4).map(" ; ".join),
        min_size=1,
        max_size=6,
    ),
    other=st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3).map(". ".join),
)
def test_parts_of_many_texts_scored_at_once_as_one_by_one(texts, other):
    """The answers' offers scored against one need in one encoding give, for each, the
    parts (and their order) of one encoding per offer."""
    from passerelles.engine.reasons import parts_by_score_many

    global _MODEL
    if _MODEL is None:
        _MODEL = _demo_model()
    expected = [_parts_by_score_one_call(_MODEL, text, other) for text in texts]
    assert parts_by_score_many(_MODEL, texts, other) == expected
