"""Words the French stemmer folds onto a trade word of another meaning meet only
themselves (`text._FALSE_FRIENDS`), while the trade word keeps its family."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.situations import EVERYDAY
from passerelles.engine.text import _family_cues, _roots, concepts_in


def services(text: str) -> set[str]:
    return {s for _key, found in _family_cues(text) for s in found}


@pytest.mark.parametrize(
    "text, service",
    [
        ("Nos plus gros clients font 80 % du chiffre.", "cybersécurité"),
        ("Il faut maintenant trouver un repreneur.", "maintenance industrielle"),
        ("Des commentaires inventés de toutes pièces.", "prototypage"),
        ("Des avis inventes de toutes pieces.", "prototypage"),  # typed without accents
        ("Quinze euros d'amende par facture, ça peut chiffrer vite.", "cybersécurité"),
        ("Nos envois restent coincés parce qu'il manque un papier.", "imprimerie"),
    ],
)
def test_a_false_friend_does_not_tag_the_trade_it_is_folded_onto(text, service):
    assert service not in services(text)
    assert service not in concepts_in(text)


def test_the_issue_of_an_invoice_is_not_a_carbon_emission_among_trade_words():
    offer = "Facture électronique pour PME : émission, réception, archivage."
    assert "bilan carbone" not in services(offer)
    assert "bilan carbone" not in services("On vous règle vos factures dès l'emission.")
    assert "bilan carbone" in services("Nous voulons réduire nos émissions de CO2.")


def test_the_balance_of_an_invoice_is_not_the_sales_among_trade_words():
    # Among the trade families only: the situation map's « soldes » (the sales season)
    # still meets « solde » through the lexicon, which reads inflections (plurals) only.
    assert "publicité en ligne" not in services("Le client refuse de régler le solde.")


@pytest.mark.parametrize(
    "text, service",
    [
        ("Tous nos fichiers sont chiffrés et on exige une rançon.", "cybersécurité"),
        ("La maintenance des presses coûte trop cher.", "maintenance industrielle"),
        ("Un inventeur cherche à fabriquer son premier modèle.", "prototypage"),
        ("Les soldes commencent et personne ne voit nos promotions.", "publicité en ligne"),
        ("Notre chiffre d'affaires baisse depuis un an.", "développement commercial"),
        ("Chiffrement de bout en bout de vos données.", "cybersécurité"),
        ("Il nous faut un traiteur et des plateaux-repas pour la soirée.", "traiteur"),
        ("Impression de flyers et d'affiches en grand format.", "imprimerie"),
    ],
)
def test_the_trade_word_keeps_its_family(text, service):
    assert service in services(text)


# Two-word everyday phrases (« caisse vidée »): an adverb between their words is read
# through, the adjective it is formed on is a word of the scene and breaks the phrase.
_PAIRS = sorted(
    {
        (service, cue.strip())
        for service, cues in EVERYDAY.items()
        for cue in cues.split(",")
        if len(cue.split()) == 2 and "'" not in cue
    }
)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_PAIRS),
    st.sampled_from(
        [
            ("complètement", "complet"),
            ("totalement", "total"),
            ("vraiment", "vrai"),
            ("completement", "complet"),  # typed without accents
            ("carrement", "carre"),
        ]
    ),
)
def test_an_adverb_is_read_through_and_its_adjective_is_not(item, words):
    service, cue = item
    adverb, adjective = words
    first, second = cue.split()
    key = _roots(cue)
    assert key in {k for k, _ in _family_cues(f"{first} {adverb} {second}")}
    assert key not in {k for k, _ in _family_cues(f"{first} {adjective} {second}")}


@pytest.mark.parametrize(
    "text",
    [
        "Une émission de radio parle de notre entreprise demain matin.",
        "On vous règle vos factures dès l'émission.",
        "Facture électronique pour PME : émission, réception, archivage.",
    ],
)
def test_a_broadcast_or_an_invoice_issued_is_no_carbon_footprint(text):
    # The lexicon reads inflections, so its « émissions » met the singular as well.
    assert "bilan carbone" not in concepts_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nous voulons réduire nos émissions de CO2.",
        "Un client exige nos chiffres d'émissions avant la fin de l'année.",
        "Mesure des émissions scopes 1 à 3 et plan de réduction.",
        "Bilan des émissions de gaz à effet de serre.",
    ],
)
def test_emissions_of_greenhouse_gases_keep_the_carbon_footprint(text):
    assert "bilan carbone" in concepts_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "La réception du colis a été refusée par le client.",
        "Secrétariat à distance : réception des appels, prise de rendez-vous.",
        "Envoyez le courrier en recommandé avec accusé de réception.",
    ],
)
def test_the_reception_of_a_parcel_or_a_call_is_no_meal_to_serve(text):
    assert "traiteur" not in concepts_in(text)
    assert "événementiel" not in concepts_in(text)


def test_a_reception_for_guests_still_asks_for_a_caterer():
    assert "traiteur" in concepts_in("Une réception pour 80 personnes à la fin du séminaire.")
    assert "événementiel" in concepts_in("Nous cherchons un lieu de réception pour la soirée.")
