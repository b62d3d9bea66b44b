"""Reasons are stored as data and worded in the reader's language."""

from django.urls import reverse
from django.utils import translation

from passerelles.engine.reasons import reason_in_french
from passerelles.intros.models import Introduction
from passerelles.intros.reasons import seeks, told_as_search, word, word_all
from passerelles.intros.rounds import run_round

EVERY_KIND = [
    {"code": "they_seek", "need": "un expert-comptable", "terms": ["comptabilité", "fiscalité"]},
    {"code": "they_seek", "need": "", "terms": ["export"]},
    {"code": "you_seek", "offer": "l'accompagnement à l'export", "terms": ["export"]},
    {"code": "you_seek", "offer": "", "terms": ["export"]},
    {"code": "reciprocal"},
    {"code": "novelty"},
    {"code": "intermediary", "via": "Paul Morel"},
    {"code": "trusted_by", "via": "Paul Morel"},
    {"code": "trust"},
    {"code": "cross_sector"},
    {"code": "themes", "axes": [0, 1]},
    {"code": "priority"},
]


def test_french_is_the_engine_wording():
    with translation.override("fr"):
        for reason in EVERY_KIND:
            assert word(reason, "Léa Petit") == reason_in_french(reason, "Léa Petit")


def test_english_wording_of_every_kind():
    with translation.override("en"):
        texts = [word(reason, "Léa Petit") for reason in EVERY_KIND]
    assert texts[0] == (
        "Léa Petit is looking for “un expert-comptable”: you can help with accounting and tax."
    )
    assert texts[2] == (
        "Léa Petit offers “l'accompagnement à l'export”, which meets your need for export."
    )
    assert texts[6] == "Paul Morel, whom you trust, knows Léa Petit and can introduce you."
    assert (
        texts[7]
        == "Paul Morel, who trusts you, is also trusted by Léa Petit and can introduce you."
    )
    assert texts[10] == "You are both interested in contemplating the world and self-development."
    french_words = ("cherche", "vous", "cercle", "secteur", "tour")
    assert all(not any(w in t.split() for w in french_words) for t in texts)
    assert all(t.endswith(".") for t in texts)


def test_an_axis_holding_and_is_not_heard_as_two_topics_in_english():
    with translation.override("en"):
        two = word({"code": "themes", "axes": [0, 3]}, "Léa Petit")
        three = word({"code": "themes", "axes": [0, 1, 3]}, "Léa Petit")
    assert two == (
        "You are both interested in contemplating the world, as well as experience and knowledge."
    )
    assert three == (
        "You are both interested in contemplating the world, self-development, as well as "
        "experience and knowledge."
    )


def test_sentences_stored_before_reasons_were_data_show_as_they_are():
    assert word_all(["Une raison écrite.", {"code": "novelty"}], "Léa") == [
        "Une raison écrite.",
        "Vous n'avez aucun cercle en commun.",
    ]


def test_a_suggestion_reads_in_english_for_an_english_reader(client, world):
    run_round(force=True)
    intro = Introduction.objects.get(
        member_a__in=[world["marc"], world["sophie"]], member_b__in=[world["marc"], world["sophie"]]
    )
    assert all(isinstance(r, dict) for r in intro.reasons["a"])  # stored as data
    client.force_login(world["marc"])
    url = reverse("intros:detail", args=[intro.pk])
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Sophie Lambert cherche" in french
    client.cookies["django_language"] = "en"
    english = client.get(url).content.decode()
    assert "Sophie Lambert is looking for" in english and "You have no circle in common." in english
    assert "Sophie Lambert cherche" not in english
    # The notices of the round, written while French was active, read in English too.
    home = client.get(reverse("intros:home")).content.decode()
    assert (
        "New introduction suggestion: Sophie Lambert" in home and "Nouvelle suggestion" not in home
    )


def test_a_reason_this_version_cannot_word_is_left_out():
    for language in ("fr", "en"):
        with translation.override(language):
            assert word_all([{"code": "from_the_future"}, {"novelty": 1}, 7], "Léa") == []
            assert word({"code": "they_seek"}, "Léa") == ""  # a field missing


def test_only_the_member_left_out_is_told_so(world):
    from django.utils import timezone

    from passerelles.intros import matching_data, rounds
    from passerelles.intros.models import Preference

    Preference.objects.filter(user=world["sophie"]).update(left_out_last_round=True)
    pool = matching_data.load_pool(timezone.now(), force=True)
    marc, sophie = pool.index_of(world["marc"].pk), pool.index_of(world["sophie"].pk)
    pair = {"priority": 0.1, "relevance_ab": 0.0, "relevance_ba": 0.0}  # shared by the pair
    assert rounds.reasons_for(pool, pair, sophie, marc) == [{"code": "priority"}]
    assert rounds.reasons_for(pool, pair, marc, sophie) == []


def test_needs_told_as_a_search_are_recognised():
    told = [
        "À la recherche d'un expert-comptable",
        "a la recherche d’une graphiste",
        "Je cherche un avocat",
        "Cherche local à Lyon",
        "Recherche associé",
        "Je suis à la recherche d'un DAF",
        "Nous recherchons un traiteur",
        "« Je cherche un imprimeur »",
        "Looking for a lawyer",
        "I'm looking for a designer",
    ]
    untold = ["un expert-comptable", "Chercheur en biologie", "Avocat en droit social", ""]
    assert [t for t in told if not told_as_search(t)] == []
    assert [t for t in untold if told_as_search(t)] == []


def test_a_need_told_as_a_search_is_not_said_twice():
    need = "À la recherche d'un expert-comptable"
    asked = {"code": "asked_through", "need": need}
    they_seek = {"code": "they_seek", "need": need, "terms": ["comptabilité"]}
    with translation.override("fr"):
        assert word(asked, "Léa Petit") == (
            "Léa Petit : « À la recherche d'un expert-comptable ». "
            "Cette personne vous demande de faire les présentations."
        )
        assert word(they_seek, "Léa Petit") == (
            "Léa Petit\u00a0: « À la recherche d'un expert-comptable ». "
            "Vous pouvez l'aider en comptabilité."
        )
        assert seeks("Léa Petit", need) == "Léa Petit : « À la recherche d'un expert-comptable »."
        assert seeks("Léa Petit", "un expert-comptable") == (
            "Léa Petit cherche : « un expert-comptable »."
        )
    with translation.override("en"):
        assert word(asked, "Léa Petit") == (
            "Léa Petit: “À la recherche d'un expert-comptable”. "
            "They ask you to make the introduction."
        )
        assert word(they_seek, "Léa Petit") == (
            "Léa Petit: “À la recherche d'un expert-comptable”. You can help with accounting."
        )
        assert seeks("Léa Petit", "Looking for a lawyer") == "Léa Petit: “Looking for a lawyer”."
    for language in ("fr", "en"):
        with translation.override(language):
            texts = [word(asked, "Léa Petit"), word(they_seek, "Léa Petit")]
        assert not any("cherche" in t.split()[:3] or "looking" in t.split()[:4] for t in texts)
