"""A reason that names a situation is worded in the reader's language, names included."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from passerelles.engine.names_en import SERVICES_EN
from passerelles.engine.reasons import pair_reasons
from passerelles.engine.semantic import bundled_model_path, load_encoder
from passerelles.engine.situations import FAMILIES, SERVICES, SITUATIONS
from passerelles.engine.text import RelevanceModel
from passerelles.intros.models import Introduction
from passerelles.intros.reasons import topic, word, word_all
from passerelles.intros.rounds import run_round
from tests.intros.conftest import member

WATER = {
    "situation": "un dégât des eaux",
    "service": "expertise des sinistres",
    "does": "expertise les sinistres",
}
LEAK = "notre atelier a pris l'eau cette nuit, le plafond s'est effondré"
CLAIMS = "expert d'assuré : expertise des sinistres et chiffrage des dommages"
# Every French name a reason may carry (but those spelt alike in English, « export »):
# none may reach a reader in English.
FRENCH_NAMES = (
    (
        set(SITUATIONS)
        | {matter for matter, _words in FAMILIES.values()}
        | set(SERVICES)
        | {does for does, _phrases in SERVICES.values()}
    )
    - {name for name, _does in SERVICES_EN.values()}
    - {"franchise"}
)


def _french_names_in(text):
    """French names in ``text`` outside the members' own words it quotes."""
    text = re.sub(r"“[^”]*”", "", html.unescape(text)).replace(LEAK, "").replace(CLAIMS, "")
    return [name for name in FRENCH_NAMES if re.search(rf"(^|[ (]){re.escape(name)}\b", text)]


def _get(client, url, **params):
    return html.unescape(client.get(url, params).content.decode())


def test_french_names_the_situation_and_what_they_do():
    reason = {
        "code": "you_seek",
        "offer": "Expertise de sinistres",
        "terms": [],
        "situation": WATER,
    }
    with translation.override("fr"):
        assert word(reason, "Claire").startswith("Vous parlez d'un dégât des eaux")


def test_english_names_the_situation_and_what_they_do_in_english():
    mine = {"code": "you_seek", "offer": "Expertise de sinistres", "terms": [], "situation": WATER}
    theirs = {"code": "they_seek", "need": "On a pris l'eau", "terms": [], "situation": WATER}
    with translation.override("en"):
        assert word(mine, "Claire") == (
            "You mention water damage: Claire assesses insurance claims (“Expertise de sinistres”)."
        )
        assert word({**mine, "offer": ""}, "Claire") == (
            "You mention water damage: Claire assesses insurance claims."
        )
        assert word(theirs, "Paul") == (
            "Paul mentions water damage (“On a pris l'eau”): you can help with claims assessment."
        )


def test_every_situation_and_matter_reads_in_english():
    reasons = []
    for service, (does, _phrases) in SERVICES.items():
        for situation in [s for s, (_w, answers) in SITUATIONS.items() if service in answers] + [
            FAMILIES[service][0]
        ]:
            found = {"situation": situation, "service": service, "does": does}
            reasons.append({"code": "you_seek", "offer": "", "terms": [], "situation": found})
            reasons.append({"code": "they_seek", "need": "", "terms": [], "situation": found})
    with translation.override("en"):
        texts = word_all(reasons, "Claire")
    assert len(texts) == len(reasons) > 400
    assert [t for t in texts if _french_names_in(t)] == []


def test_a_name_this_version_no_longer_knows_is_not_shown_in_english():
    gone = {**WATER, "situation": "un nom d'avant", "service": "un service d'avant"}
    mine = {"code": "you_seek", "offer": "Expertise de sinistres", "terms": [], "situation": gone}
    with translation.override("en"):
        assert word(mine, "Claire") == (
            "Claire offers “Expertise de sinistres”, which answers your need."
        )
    with translation.override("fr"):
        assert "un nom d'avant" in word(mine, "Claire")  # French keeps the stored wording


# A reason stored before the rule that only a situation the need told is said so: the
# member asked for a part-time finance director, the map's matter of that trade was said.
STORED_MATTER = {
    "situation": "une trésorerie imprévisible",
    "service": "direction financière",
    "does": "pilote les finances",
}


@pytest.mark.parametrize("situation", [STORED_MATTER, {**STORED_MATTER, "by": "trade"}])
def test_a_matter_the_need_did_not_tell_is_never_said_in_either_language(situation):
    mine = {"code": "you_seek", "offer": "Mon métier", "terms": [], "situation": situation}
    theirs = {"code": "they_seek", "need": "un DAF", "terms": [], "situation": situation}
    with translation.override("fr"):
        assert word(mine, "David") == (
            "David propose «\u00a0Mon métier\u00a0», ce qui répond à votre besoin en "
            "direction financière."
        )
        assert word(theirs, "Paul") == (
            "Paul cherche «\u00a0un DAF\u00a0»\u00a0: vous pouvez l'aider en direction financière."
        )
    with translation.override("en"):
        assert word(mine, "David") == (
            "David offers “Mon métier”, which meets your need for financial management."
        )
        assert word(theirs, "Paul") == (
            "Paul is looking for “un DAF”: you can help with financial management."
        )


def test_a_renamed_situation_of_a_known_service_is_worded_by_its_service():
    gone = {**WATER, "situation": "un nom d'avant"}
    mine = {"code": "you_seek", "offer": "Expertise de sinistres", "terms": [], "situation": gone}
    with translation.override("fr"):
        assert word(mine, "Claire").endswith("votre besoin en expertise des sinistres.")
    with translation.override("en"):
        assert word(mine, "Claire").endswith("your need for claims assessment.")


def test_shared_topics_are_named_in_the_readers_language():
    with translation.override("en"):
        assert [topic(t) for t in ("comptabilité", "usinage de précision")] == [
            "accounting",
            "usinage de précision",  # a member's own words
        ]
    with translation.override("fr"):
        assert topic("comptabilité") == "comptabilité"


@pytest.fixture
def leak(world):
    """Paul's workshop was flooded; Claire, in the bridged circle, assesses claims."""
    paul = member("paul@example.org", "Paul", "Girard", world["industry"], needs=LEAK, sector="C")
    claire = member(
        "claire@example.org", "Claire", "Noël", world["finance"], offers=CLAIMS, sector="K"
    )
    return paul, claire


def test_an_english_member_reads_the_introduction_in_english(client, leak):
    paul, claire = leak
    run_round(force=True)
    intro = Introduction.objects.get(member_a__in=leak, member_b__in=leak)
    data = intro.reason_data(paul)
    assert any(isinstance(r, dict) and "situation" in r for r in data), data
    client.force_login(paul)
    url = reverse("intros:detail", args=[intro.pk])
    assert "Vous parlez d'un dégât des eaux" in _get(client, url)
    client.cookies["django_language"] = "en"
    for page in (_get(client, url), _get(client, reverse("intros:home"))):
        assert "You mention water damage: Claire Noël assesses insurance claims" in page
    with translation.override("en"):
        shown = intro.reasons_for(paul) + intro.reasons_for(claire)
    assert shown and [r for r in shown if _french_names_in(r)] == []
    assert not any("Vous parlez" in r or " parle " in r for r in shown)


def test_asking_for_a_part_time_finance_director_is_not_told_a_situation(client, world):
    """The demo's « Demander au réseau »: the reasons say what the offer answers, in
    French and in English, and never name a matter the member did not speak of."""
    asker = member("julien@example.org", "Julien", "Moreau", world["industry"], sector="C")
    member(
        "david@example.org",
        "David",
        "Roche",
        world["finance"],
        sector="K",
        offers="Direction administrative et financière à temps partagé, deux jours par mois : "
        "je structure la trésorerie et le pilotage financier des PME industrielles.",
    )
    client.force_login(asker)
    url, q = reverse("intros:ask"), "je cherche un directeur financier à temps partiel"
    french = _get(client, url, q=q)
    assert "David Roche propose" in french
    assert "ce qui répond à votre besoin en direction financière" in french
    assert "Vous parlez" not in french and "imprévisible" not in french
    client.cookies["django_language"] = "en"
    english = _get(client, url, q=q)
    assert "which meets your need for financial management" in english
    assert "You mention" not in english and "unpredictable" not in english


def test_an_english_member_asking_the_network_reads_english_reasons(client, leak):
    paul, _claire = leak
    client.force_login(paul)
    url = reverse("intros:ask")
    assert "Vous parlez d'un dégât des eaux" in _get(client, url, q=LEAK)
    client.cookies["django_language"] = "en"
    english = _get(client, url, q=LEAK)
    assert "You mention water damage: Claire Noël assesses insurance claims" in english
    assert "Vous parlez" not in english
    assert _french_names_in(english) == []


@pytest.mark.skipif(bundled_model_path() is None, reason="optional extra 'semantic' absent")
def test_a_match_through_the_services_block_names_the_service_it_found():
    """A situation no map phrase words meets the sign maker through the services block
    (the mixed path): the reason says so, in French and in English; the lexical path and
    an offer of another kind say nothing of it."""
    need = "Les passants ne remarquent même pas notre boutique depuis le trottoir."
    signs = "Fabrication et pose d'enseignes lumineuses et de vitrophanie."
    web = "Création de sites internet pour commerçants."
    corpus = [need, signs, web, "Expert-comptable pour commerces de proximité."]
    lexical = RelevanceModel().fit(corpus)
    assert lexical.situations_met(need, signs) == []  # nothing in its words
    mixed = RelevanceModel(semantic=load_encoder()).fit(corpus)
    found = mixed.situations_met(need, signs)
    assert [f["service"] for f in found] == ["enseignes"]
    assert mixed.situations_met(need, web) == []
    mine = pair_reasons({"relevance_ab": 0.3}, other_offer=signs, situation_yours=found[0])[0]
    theirs = pair_reasons({"relevance_ba": 0.3}, other_need=need, situation_theirs=found[0])[0]
    # Found by the encoder, not told in the need's words: the service is named, never
    # « vous parlez d'une façade invisible ».
    assert "situation" not in mine and mine["terms"] == ["enseignes"]
    with translation.override("fr"):
        assert word(mine, "Claire").endswith("ce qui répond à votre besoin en enseignes.")
        assert word(theirs, "Paul").endswith("vous pouvez l'aider en enseignes.")
    with translation.override("en"):
        assert word(mine, "Claire").endswith("which meets your need for signage.")
        assert word(theirs, "Paul").endswith("you can help with signage.")
