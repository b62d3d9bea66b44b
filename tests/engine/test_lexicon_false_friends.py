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
