"""A member's own things named inside a request (« pour nos catalogues commerciaux », « notre
réseau informatique ») are the need's context: the concept a single word of them tags weighs
less than the service asked for (`text._own_things`, `text.OWN_THING_WEIGHT`)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.text import (
    OWN_THING_WEIGHT,
    RelevanceModel,
    _default_counts,
    _own_things,
    concepts_in,
    relevance,
)

OFFERS = {
    "traduction": (
        "Agence de traduction : traduction technique et juridique, relecture par des natifs."
    ),
    "agent commercial": (
        "Agent commercial indépendant : prospection, représentation de vos produits, "
        "nouveaux marchés."
    ),
    "franchise": (
        "Conseil en franchise : création de réseau, contrat, manuel opératoire, "
        "recrutement de franchisés."
    ),
    "hygiène": (
        "Formation hygiène alimentaire HACCP, plan de maîtrise sanitaire, audits en restauration."
    ),
    "cybersécurité": (
        "Sécurité des systèmes d'information : audit, pare-feu, sensibilisation au phishing."
    ),
    "dépannage": "Dépannage informatique : postes, imprimantes, réseau, contrat d'assistance.",
    "attachée de presse": "Attachée de presse : communiqués, relations avec les journalistes.",
    "maintenance": (
        "Maintenance industrielle : dépannage des machines, presses, convoyeurs, "
        "contrats préventifs."
    ),
}


def _first_offer(need: str) -> str:
    names = list(OFFERS)
    model = RelevanceModel().fit([*OFFERS.values(), need])
    scores = relevance(model.encode([need]), model.encode(list(OFFERS.values())))[0]
    return names[int(np.argmax(scores))]


@pytest.mark.parametrize(
    "need, service",
    [
        # « commerciaux » tags sales: the member's catalogues, not what is asked
        ("Il nous faut une traductrice pour nos catalogues commerciaux.", "traduction"),
        # « réseau informatique » tags IT support: the member's network is what to protect
        ("Nous voulons mettre notre réseau informatique à l'abri des pirates.", "cybersécurité"),
        (
            "Nous aimerions ouvrir des franchises de notre restaurant dans d'autres villes.",
            "franchise",
        ),
        # at the head of a sentence, the member's thing is what the need tells about
        ("Notre presse est en panne depuis lundi.", "maintenance"),
    ],
)
def test_the_service_asked_for_comes_before_the_members_own_things(need, service):
    assert _first_offer(need) == service


@pytest.mark.parametrize(
    "text, words",
    [
        (
            "Je voudrais dupliquer mon concept de restaurant dans d'autres villes.",
            ("concept", "de", "restaurant"),
        ),
        ("Un séminaire pour nos 80 commerciaux.", ("80", "commerciaux")),
        ("Protéger notre réseau informatique contre les pirates.", ("réseau", "informatique")),
        # the head of a clause, others' things, an offer's « vos »: nothing
        ("Notre presse est en panne. Mon répondeur est plein.", ()),
        ("Nos clients veulent réserver depuis leur téléphone.", ()),
        ("Permanence téléphonique : accueil de vos appels.", ()),
    ],
)
def test_own_things_are_first_person_noun_phrases_inside_a_clause(text, words):
    assert _own_things(text) == words


def test_a_phrase_of_several_words_keeps_its_weight():
    text = "C'est notre premier salon professionnel et la surface est vide."
    counts = _default_counts(text)
    assert counts["stands d'exposition"] >= Counter(concepts_in(text))["stands d'exposition"] - 1


_WORDS = st.sampled_from(
    [
        "nous",
        "cherchons",
        "un",
        "traducteur",
        "pour",
        "nos",
        "mon",
        "notre",
        "documents",
        "commerciaux",
        "restaurant",
        "réseau",
        "informatique",
        "presse",
        "en",
        "panne",
        "de",
        "salon",
        "professionnel",
        "comptable",
        ".",
        ",",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=14))
def test_own_things_lower_a_concept_never_remove_it(words):
    text = " ".join(words)
    counts = _default_counts(text)
    found = Counter(concepts_in(text))
    assert set(counts) == set(found)
    for label, n in found.items():
        assert OWN_THING_WEIGHT * n <= counts[label] <= n
