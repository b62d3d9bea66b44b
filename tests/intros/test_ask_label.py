"""« Demander au réseau »: the question's label ends with its ellipsis, not « … : »."""

from django.utils import translation

from passerelles.intros.forms import AskForm


def test_the_question_s_label_has_no_colon_after_its_ellipsis():
    assert ">Je cherche…</label>" in AskForm()["q"].label_tag()
    with translation.override("en"):
        assert ">I&#x27;m looking for…</label>" in AskForm()["q"].label_tag()


def test_a_question_too_long_is_told_not_a_blank_page(client, alice):
    from django.urls import reverse

    client.force_login(alice)
    page = client.get(reverse("intros:ask"), {"q": "x" * 301}).content.decode()
    assert 'role="alert"' in page and "300" in page
