"""Situations -> services: the map is sound, needs told as situations meet the services
that answer them, and the reasons say so."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.lexicon import CONCEPTS
from passerelles.engine.reasons import about, clip_text, explain_pair, pair_reasons
from passerelles.engine.situations import FAMILIES, SERVICE_PARENTS, SERVICES, SITUATIONS
from passerelles.engine.text import (
    _DEFAULT_LEXICON,
    _SITUATION_LEXICON,
    PHRASE_CUE_COUNT,
    STOP_WORDS,
    RelevanceModel,
    _concept_matches,
    _family_cues,
    _family_matches,
    _phrase_key,
    concepts_in,
    relevance,
)

WATER = "Notre atelier a pris l'eau cette nuit, le plafond s'est effondré sur les stocks."
OFFERS = [
    "Expertise et gestion de sinistres pour les professionnels : constat, chiffrage, suivi.",
    "Agence de communication de crise : cellule de crise, porte-parole, veille des réseaux.",
    "Traduction juridique et technique, allemand et anglais.",
    "Stockage, préparation de commandes et expédition de colis pour e-commerçants.",
    "Plateforme de mise en relation entre industriels : vendez vos capacités inutilisées.",
]
NEEDS = [
    WATER,
    "Un client mécontent nous descend sur les réseaux, c'est devenu un bad buzz.",
    "Nos machines tournent à vide depuis la perte d'un gros client.",
]


def test_the_map_is_well_formed():
    for said, (phrases, services) in SITUATIONS.items():
        assert said == " ".join(said.split()) and phrases and services
        assert all(s in SERVICES for s in services), said
        for phrase in phrases:
            key = _phrase_key(phrase)
            assert key and not all(w in STOP_WORDS or w == "de" for w in key), phrase
    for label, (does, phrases) in SERVICES.items():
        assert does.strip() and phrases, label
    for child, parent in SERVICE_PARENTS.items():
        assert child in SERVICES and parent in CONCEPTS


def test_every_situation_phrase_brings_the_services_that_answer_it():
    for _said, (phrases, services) in SITUATIONS.items():
        for phrase in phrases:
            assert set(services) <= set(concepts_in(phrase)), phrase


def test_needs_told_as_situations_meet_the_service_that_answers_them():
    model = RelevanceModel().fit(NEEDS + OFFERS)
    best = relevance(model.encode(NEEDS), model.encode(OFFERS)).argmax(axis=1)
    assert list(best) == [0, 1, 4]
    plain = RelevanceModel(situations=False).fit(NEEDS + OFFERS)
    scores = relevance(plain.encode(NEEDS), plain.encode(OFFERS))
    assert scores[0, 0] < 0.05  # without the map, water damage and claims share no word


def test_situations_met_names_the_situation_and_the_service():
    model = RelevanceModel().fit(NEEDS + OFFERS)
    met = model.situations_met(WATER, OFFERS[0])
    assert met == [
        {
            "situation": "un dégât des eaux",
            "service": "expertise des sinistres",
            "does": "expertise les sinistres",
        }
    ]
    assert model.situations_met(WATER, OFFERS[2]) == []  # translation does not answer it
    assert model.situations_met(WATER, OFFERS[0], limit=0) == []
    assert RelevanceModel(situations=False).fit(OFFERS).situations_met(WATER, OFFERS[0]) == []


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(SITUATIONS)),
    st.sampled_from(OFFERS),
    st.text(alphabet="abcdeéè ,.'-", max_size=30),
)
def test_a_situation_met_is_told_by_the_need_and_answered_by_the_offer(said, offer, noise):
    phrase = SITUATIONS[said][0][0]
    need = f"{noise} {phrase} {noise}"
    model = RelevanceModel().fit([need, offer])
    offer_concepts = set(concepts_in(offer))
    for found in model.situations_met(need, offer, limit=3):
        assert found["service"] in offer_concepts
        named = found["situation"] in SITUATIONS
        assert (
            found["service"] in SITUATIONS[found["situation"]][1]
            if named
            else FAMILIES[found["service"]][0] == found["situation"]
        )
        # A matter of the families is no situation told; a situation is told only by
        # more than a lone word of its phrases.
        assert found.get("by") in ((None, "word") if named else ("trade",))
        assert found["does"] == SERVICES[found["service"]][0]


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("un dégât des eaux", "d'un dégât des eaux"),
        ("une page blanche", "d'une page blanche"),
        ("des factures impayées", "de factures impayées"),
        ("des années de mise au point", "d'années de mise au point"),
        ("l'usure du dirigeant", "de l'usure du dirigeant"),
        ("la fin d'un bail", "de la fin d'un bail"),
        ("le départ", "du départ"),
        ("les retards", "des retards"),
        ("du trafic à acheter vite", "de trafic à acheter vite"),
        ("un incendie ou un sinistre", "d'un incendie ou d'un sinistre"),
        ("une fuite ou une panne de chauffage", "d'une fuite ou d'une panne de chauffage"),
        ("des douleurs et des arrêts de travail", "de douleurs et d'arrêts de travail"),
        ("des stocks et des colis à gérer", "de stocks et de colis à gérer"),
        ("un client qui exige une certification", "d'un client qui exige une certification"),
    ],
)
def test_about_contracts_de_as_french_does(phrase, expected):
    assert about(phrase) == expected


def test_reasons_say_which_situation_the_offer_answers():
    water = {
        "situation": "un dégât des eaux",
        "service": "expertise des sinistres",
        "does": "expertise les sinistres",
    }
    pair = {"relevance_ab": 0.3, "relevance_ba": 0.3}
    mine = explain_pair(pair, "Claire", other_offer="Expertise de sinistres", situation_yours=water)
    assert mine[0] == (
        "Vous parlez d'un dégât des eaux\u00a0: Claire expertise les sinistres "
        "(«\u00a0Expertise de sinistres\u00a0»)."
    )
    theirs = explain_pair(
        pair, "Paul", other_need="Notre atelier a pris l'eau", situation_theirs=water
    )
    assert theirs[0] == (
        "Paul parle d'un dégât des eaux («\u00a0Notre atelier a pris l'eau\u00a0»)\u00a0: "
        "vous pouvez l'aider en expertise des sinistres."
    )
    # Stored as language-free data beside the terms; never claimed below the threshold.
    data = pair_reasons(pair, situation_yours=water)
    assert data[0]["code"] == "you_seek" and data[0]["situation"] == water
    assert pair_reasons({"relevance_ab": 0.01}, situation_yours=water) == []
    assert pair_reasons(pair, situation_yours={"situation": " "}) == []


def test_a_real_pair_is_explained_by_its_situation():
    model = RelevanceModel().fit(NEEDS + OFFERS)
    need, offer = model.encode([WATER]), model.encode([OFFERS[0]])
    r = float(np.asarray(relevance(need, offer))[0, 0])
    reasons = explain_pair(
        {"relevance_ab": r},
        "Claire",
        other_offer=OFFERS[0],
        matched_terms_yours=model.matched_terms(WATER, OFFERS[0]),
        situation_yours=next(iter(model.situations_met(WATER, OFFERS[0])), None),
    )
    assert reasons[0].startswith(
        "Vous parlez d'un dégât des eaux\u00a0: Claire expertise les sinistres"
    )


def test_the_trade_families_are_well_formed():
    assert set(FAMILIES) == set(SERVICES)
    for service, (matter, cues) in FAMILIES.items():
        assert matter == " ".join(matter.split()) and matter[:1].islower(), service
        assert all(cue.strip() for cue in cues.split(",")), service


@pytest.mark.parametrize(
    "need, service",
    [
        ("Nos fromages arrivent tièdes chez les clients.", "transport frigorifique"),
        ("Un client a fait un malaise au comptoir.", "premiers secours"),
        ("Des rôdeurs ont forcé la grille de l'entrepôt.", "sécurité et surveillance"),
    ],
)
def test_trade_words_tag_a_need_in_any_of_their_forms(need, service):
    assert service in concepts_in(need)
    assert service not in _concept_matches(need, _DEFAULT_LEXICON)  # the phrases alone miss it


def test_a_need_told_in_trade_words_meets_its_service_and_the_reason_names_the_service():
    need = "Nos fromages arrivent tièdes chez les clients."
    offer = "Transporteur : denrées périssables, surgelés, camions à température dirigée."
    offers = [offer, *OFFERS[1:]]
    model = RelevanceModel().fit([need, *offers])
    assert relevance(model.encode([need]), model.encode(offers)).argmax() == 0
    found = model.situations_met(need, offer)
    assert found == [
        {
            "situation": FAMILIES["transport frigorifique"][0],
            "service": "transport frigorifique",
            "does": SERVICES["transport frigorifique"][0],
            "by": "trade",
        }
    ]
    # The member spoke of cheeses arriving warm, not of « une chaîne du froid à tenir ».
    (reason,) = explain_pair({"relevance_ab": 0.4}, "Claire", situation_yours=found[0])
    assert reason == (
        "Claire propose ce que vous cherchez, ce qui répond à votre besoin en "
        "transport frigorifique."
    )


# « Demander au réseau » in the demo: the member asks for a part-time finance director.
PART_TIME_CFO = "je cherche un directeur financier à temps partiel"
CFO_OFFERS = [
    "Direction administrative et financière à temps partagé, deux jours par mois : je "
    "structure la trésorerie et le pilotage financier des PME industrielles.",
    "Mon métier : le pilotage financier des PME en croissance.",
    "Mon métier : le financement des entreprises : prêts bancaires, crédit-bail, affacturage.",
]


@pytest.mark.parametrize("offer", CFO_OFFERS)
def test_a_need_that_names_the_service_is_answered_by_it_not_told_a_situation(offer):
    """« un directeur financier » is no « trésorerie imprévisible »: the reason says what
    the offer answers (its kind of service), it never says « vous parlez de » it."""
    model = RelevanceModel().fit([PART_TIME_CFO, *CFO_OFFERS])
    (found,) = model.situations_met(PART_TIME_CFO, offer)
    assert (found["service"], found["by"]) == ("direction financière", "trade")
    mine = explain_pair(
        {"relevance_ab": 0.4},
        "David Roche",
        other_offer=offer,
        matched_terms_yours=model.matched_terms(PART_TIME_CFO, offer),
        situation_yours=found,
    )
    assert mine == [
        f"David Roche propose « {clip_text(offer)} », ce qui répond à votre besoin en "
        "direction financière.".replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    ]
    # The other way (their need, your offer): « il parle de » is no more said.
    (theirs,) = explain_pair(
        {"relevance_ba": 0.4}, "Paul", other_need=PART_TIME_CFO, situation_theirs=found
    )
    assert theirs.startswith("Paul cherche «\u00a0je cherche un directeur financier")
    assert theirs.endswith("vous pouvez l'aider en direction financière.")


def test_a_service_found_near_both_is_named_not_told_as_the_members_situation():
    """The organiser's need in the demo is near the events service through the encoder
    only: the reason names the service, never « un événement à organiser »."""
    need = (
        "Je cherche des intervenants pour nos petits-déjeuners thématiques et des cercles "
        "lyonnais avec qui ouvrir une passerelle."
    )
    offer = "Organisation de séminaires et de soirées d'entreprise, de la logistique au programme."
    model = RelevanceModel().fit([need, offer, *OFFERS])
    model.services_near = lambda _need, _offer: ["événementiel"]  # as the mixed path finds
    (found,) = model.situations_met(need, offer)
    assert (found["service"], found["by"]) == ("événementiel", "near")
    reasons = explain_pair({"relevance_ab": 0.3}, "Marc", other_offer=offer, situation_yours=found)
    assert not any("parlez" in r or "organiser" in r for r in reasons)
    assert reasons[0].endswith("ce qui répond à votre besoin en événementiel.")


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(sorted(FAMILIES)), st.data())
def test_a_reason_says_what_the_member_spoke_of_only_when_the_need_told_it(service, data):
    """Whatever trade word a need names its service by, « vous parlez de X » (« Paul
    parle de X ») is said only of a situation one of whose own phrases the need holds;
    else the reason names the kind of service."""
    cues = [c.strip() for c in FAMILIES[service][1].split(",") if c.strip()]
    need = f"Nous cherchons {data.draw(st.sampled_from(cues))} pour notre société."
    offer = f"{SERVICES[service][0].capitalize()} : {', '.join(SERVICES[service][1][:3])}."
    model = RelevanceModel().fit([need, offer, *OFFERS])
    told = set(_concept_matches(need, _SITUATION_LEXICON))
    for found in model.situations_met(need, offer, limit=3):
        (mine,) = explain_pair({"relevance_ab": 0.4}, "Claire", situation_yours=found)
        (theirs,) = explain_pair({"relevance_ba": 0.4}, "Paul", situation_theirs=found)
        if "by" not in found:  # told in its own phrases
            assert found["situation"] in told
            assert mine.startswith(f"Vous parlez {about(found['situation'])}")
        else:
            assert "parlez" not in mine and " parle " not in theirs
            assert f"votre besoin en {found['service']}" in mine
            assert theirs == f"Paul cherche ce que vous proposez en {found['service']}."


def test_a_need_that_names_the_service_as_the_offer_does_is_no_situation():
    need = "un directeur financier à temps partiel"
    offer = "direction financière à temps partiel, DAF externalisé, trésorerie"
    assert RelevanceModel().fit([need, offer]).situations_met(need, offer) == []


_CUES = sorted(
    (service, cue.strip()) for service, (_m, cues) in FAMILIES.items() for cue in cues.split(",")
)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_CUES), st.text(alphabet=" ,.;:!?()", max_size=12))
def test_a_trade_word_tags_its_service_whatever_the_punctuation_and_case(item, noise):
    service, cue = item
    tagged = concepts_in(f"{noise}{cue}{noise}")
    generic = not _family_matches(cue)  # a cue of generic words only tags nothing
    assert generic or service in tagged, cue
    assert set(concepts_in(f"{noise}{cue.upper()}{noise}")) == set(tagged)


_PHRASES = [(service, cue) for service, cue in _CUES if len(_family_cues(cue)) == 1]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_PHRASES))
def test_a_trade_phrase_of_one_service_counts_more_than_one_word(item):
    service, cue = item
    ((key, services),) = _family_cues(cue)
    expected = PHRASE_CUE_COUNT if len(key) > 1 and len(services) == 1 else 1
    assert service in services
    assert _family_matches(cue).count(service) == expected, cue


def test_a_trade_phrase_in_a_need_weighs_more_than_one_trade_word():
    # « toiture arrachée », a phrase of the claims family only, weighs more than « plafond »,
    # one of its words.
    phrase, word = "La toiture arrachée de la réserve", "Le plafond de la réserve"
    assert PHRASE_CUE_COUNT > 1
    claims = "expertise des sinistres"
    assert concepts_in(phrase).count(claims) > concepts_in(word).count(claims) >= 1


def test_a_situation_is_not_told_when_the_need_asks_for_another_service():
    # The need asks for a writer; « fiches produits » alone would tell « des photos de
    # mauvaise qualité », which the writer's offer (also naming product photos) answers:
    # the reason must not say the member speaks of bad photos.
    writer = "Rédactrice web : articles de blog, fiches produits, pages de site, textes de vente."
    need = "Il nous faut un rédacteur pour les fiches produits de notre boutique en ligne."
    laid_off = "Nous voulons accompagner nos salariés licenciés vers un nouvel emploi."
    outplacement = "Outplacement : suivi des salariés licenciés, bilans, recherche d'emploi."
    model = RelevanceModel().fit([writer, need, laid_off, outplacement, *OFFERS])
    assert model.situations_met(need, writer) == []
    assert "rédaction" in model.matched_terms(need, writer)
    assert model.situations_met(laid_off, outplacement) == []  # not « un litige »
    assert "reclassement" in model.matched_terms(laid_off, outplacement)


def test_a_situation_in_one_line_of_a_need_is_told_beside_another_request():
    need = (
        "Notre atelier a pris l'eau cette nuit.\n"
        "Nous cherchons aussi un expert-comptable pour tenir nos comptes et faire le bilan."
    )
    offer = (
        "Expert-comptable : tenue des comptes, bilan, liasse fiscale ; "
        "expertise des sinistres et dégâts des eaux."
    )
    model = RelevanceModel().fit([need, offer, *OFFERS])
    found = model.situations_met(need, offer)
    assert [f["service"] for f in found] == ["expertise des sinistres"]


@pytest.mark.parametrize("swapped", [False, True])
def test_a_situation_passed_over_in_one_line_is_told_in_another_in_any_order(swapped):
    # The second line tells the water damage beside a longer request for an accountant
    # (its main service); the first tells it alone: told whichever line comes first.
    lines = [
        "Notre atelier a pris l'eau cette nuit.",
        "Notre atelier a pris l'eau, alors il nous faut un expert-comptable pour le bilan, "
        "la tenue des comptes et la liasse fiscale.",
    ]
    need = "\n".join(reversed(lines) if swapped else lines)
    offer = (
        "Expert-comptable : tenue des comptes, bilan, liasse fiscale ; "
        "expertise des sinistres et dégâts des eaux."
    )
    model = RelevanceModel().fit([need, offer, *OFFERS])
    found = model.situations_met(need, offer)
    assert [f["service"] for f in found] == ["expertise des sinistres"]


@pytest.mark.parametrize(
    ("need", "offer", "told"),
    [
        # A lone word of a situation's phrases is a context, not the situation.
        (
            "Des gens de Lyon veulent ouvrir un restaurant comme le nôtre chez eux.",
            "Formation à l'hygiène alimentaire et au contrôle sanitaire pour les restaurants.",
            False,
        ),
        (
            "Les radiateurs tournent à fond mais le vent passe sous les portes du hangar.",
            "Installation de panneaux solaires sur les toitures des entreprises.",
            False,
        ),
        # Told in a phrase of several words, or in two phrases: said.
        (WATER, OFFERS[0], True),
        (
            "Notre voisin prétend que la clôture est sur son terrain.",
            "Géomètre-expert : bornage et délimitation des terrains.",
            True,
        ),
    ],
)
def test_a_situation_is_said_only_when_the_need_tells_it_in_more_than_a_word(need, offer, told):
    model = RelevanceModel().fit([need, offer, *OFFERS])
    (found,) = model.situations_met(need, offer)
    (mine,) = explain_pair({"relevance_ab": 0.4}, "Claire", situation_yours=found)
    assert ("by" not in found) is told
    assert mine.startswith("Vous parlez") is told
    if not told:
        assert found["by"] == "word" and found["situation"] not in mine
        assert mine.endswith(f"votre besoin en {found['service']}.")
