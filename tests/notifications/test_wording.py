"""Notices and their e-mails read as French sentences: a circle's name takes its article
(« proposée par le Club … au Cercle … », « rejoindre les Anciens … »), a name starting
with a vowel elides « de » (« d'Alice Martin et de Bob Durand »), an event's title stands
in quotes (« Speed meeting : … » after « Inscription confirmée : » read as two colons),
a name that is plural never agrees with a singular verb (a circle is named as the agent
of a passive); in English, the bare names."""

import re

import pytest
from django.utils import translation

from passerelles.circles import actions as circles
from passerelles.notifications.kinds import KINDS, worded
from tests.conftest import make_circle, make_user

NAMES = {
    "circle": "Anciens de l'École",
    "to_circle": "Club des Entrepreneurs de Lyon",
    "names": ["Alice Martin", "Éric Lenoir"],
    "by": "Alice Martin",
    "title": "Speed meeting : la transformation de la société",
    "name": "Nora Benali",
    "asker": "Éric Lenoir",
    "target": "Bob Durand",
    "leaver": "Éric Lenoir",
}
COMMON_NOUNS = "Club|Cercle|Chambre|Association|Anciens|Réseau"
# A preposition or a verb right before a name that starts with a common noun: the article
# is missing (« à Club des … », « avec Club … », « rejoindre Anciens … »).
BARE = re.compile(rf"\b(à|de|avec|par|rejoindre|pour) ({COMMON_NOUNS})\b")
UNELIDED = re.compile(r"\bde [AEIOUÉ]")


def _all_texts(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            f"{kind.key}/{part}": worded(getattr(kind, part), NAMES)
            for kind in KINDS.values()
            for part in ("text", "subject")
        }


def test_every_notice_reads_in_french():
    texts = _all_texts("fr")
    assert all(texts.values()), [k for k, v in texts.items() if not v]
    assert [k for k, v in texts.items() if BARE.search(v)] == []
    assert [k for k, v in texts.items() if UNELIDED.search(v)] == []
    # A title with its own colon stands in quotes, never after another colon bare.
    assert [k for k, v in texts.items() if "Speed" in v and "« Speed" not in v] == []
    assert texts["bridge_requested/text"] == (
        "Passerelle proposée par les Anciens de l'École au Club des Entrepreneurs de Lyon"
    )
    assert texts["bridge_accepted/text"] == (
        "La passerelle proposée par les Anciens de l'École au Club des Entrepreneurs de "
        "Lyon est acceptée"
    )
    assert texts["bridge_declined/subject"] == (
        "[Passerelles] Passerelle déclinée par le Club des Entrepreneurs de Lyon"
    )
    assert texts["admitted_vouched/text"].endswith(
        "sur la recommandation d'Alice Martin et d'Éric Lenoir"
    )
    assert texts["declined/text"] == (
        "Votre demande pour rejoindre les Anciens de l'École n'a pas été retenue"
    )
    assert texts["event_cancelled/text"] == (
        "L'événement « Speed meeting : la transformation de la société » est annulé"
    )
    assert texts["requested/subject"] == (
        "[Passerelles] Une demande de mise en relation d'Éric Lenoir"
    )
    # Every e-mail's subject says where it comes from.
    assert [
        k for k, v in texts.items() if k.endswith("/subject") and "[Passerelles]" not in v
    ] == []


def test_every_notice_reads_in_english_with_the_bare_names():
    texts = _all_texts("en")
    assert all(texts.values())
    assert texts["bridge_accepted/text"] == (
        "The bridge proposed by Anciens de l'École to Club des Entrepreneurs de Lyon is accepted"
    )
    assert texts["admitted_vouched/text"].endswith(
        "on the recommendation of Alice Martin and Éric Lenoir"
    )
    assert texts["registered/text"] == (
        "Your place is booked for “Speed meeting : la transformation de la société”"
    )
    french_words = re.compile(r"\b(le|la|les|du|des|au|aux|d'|l')\s?(Club|Anciens|Alice|Éric)")
    assert [k for k, v in texts.items() if french_words.search(v)] == []


@pytest.fixture
def chamber(db):
    owner = make_user("chantal@example.org", "Chantal", "Roy")
    return make_circle(owner, "Chambre de Métiers du Rhône"), owner


def test_the_bridge_e_mails_name_the_circles_with_their_article(
    alice, club, chamber, mailoutbox, django_capture_on_commit_callbacks
):
    circle, owner = chamber
    with django_capture_on_commit_callbacks(execute=True):
        bridge = circles.do_request_bridge(club, circle, acting_user=alice)
    (asked,) = [m for m in mailoutbox if m.to == [owner.email]]
    assert (
        asked.subject == "[Passerelles] Passerelle proposée par le Club des Entrepreneurs de Lyon"
    )
    assert (
        "Une passerelle est proposée à la Chambre de Métiers du Rhône par le Club des "
        "Entrepreneurs de Lyon." in asked.body
    )
    with django_capture_on_commit_callbacks(execute=True):
        circles.do_answer_bridge(bridge, acting_user=owner, accept=True)
    (answer,) = [m for m in mailoutbox if m.to == [alice.email]]
    assert answer.subject == "[Passerelles] Passerelle acceptée par la Chambre de Métiers du Rhône"
    assert (
        "La passerelle proposée par le Club des Entrepreneurs de Lyon à la Chambre de "
        "Métiers du Rhône est acceptée : vos membres se voient désormais" in answer.body
    )
