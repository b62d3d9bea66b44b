"""Scenes of the situation map: what happens, and to what, told in a member's own order and
forms, tag the kind of service that answers it (`situations.SCENES`)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from passerelles.engine.situations import FAMILIES, FAMILIES_TOLD, SCENES, SERVICES, scene_phrases
from passerelles.engine.text import (
    _FILLER_ROOTS,
    GENERIC_WORDS,
    STOP_WORDS,
    RelevanceModel,
    _roots,
    concepts_in,
)

_VAGUE = {_roots(w)[0] for w in STOP_WORDS | GENERIC_WORDS if _roots(w)} | _FILLER_ROOTS


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",")]


def test_the_scenes_are_well_formed():
    assert set(SCENES) <= set(SERVICES)
    for service, scenes in SCENES.items():
        assert scenes, service
        for things, happenings in scenes:
            assert all(_items(things)) and all(_items(happenings)), service
            # Every thing holds a word that is no function word, every happening one that
            # is not vague either: else the other half would tag the service alone.
            for thing in _items(things):
                assert [r for r in _roots(thing) if r not in _FILLER_ROOTS], thing
            for happening in _items(happenings):
                assert [r for r in _roots(happening) if r not in _VAGUE], happening


def test_the_families_as_read_are_the_families_and_the_scenes():
    assert set(FAMILIES_TOLD) == set(FAMILIES)
    for service, (matter, cues) in FAMILIES.items():
        told_matter, told = FAMILIES_TOLD[service]
        assert told_matter == matter
        assert told.startswith(cues)
        for things, happenings in SCENES.get(service, ()):
            assert scene_phrases(things, happenings) in told


_PAIRS = sorted(
    (service, thing, happening)
    for service, scenes in SCENES.items()
    for things, happenings in scenes
    for thing in _items(things)
    for happening in _items(happenings)
)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(_PAIRS),
    st.sampled_from(["", " est", " a encore", " sont tous", " de la"]),
    st.booleans(),
)
def test_a_thing_and_what_happens_to_it_tag_its_service_in_either_order(item, between, flip):
    service, thing, happening = item
    text = f"{happening}{between} {thing}" if flip else f"{thing}{between} {happening}"
    assert service in concepts_in(f"Depuis lundi, {text}."), text


def test_scenes_told_in_a_members_words_meet_the_service():
    told = {
        "Notre presse principale est encore tombée en panne cette nuit.": (
            "maintenance industrielle"
        ),
        "Nos extincteurs n'ont jamais été vérifiés depuis l'ouverture.": "sécurité incendie",
        "Certains produits se vendent à perte, on ne sait pas lesquels.": "contrôle de gestion",
        "Les fichiers du cabinet ont tous été effacés pendant la nuit.": "hébergement cloud",
        "Notre logo fait franchement vieillot.": "identité visuelle",
    }
    for need, service in told.items():
        assert service in concepts_in(need), need
    # A thing alone, or a happening alone, is no scene.
    assert "maintenance industrielle" not in concepts_in("La presse locale nous a cités.")
    assert "maintenance industrielle" not in concepts_in("La pompe à essence a rouvert.")


def test_scenes_of_kinds_that_had_none_meet_their_service():
    told = {
        "Nos techniciens réservent eux-mêmes leurs trains et leurs hôtels.": "voyages d'affaires",
        "Deux salariés passent leurs matinées à recopier les bons de commande.": (
            "intelligence artificielle"
        ),
        "Notre invention n'existe que sur papier, pas de prototype à montrer.": "prototypage",
        "Le carnet de commandes se vide depuis que notre principal client nous a quittés.": (
            "développement commercial"
        ),
        "Nos flyers pour la foire ne sont toujours pas imprimés.": "imprimerie",
    }
    for need, service in told.items():
        assert service in concepts_in(need), need


def test_a_happening_told_by_a_negation_alone_is_left_out():
    # Loose matching reads content words only: « ne nous voient pas » would be « voient »,
    # « à l'arrivée » « arrivée », « ouvrir le même » « ouvrir ».
    assert "douane" not in concepts_in("Les colis de nos clients sont arrivés à l'heure.")
    assert "franchise" not in concepts_in("Notre restaurant ouvre un deuxième service le soir.")
    assert "relations presse" not in concepts_in("Nos prix ont gagné en clarté.")
    assert "expérience utilisateur" not in concepts_in("Les salariés quittent le site à 18 h.")
    # Workers who will not take over the firm tell its succession, not an apprenticeship.
    need = "Je pars dans deux ans et aucun de mes ouvriers ne veut prendre la relève de la maison."
    assert "apprentissage" not in concepts_in(need)
    assert "transmission d'entreprise" in concepts_in(need)


def test_a_scene_brings_the_need_to_the_offer_of_its_service():
    offers = [
        "Technicien de maintenance : entretien préventif et dépannage des machines de "
        "production, presses et convoyeurs.",
        "Agence de communication : relations presse et dossiers de presse pour vos lancements.",
    ]
    need = "La presse de l'atelier est encore tombée en panne, la production est arrêtée."
    model = RelevanceModel().fit([need, *offers])
    rows = model.encode([need, *offers]).toarray()
    scores = rows[1:] @ rows[0]
    assert scores[0] > scores[1]
