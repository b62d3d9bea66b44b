"""Every page of the journeys, on a small living ecosystem, has no serious or critical
axe-core violation, on a desktop screen and on a phone, in French and in English; on a
phone none of the visitor's, the member's, the organiser's and the platform admin's pages
scrolls sideways (« Mes tables » and the table plan have their own phone checks)."""

import pytest
from django.core.management import call_command

from passerelles.circles.models import Circle
from passerelles.demo.logins import DEMO_LOGINS
from passerelles.events.actions import do_register
from passerelles.events.models import Event, EventFormat
from passerelles.intros.models import Introduction
from tests.conftest import make_circle, make_user
from tests.e2e.conftest import LABEL_ROOM, accessibility_violations, login
from tests.events.conftest import make_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MEMBER, ORGANISER, ADMIN = (email for _role, email, _pw in DEMO_LOGINS)
PASSWORD = DEMO_LOGINS[0][2]


PHONE = (375, 812)


def sideways_scroll(page) -> list[str]:
    """On a phone the page never scrolls sideways (WCAG 1.4.10, reflow); a wide table
    scrolls inside its own frame."""
    wide = page.evaluate("document.documentElement.scrollWidth")
    return [f"the page is {wide} px wide"] if wide > PHONE[0] else []


def _pages(member_email: str) -> list[str]:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(email=member_email)
    club = (
        Circle.objects.filter(memberships__user=user).order_by("pk").first()
        or Circle.objects.order_by("pk").first()
    )
    event = Event.objects.filter(host_circle=club).order_by("-starts_at").first()
    intro = Introduction.objects.filter(member_a=user).first()
    pages = [
        "/accueil/",
        "/cercles/",
        club.get_absolute_url(),
        f"{club.get_absolute_url()}membres/",
        f"{club.get_absolute_url()}passerelles/",
        "/membres/",
        "/membres/moi/",
        "/membres/moi/donnees/",
        f"/membres/{user.profile.pk}/",
        "/confiance/",
        "/mises-en-relation/",
        "/mises-en-relation/preferences/",
        "/mises-en-relation/demander/?q=export",
        "/evenements/",
        "/discussions/",
        f"/tableaux-de-bord/cercle/{club.slug}/",
    ]
    if event is not None:
        pages += [f"/evenements/{event.pk}/", f"/evenements/{event.pk}/programme/"]
    if intro is not None:
        pages.append(f"/mises-en-relation/{intro.pk}/")
    return pages


def test_journey_pages_have_no_serious_accessibility_violation(new_page, live_server):
    call_command("seed", members=150, circles=12, seed=1, verbosity=0)
    found = []
    for width, height in ((1280, 900), PHONE):
        visitor = new_page(width, height)
        for url in ("/", "/compte/login/", "/compte/signup/", "/compte/password/reset/"):
            visitor.goto(url)
            found += [f"{width}px {url}: {v}" for v in accessibility_violations(visitor)]
            if width == PHONE[0]:
                found += [f"{width}px {url}: {w}" for w in sideways_scroll(visitor)]
    organiser_club = _pages(ORGANISER)[2]
    for email, extra, sizes in (
        (MEMBER, ["/notifications/", "/notifications/reglages/"], (PHONE,)),
        (ORGANISER, [f"{organiser_club}journal/"], ((1280, 900), PHONE)),
        (ADMIN, ["/tableaux-de-bord/plateforme/", "/cercles/journal/"], ((1280, 900), PHONE)),
    ):
        for width, height in sizes:
            page = new_page(width, height)
            login(page, email, PASSWORD)
            for url in _pages(email) + extra:
                page.goto(url)
                found += [f"{width}px {url}: {v}" for v in accessibility_violations(page)]
                if width == PHONE[0]:
                    found += [f"{width}px {url}: {w}" for w in sideways_scroll(page)]
    english = new_page(1280, 900)
    login(english, MEMBER, PASSWORD)
    english.goto("/accueil/")
    with english.expect_navigation():
        english.select_option("#lang-select", "en")
    for url in _pages(MEMBER):
        english.goto(url)
        found += [f"en {url}: {v}" for v in accessibility_violations(english)]
    assert not found, "\n".join(found)


def test_language_switch_is_readable_on_a_phone(new_page, live_server):
    """On a phone the landing page's header is full (two buttons): the language switch
    still shows « FR », not a squeezed « F »."""
    page = new_page(390, 844)
    page.goto("/")
    room = page.eval_on_selector("#lang-select", LABEL_ROOM)
    assert room >= 0, f"the language's label is cut by {-room:.0f} px"


def test_a_checkbox_and_its_label_share_a_line_on_a_phone(new_page, live_server):
    """A checkbox's label too long for the line wraps beside its box instead of falling
    below it as a whole (« Seulement les personnes pointées présentes » read as a heading
    under a box of its own)."""
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    club = make_circle(claire, "Club des Entrepreneurs de la Croix-Rousse")
    event = make_event(claire, club, format=EventFormat.SPEED_MEETING)
    page = new_page(*PHONE)
    login(page, "claire@example.org")
    page.goto(f"/evenements/{event.pk}/plan-de-table/")
    box = page.locator("input[name=checked_in_only]").bounding_box()
    text_top = page.eval_on_selector(
        "label:has(input[name=checked_in_only])",
        """label => { const range = document.createRange(); range.selectNodeContents(label);
           range.setStartAfter(label.querySelector('input'));
           return range.getClientRects()[0].top; }""",
    )
    assert text_top < box["y"] + box["height"], "the label starts below its checkbox"


def test_the_personal_tables_link_fits_a_phone(new_page, live_server):
    """« Mes tables » shows the personal link in full: a long address breaks across lines
    instead of widening the page."""
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    club = make_circle(claire, "Club des Entrepreneurs de la Croix-Rousse")
    event = make_event(claire, club, format=EventFormat.SPEED_MEETING)
    do_register(event, acting_user=claire)
    page = new_page(*PHONE)
    login(page, "claire@example.org")
    page.goto(f"/evenements/{event.pk}/mes-tables/")
    assert page.locator("a[href*='/evenements/mes-tables/']").count() == 1
    assert sideways_scroll(page) == []


def test_checkboxes_keep_their_size_beside_a_long_label_on_a_phone(new_page, live_server):
    """A circle's sectors on a phone: a box beside a label of two lines keeps its size
    (it shrank beside « Eau, assainissement, déchets et dépollution »)."""
    make_user("claire@example.org", "Claire", "Lefèvre")
    page = new_page(*PHONE)
    login(page, "claire@example.org")
    page.goto("/cercles/nouveau/")
    widths = page.eval_on_selector_all(
        "input[name=sector_choices]", "boxes => boxes.map(b => b.getBoundingClientRect().width)"
    )
    assert len(widths) > 10 and max(widths) - min(widths) < 0.5, widths
