"""The introductions page's notice box counts what it lists, and says so: « Notifications
des mises en relation · 2 non lues », with a link to all notifications and their count,
the header bell's (it read « Notifications 2 » under a bell showing 5)."""

import re

from django.urls import reverse

from passerelles.notifications.notify import notify
from tests.conftest import make_user


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode().replace("&#x27;", "'"))


def test_the_box_and_the_bell_are_told_apart(client, db):
    marc = make_user("marc@example.org", "Marc", "Petit")
    for name in ("Sophie Lambert", "Karim Robin"):
        notify(marc, "suggested", url="/mises-en-relation/", name=name, email=False)
    for circle in ("Club A", "Club B", "Club C"):
        notify(marc, "invited", url="/cercles/", circle=circle, by="Alice", email=False)
    client.force_login(marc)
    page = _text(client.get(reverse("intros:home")))
    assert "Notifications des mises en relation" in page
    assert '<span class="badge badge-warn">2 non lues</span>' in page
    assert "Toutes mes notifications (5 non lues)" in page

    client.post(reverse("intros:notices_read"))
    page = _text(client.get(reverse("intros:home")))
    assert "non lues</span></h2>" not in page
    assert "Toutes mes notifications (3 non lues)" in page

    client.cookies["django_language"] = "en"
    page = _text(client.get(reverse("intros:home")))
    assert "Introduction notifications" in page and "All my notifications (3 unread)" in page
