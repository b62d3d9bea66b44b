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


def test_choosing_a_new_password_from_the_e_mailed_link(new_page, live_server):
    """The page of the reset link: « Annuler » is a quiet button beside the main one (it
    looked like a second main action), and no empty card under the form (allauth's hidden
    form for « Annuler » was drawn as one)."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    from tests.conftest import make_user

    user = make_user("nadia@example.org", "Nadia", "Roux")
    key = default_token_generator.make_token(user)
    page = new_page(*PHONE)
    page.goto(f"/compte/password/reset/key/{user_pk_to_url_str(user)}-{key}/")
    assert page.locator("input[name=password1]").is_visible()
    forms = page.locator("main form")
    visible = [forms.nth(k).is_visible() for k in range(forms.count())]
    assert visible.count(True) == 1, visible
    cancel = page.get_by_role("button", name="Annuler")
    background = cancel.evaluate("b => getComputedStyle(b).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent"), background
