"""The what-if page speaks to an organiser: no path of the source repository in its text
(« docs/simulation.md » was a dead end), the random draw named as a number to change
rather than a « graine », the checkbox beside its label, and the title's question mark
kept on its line (it fell alone onto the next one on a phone)."""

import re

from django.urls import reverse

from tests.conftest import make_circle, make_user


def _page(client, language: str = "fr") -> str:
    alice = make_user("alice@example.org", "Alice", "Martin")
    club = make_circle(alice, "Club des Entrepreneurs de Lyon")
    client.force_login(alice)
    client.cookies["django_language"] = language
    return client.get(reverse("insights:circle_simulation", args=[club.slug])).content.decode()


def test_the_what_if_page_reads_as_plain_words(client, db):
    html = _page(client)
    assert "docs/" not in html and "Graine" not in html
    assert "Tirage n°" in html and "Le même numéro rejoue les mêmes hasards" in html
    assert re.search(r'<label[^>]*>\s*<input type="checkbox" name="sans_intros"', html)
    assert "ouvrait une passerelle\u00a0?" in html


def test_the_what_if_page_in_english(client, db):
    html = _page(client, "en")
    assert "Draw no." in html and "The same number replays the same chances" in html
    assert "These are orders of magnitude, not promises." in html
    assert "What if… Club des Entrepreneurs de Lyon opened a bridge?" in html
