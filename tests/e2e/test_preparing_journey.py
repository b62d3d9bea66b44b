"""Right after a restart, while the scheduler prepares the indexes of members' texts,
« Demander au réseau » and a circle's bridges page say so politely, in French and in
English, and the search may be asked again. When no scheduler runs on a large site, they
say that nothing prepares them instead."""

import pytest
from django.core.cache import cache

from passerelles.intros import warm
from passerelles.intros.models import Preference, Scope
from tests.conftest import make_circle, make_user
from tests.e2e.conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_search_and_the_bridge_advice_say_they_are_being_prepared(new_page, settings):
    settings.INDEXES_BUILT_BY = "scheduler"  # a scheduler runs, and stored nothing yet
    warm.say_alive()
    owner = make_user("odile@example.org", "Odile", "Arnaud")
    Preference.objects.create(user=owner, consent=True, scope=Scope.ALL)
    club = make_circle(owner, "Club Industrie Rhône", department="69")
    page = new_page()
    login(page, "odile@example.org")
    page.goto("/mises-en-relation/demander/?q=un+expert-comptable+pour+une+levée+de+fonds")
    status = page.get_by_role("status")
    assert "Nous préparons la recherche" in status.inner_text()
    screenshot(page, "ask-preparing-fr")
    page.get_by_role("link", name="Relancer la recherche").click()
    assert page.input_value("input[name=q]") == "un expert-comptable pour une levée de fonds"
    assert "Nous préparons la recherche" in page.get_by_role("status").inner_text()
    page.goto(f"{club.get_absolute_url()}passerelles/")
    assert "Nous calculons ce que chaque passerelle" in page.get_by_role("status").inner_text()
    screenshot(page, "bridges-preparing-fr")

    with page.expect_navigation():
        page.select_option("#lang-select", "en")
    page.goto("/mises-en-relation/demander/?q=an+accountant")
    assert "We are preparing the search" in page.get_by_role("status").inner_text()
    screenshot(page, "ask-preparing-en")
    page.goto(f"{club.get_absolute_url()}passerelles/")
    assert "We are working out what each bridge" in page.get_by_role("status").inner_text()
    screenshot(page, "bridges-preparing-en")


def test_without_a_scheduler_a_large_site_says_that_nothing_prepares_them(new_page, settings):
    settings.INDEXES_BUILT_BY = "scheduler"
    settings.INDEX_BUILD_IN_REQUEST_MAX = 0
    cache.delete(warm.ALIVE_KEY)
    owner = make_user("odile@example.org", "Odile", "Arnaud")
    Preference.objects.create(user=owner, consent=True, scope=Scope.ALL)
    club = make_circle(owner, "Club Industrie Rhône", department="69")
    page = new_page()
    login(page, "odile@example.org")
    page.goto("/mises-en-relation/demander/?q=un+expert-comptable")
    assert "le service du site qui la prépare est arrêté" in page.get_by_role("status").inner_text()
    screenshot(page, "ask-no-scheduler-fr")
    page.goto(f"{club.get_absolute_url()}passerelles/")
    status = page.get_by_role("status").inner_text()
    assert "le service du site qui s'en charge est arrêté" in status
    screenshot(page, "bridges-no-scheduler-fr")
    with page.expect_navigation():
        page.select_option("#lang-select", "en")
    assert "the part of the site that does it is stopped" in page.get_by_role("status").inner_text()
