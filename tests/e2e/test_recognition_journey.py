"""A platform admin recognises a new circle: its owner is told why it does not anchor
trust yet, the admin finds it among the circles awaiting recognition and recognises it."""

import pytest

from passerelles.circles import actions
from passerelles.circles.models import Circle
from passerelles.trust import graph as trust_graph
from tests.conftest import make_user
from tests.e2e.conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_platform_admin_recognises_a_new_circle(new_page):
    owner = make_user("lea@example.org", "Léa", "Garnier")
    operator = make_user("ops@example.org", "Opé", "Rateur", is_staff=True, is_superuser=True)
    circle = actions.do_create_circle(
        acting_user=owner, name="Club Export Grenoble", kind="club", city="Grenoble"
    )
    assert owner.pk not in trust_graph.reputation_seeds()

    owner_page = new_page()
    login(owner_page, owner.email)
    owner_page.goto(circle.get_absolute_url())
    assert owner_page.get_by_text("ne sert de point d'ancrage").is_visible()
    screenshot(owner_page, "circle-awaiting-recognition")

    admin_page = new_page()
    login(admin_page, operator.email)
    admin_page.goto(circle.get_absolute_url())
    admin_page.get_by_role("link", name="Cercles en attente de reconnaissance").click()
    admin_page.screenshot(path=str(_shots() / "admin-circles-awaiting-recognition.png"))
    assert admin_page.get_by_role("link", name="Club Export Grenoble").is_visible()
    admin_page.screenshot(path=str(_shots() / "admin-circles-awaiting-recognition.png"))
    admin_page.goto(circle.get_absolute_url())
    admin_page.get_by_role("button", name="Reconnaître ce cercle").click()
    assert admin_page.get_by_text("est reconnu par la plateforme").is_visible()
    assert admin_page.get_by_text("Reconnu par la plateforme", exact=True).is_visible()
    screenshot(admin_page, "circle-recognised")

    assert Circle.objects.get(pk=circle.pk).recognised
    assert owner.pk in trust_graph.reputation_seeds()
    owner_page.reload()
    assert owner_page.get_by_text("Reconnu par la plateforme", exact=True).is_visible()
    assert not owner_page.get_by_text("ne sert de point d'ancrage").is_visible()


def _shots():
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
