"""The bridges page names its circle in the browser's title (it read « Passerelles ·
Passerelles »), and its suggestions' lead reads as English in English."""

from django.urls import reverse
from django.utils import translation

LEAD = (
    "Les cercles avec lesquels une passerelle ouvrirait le plus de mises en relation utiles, "
    "d'après les besoins et les offres de vos membres, les liens qui existent déjà et la "
    "distance."
)


def test_the_bridges_page_s_title_names_its_circle(client, alice, club):
    client.force_login(alice)
    page = client.get(reverse("circles:bridges", args=[club.slug])).content.decode()
    assert "<title>Passerelles du Club des Entrepreneurs de Lyon · Passerelles</title>" in page


def test_the_suggestions_lead_reads_in_english():
    with translation.override("en"):
        assert translation.gettext(LEAD).startswith(
            "The circles whose bridge would open the most useful introductions, judged from"
        )
