"""Every name a reason may show has its English name, and only those names are listed."""

import re

from passerelles.engine import lexicon, situations
from passerelles.engine.names_en import (
    CONCEPTS_EN,
    SERVICES_EN,
    SITUATIONS_EN,
    name_in_english,
    situation_in_english,
)

FRENCH_LETTERS = re.compile(r"[àâçéèêëîïôùûüœ]", re.IGNORECASE)


def test_every_kind_of_service_and_concept_has_its_english_name():
    assert set(SERVICES_EN) == set(situations.SERVICES)
    assert set(CONCEPTS_EN) == set(lexicon.CONCEPTS)


def test_every_situation_and_matter_has_its_english_name():
    matters = {matter for matter, _words in situations.FAMILIES.values()}
    assert set(SITUATIONS_EN) == set(situations.SITUATIONS) | matters


def test_english_names_are_not_french():
    names = [*CONCEPTS_EN.values(), *SITUATIONS_EN.values()]
    names += [part for pair in SERVICES_EN.values() for part in pair]
    assert [n for n in names if FRENCH_LETTERS.search(n)] == []
    assert all(n == n.strip() and n for n in names)


def test_a_situation_met_is_named_in_english():
    found = {
        "situation": "un dégât des eaux",
        "service": "expertise des sinistres",
        "does": "expertise les sinistres",
    }
    assert situation_in_english(found) == {
        "situation": "water damage",
        "service": "claims assessment",
        "does": "assesses insurance claims",
    }
    # A matter of a trade family names a situation the same way.
    matter = {"situation": "un sinistre", "service": "expertise des sinistres"}
    assert situation_in_english(matter)["situation"] == "an insurance claim"
    assert situation_in_english({**found, "situation": "un nom d'avant"}) is None


def test_terms_of_a_member_text_are_not_named():
    assert name_in_english("comptabilité") == "accounting"
    assert name_in_english("fiscalité") == "tax"
    assert name_in_english("usinage de précision") is None
