"""Everyday synonyms of the services' names (`lexicon.SYNONYMS`) and the lexicon's phrases
matched on French stems (`text._stem_matches`): a paraphrase meets the service it asks
for in other words or other forms, and nothing is lost of what the phrases found word
for word."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.lexicon import CONCEPTS, SYNONYMS
from passerelles.engine.situations import SERVICES
from passerelles.engine.text import (
    _ALL_PARENTS,
    _DEFAULT_LEXICON,
    _PLAIN_LEXICON,
    _concept_matches,
    _with_parents,
    concepts_in,
)


@pytest.mark.parametrize(
    "text, label",
    [
        # synonyms: the service asked for without its trade's word
        ("Des clichés de nos produits pour le site.", "photographie"),
        ("Je veux monter ma société et j'ai besoin d'être guidé.", "création d'entreprise"),
        ("Nous avons trouvé des contrefaçons de nos sacs.", "propriété intellectuelle"),
        (
            "Un prestataire pour le pressing et la cordonnerie des salariés.",
            "conciergerie d'entreprise",
        ),
        # stems: a form the lexicon's phrases do not list
        ("Un dossier financé par la région.", "financement"),
        ("Nous recherchons un photographe pour photographier nos locaux.", "photographie"),
    ],
)
def test_a_paraphrase_meets_the_service_it_asks_for(text, label):
    assert label in concepts_in(text)


def test_every_synonym_tags_its_label_in_a_sentence():
    missed = [
        (label, phrase)
        for label, phrases in SYNONYMS.items()
        for phrase in phrases
        if label not in concepts_in(f"Nous cherchons {phrase} pour notre société.")
    ]
    assert not missed, missed


def test_synonyms_name_known_concepts_or_services():
    assert set(SYNONYMS) <= set(CONCEPTS) | set(SERVICES)


def test_short_stems_meet_only_their_own_inflections():
    # « former » (to train) has the four-letter stem "form": « formes » (shapes) is not it
    assert "formation" not in concepts_in("Des formes arrondies pour nos boîtiers.")
    assert "formation" in concepts_in("Il faut former nos techniciens.")


@pytest.mark.parametrize("text", ["Le mobilier de nos bureaux.", "Nos données sont sur un disque."])
def test_a_workplace_or_its_figures_are_no_concept_alone(text):
    # « bureaux » (where one works) is not office space to rent, « données » (figures) not
    # data science: longer phrases keep them (« surface de bureaux », « analyse de données »)
    assert not {"immobilier", "données et IA"} & set(concepts_in(text, _PLAIN_LEXICON))
    assert "immobilier" in concepts_in("Une surface de bureaux à louer.", _PLAIN_LEXICON)
    assert "données et IA" in concepts_in("Une analyse de données.", _PLAIN_LEXICON)


_PHRASES = sorted({p for phrases in (*CONCEPTS.values(), *SYNONYMS.values()) for p in phrases})
_FILLERS = ["nous", "cherchons", "vite", "pour", "notre", "atelier", "et", "la", "des", "très"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_PHRASES), st.sampled_from(_FILLERS)), min_size=1, max_size=8
    )
)
def test_stems_add_to_what_phrases_find_word_for_word_and_remove_nothing(words):
    text = " ".join(words)
    word_for_word = Counter(_with_parents(_concept_matches(text, _DEFAULT_LEXICON), _ALL_PARENTS))
    found = Counter(concepts_in(text))
    assert not word_for_word - found
    assert concepts_in(text) == concepts_in(text)  # the same on every call
