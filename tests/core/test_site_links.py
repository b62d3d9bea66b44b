"""The header's links are reversed once per process (``core/site_links.py``) and read
exactly as ``{% url %}`` wrote them, under any script prefix."""

import pytest
from django.urls import reverse, set_script_prefix

from passerelles.core.site_links import NAMES, links

pytestmark = pytest.mark.django_db


def test_every_link_is_the_reversed_address():
    assert links() == {short: reverse(name) for short, name in NAMES.items()}


def test_a_script_prefix_has_its_own_links():
    try:
        set_script_prefix("/reseau/")
        assert links()["home"] == "/reseau/accueil/" == reverse("pages:home")
    finally:
        set_script_prefix("/")
    assert links()["home"] == "/accueil/"


def test_the_header_links_a_member_and_a_visitor_see(client, bob):
    page = client.get(reverse("pages:landing")).content.decode()
    for name in ("account_login", "account_signup", "circles:list"):
        assert f'href="{reverse(name)}"' in page
    client.force_login(bob)
    page = client.get(reverse("circles:list")).content.decode()
    for name in NAMES.values():
        if name in ("pages:landing", "account_login", "account_signup", "admin:index"):
            continue
        assert f'"{reverse(name)}"' in page, name
    assert f'href="{reverse("members:detail", args=[bob.profile.pk])}"' in page
    assert 'href="/cercles/" aria-current="page"' in page
    assert reverse("admin:index") not in page


def test_a_profile_page_with_its_own_links_keeps_the_header(client, bob):
    """A member's profile passes its web links to its template as ``links``: the header's
    addresses must not be read from them."""
    bob.profile.links = "https://example.org/bob"
    bob.profile.save()
    client.force_login(bob)
    page = client.get(reverse("members:detail", args=[bob.profile.pk])).content.decode()
    for name in ("pages:home", "circles:list", "intros:home", "account_logout"):
        assert f'"{reverse(name)}"' in page, name
    assert '<a href="">' not in page
