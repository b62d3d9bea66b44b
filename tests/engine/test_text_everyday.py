"""Everyday phrases of the situation map, and trade phrases matched with words between."""

from __future__ import annotations

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from passerelles.engine.situations import EVERYDAY, FAMILIES, FAMILIES_TOLD
from passerelles.engine.text import (
    _FILLER_ROOTS,
    _INSERT_ROOTS,
    _LOOSE_INDEX,
    _SHORT_FORMS,
    CUE_GAP,
    INSERT_GAP,
    PHRASE_CUE_COUNT,
    SHORT_STEM,
    RelevanceModel,
    _family_cues,
    _roots,
    concepts_in,
    relevance,
)


def test_the_everyday_phrases_are_well_formed():
    assert set(EVERYDAY) <= set(FAMILIES)
    for service, cues in EVERYDAY.items():
        phrases = [cue.strip() for cue in cues.split(",")]
        assert all(phrases), service
        # Phrases only: a plain single word points to too many trades.
        assert all(len(_roots(p)) > 1 for p in phrases), service
    # A phrase of a family is not repeated here: it would lose its loose matching.
    family = {_roots(c) for _m, cues in FAMILIES.values() for c in cues.split(",")}
    assert not family & {_roots(c) for cues in EVERYDAY.values() for c in cues.split(",")}


_EVERYDAY = sorted(
    (service, cue.strip()) for service, cues in EVERYDAY.items() for cue in cues.split(",")
)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_EVERYDAY), st.text(alphabet=" ,.;:!?()", max_size=12))
def test_an_everyday_phrase_tags_its_service(item, noise):
    service, cue = item
    assert service in concepts_in(f"{noise}{cue}{noise}"), cue
    assert service in concepts_in(f"{noise}{cue.upper()}{noise}"), cue


def test_everyday_phrases_match_word_for_word_only():
    # « ne décroche plus » (unpaid invoices) with a content word between tags nothing;
    # an adverb slipped in (« même », « vraiment ») is read through (`INSERT_GAP`).
    assert "recouvrement de créances" in concepts_in("Le client ne décroche plus.")
    assert not _family_cues("Le client ne décroche zorglub plus.")
    assert "recouvrement de créances" in concepts_in("Le client ne décroche même plus.")
    assert "recouvrement de créances" in concepts_in("Le client ne décroche vraiment plus.")
    everyday_keys = {_roots(c) for cues in EVERYDAY.values() for c in cues.split(",")}
    loose_keys = {key for entries in _LOOSE_INDEX.values() for _c, key, _s in entries}
    # The families as read: their phrases and the scenes (`situations.SCENES`).
    family_keys = {_roots(c) for _m, cues in FAMILIES_TOLD.values() for c in cues.split(",")}
    assert loose_keys <= family_keys - everyday_keys


@pytest.mark.parametrize(
    "need, service",
    [
        # « image de marque abîmée », function words between
        ("Notre image de marque est abîmée depuis cet article.", "communication de crise"),
        # « arrêt de ligne », one content word between
        ("Un arrêt complet de la ligne hier matin.", "maintenance industrielle"),
    ],
)
def test_a_trade_phrase_matches_with_words_between(need, service):
    keys = [key for key, services in _family_cues(need) if service in services]
    assert any(len(key) > 1 for key in keys), keys
    assert concepts_in(need).count(service) >= PHRASE_CUE_COUNT


_LOOSE = sorted(
    (content, key, tuple(services))
    for entries in _LOOSE_INDEX.values()
    for content, key, services in entries
)
_PLAIN_WORDS = ["zorglub", "quibus", "brindezingue", "farfelu"]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_LOOSE), st.integers(0, CUE_GAP), st.integers(0, 1))
def test_a_loose_phrase_allows_up_to_the_gap_and_no_more(entry, gap, where):
    content, key, _services = entry
    assert len(content) >= 2 and not set(content[:1] + content[-1:]) & _FILLER_ROOTS
    words = [_word_of(stem) for stem in content]
    pad = _PLAIN_WORDS[:gap]
    within = " ".join([*words[: where + 1], *pad, *words[where + 1 :]])
    # phrases of the same content words (« crédit d'impôt » and « crédit d'impôt recherche »
    # once function words are set aside) are found as one of them
    same = {k for c, k, _ in _LOOSE if c == content}
    assert same & {k for k, _ in _family_cues(within)}, within
    beyond = " ".join([*words[:1], *_PLAIN_WORDS[: CUE_GAP + 1], *words[1:]])
    reversed_ = " ".join(reversed(words))
    assert key not in {k for k, _ in _family_cues(beyond)}, beyond
    if len(set(content)) == len(content):
        assert key not in {k for k, _ in _family_cues(reversed_)}, reversed_


def _word_of(stem: str) -> str:
    """A word whose French stem is ``stem`` (the stem itself usually is)."""
    for candidate in (stem, stem + "e", stem + "er", stem + "s"):
        if _roots(candidate) == (stem,):
            return candidate
    pytest.skip(f"no plain word found for the stem {stem!r}")


def test_a_need_told_with_words_between_meets_its_service():
    need = "La ligne de production est encore à l'arrêt, la machine tombe sans cesse en panne."
    offers = [
        "Maintenance industrielle : dépannage, entretien préventif, pièces détachées.",
        "Agence de communication : logo, charte graphique, plaquettes.",
        "Traduction juridique et technique, allemand et anglais.",
    ]
    model = RelevanceModel().fit([need, *offers])
    assert relevance(model.encode([need]), model.encode(offers)).argmax() == 0


_MULTI = [(service, cue) for service, cue in _EVERYDAY if len(cue.split()) >= 2]
_INSERTS = ["même", "toujours", "vraiment", "déjà", "encore", "complètement"]


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(_MULTI),
    st.integers(1, 10),
    st.lists(st.sampled_from(_INSERTS), min_size=1, max_size=INSERT_GAP),
)
# Drawn once: the words slipped in before « monde », outside the phrase's key.
@example(("publicité en ligne", "du monde rapidement"), 10, ["même"])
def test_adverbs_slipped_into_an_everyday_phrase_are_read_through(item, where, inserts):
    """Up to `INSERT_GAP` adverbs between two words of a phrase keep its service; one more,
    or a content word there, does not meet the phrase itself."""
    service, cue = item
    words = cue.split()
    # Between two content words: before the first one (« du | monde rapidement ») the
    # slipped-in words are not inside the phrase, whose key starts at « monde ».
    between = [
        at
        for at in range(1, len(words))
        if _roots(" ".join(words[:at])) and _roots(" ".join(words[at:]))
    ]
    assume(between)
    at = between[where % len(between)]
    assert all(_roots(w)[0] in _INSERT_ROOTS for w in inserts)
    within = " ".join([*words[:at], *inserts, *words[at:]])
    assert service in concepts_in(within), within
    key = _roots(cue)
    # Adverbs other than the phrase's own words (« mêmes gestes » read past « même » would
    # start at the slipped-in « même », within the gap).
    others = [w for w in _INSERTS if _roots(w)[0] not in key][: INSERT_GAP + 1]
    beyond = " ".join([*words[:at], *others, *words[at:]])
    assert key not in {k for k, _ in _family_cues(beyond)}, beyond
    content = " ".join([*words[:at], "zorglub", *words[at:]])
    assert key not in {k for k, _ in _family_cues(content)}, content


_SHORT = sorted(
    (service, cue.strip())
    for service, (_matter, cues) in FAMILIES.items()
    for cue in cues.split(",")
    if len(_roots(cue.strip())) == 1 and len(_roots(cue.strip())[0]) <= SHORT_STEM
)


@pytest.mark.parametrize("item", _SHORT, ids=[cue for _service, cue in _SHORT])
def test_a_short_trade_word_meets_its_inflections_only(item):
    """A one-word cue of a short stem tags its service in its own and plural forms, and
    not in another word Snowball folds onto the same stem (« prises » / « pris »)."""
    service, cue = item
    assert service in concepts_in(f"Voici : {cue}."), cue
    stem_ = _roots(cue)[0]
    forms = _SHORT_FORMS[stem_]
    for other in (stem_ + "ants", stem_ + "ées", stem_ + "ait"):
        if _roots(other) == (stem_,) and _light_form(other) not in forms:
            assert (stem_,) not in {k for k, _ in _family_cues(f"Voici : {other}.")}, other


def _light_form(word: str) -> str:
    from passerelles.engine.text import _root_forms

    return _root_forms(word)[0][1]


@pytest.mark.parametrize(
    "text, service",
    [
        ("Le fournisseur a pris du retard.", "électricité"),  # « prises » (sockets)
        ("Il va falloir trouver une solution.", "reconversion"),  # « VAE »
        ("Nos données clients sont dispersées.", "mécénat"),  # « dons »
        ("Deux postes sont vacants à l'atelier.", "réseaux sociaux"),  # « posts »
    ],
)
def test_words_folded_onto_a_short_stem_tag_nothing(text, service):
    assert service not in concepts_in(text)
