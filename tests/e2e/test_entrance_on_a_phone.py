"""A visitor on a 375 px phone: the header's « Se connecter » and « Créer un compte » each
read on one line (« Se connecter » broke in two inside its button), and the sign-in page's
« Rester connecté » box sits beside its words, not under them like a heading."""

import pytest

from tests.e2e.test_accessibility import PHONE, sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ONE_LINE = """el => { const range = document.createRange(); range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size; }"""


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_visitors_header_and_sign_in_page_on_a_phone(new_page, live_server, language):
    page = new_page(*PHONE)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto("/compte/login/")
    buttons = page.locator(".header-tools .btn")
    assert buttons.count() == 2
    for k in range(2):
        assert buttons.nth(k).evaluate(ONE_LINE) == 1, buttons.nth(k).inner_text()
    assert sideways_scroll(page) == []

    box = page.locator("input[name=remember]").bounding_box()
    label = page.locator("label[for=id_remember]").bounding_box()
    assert label["x"] > box["x"] + box["width"], "the label is beside the box, after it"
    assert abs((label["y"] + label["height"] / 2) - (box["y"] + box["height"] / 2)) < 8
