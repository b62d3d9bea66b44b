"""Introductions through the API: reasons, double opt-in, a decline never shown, CSRF."""

import pytest
from django.core import mail
from django.test import Client

from passerelles.intros.models import Introduction
from passerelles.intros.rounds import run_round
from tests.intros.conftest import world  # noqa: F401 (two bridged circles, six members)


@pytest.fixture
def suggestion(world):  # noqa: F811
    run_round(force=True)
    return Introduction.objects.get(member_a=world["marc"], member_b=world["sophie"])


def _item(client, intro):
    return client.get(f"/api/introductions/{intro.pk}").json()


def test_suggestions_come_with_their_reasons(client, world, suggestion):  # noqa: F811
    client.force_login(world["marc"])
    items = client.get("/api/introductions").json()["items"]
    mine = next(i for i in items if i["id"] == suggestion.pk)
    assert mine["status"] == "to_answer" and mine["other"]["name"] == "Sophie Lambert"
    assert "Vous n'avez aucun cercle en commun." in mine["reasons"]
    assert mine["contact_email"] is None


def test_both_accept_then_each_gets_the_other_s_contact(
    client,
    world,  # noqa: F811
    suggestion,
    django_capture_on_commit_callbacks,
):
    client.force_login(world["marc"])
    answer = client.post(
        f"/api/introductions/{suggestion.pk}/decision", {"accept": True}, "application/json"
    )
    assert answer.status_code == 200 and answer.json()["status"] == "waiting"
    assert answer.json()["contact_email"] is None
    client.force_login(world["sophie"])
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            f"/api/introductions/{suggestion.pk}/decision", {"accept": True}, "application/json"
        )
    assert answer.json()["status"] == "accepted"
    assert answer.json()["contact_email"] == world["marc"].email
    client.force_login(world["marc"])
    assert _item(client, suggestion)["contact_email"] == world["sophie"].email
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world["marc"].email, world["sophie"].email]
    )


def test_a_decline_is_never_shown_to_the_other_side(client, world, suggestion):  # noqa: F811
    client.force_login(world["marc"])
    client.post(
        f"/api/introductions/{suggestion.pk}/decision", {"accept": True}, "application/json"
    )
    client.force_login(world["sophie"])
    declined = client.post(
        f"/api/introductions/{suggestion.pk}/decision", {"accept": False}, "application/json"
    )
    assert declined.json()["status"] == "declined"
    client.force_login(world["marc"])
    item = _item(client, suggestion)
    assert item["status"] == "waiting" and item["contact_email"] is None


def test_answering_twice_is_refused_with_the_page_s_message(client, world, suggestion):  # noqa: F811
    client.force_login(world["marc"])
    url = f"/api/introductions/{suggestion.pk}/decision"
    client.post(url, {"accept": True}, "application/json")
    again = client.post(url, {"accept": False}, "application/json")
    assert again.status_code == 400 and again.json() == {"detail": "Vous avez déjà répondu."}
    assert _item(client, suggestion)["status"] == "waiting"


def test_bad_input_is_a_clear_422_and_changes_nothing(client, world, suggestion):  # noqa: F811
    client.force_login(world["marc"])
    url = f"/api/introductions/{suggestion.pk}/decision"
    assert client.post(url, {"accept": "peut-être"}, "application/json").status_code == 422
    assert client.post(url, "pas du json", "application/json").status_code in (400, 422)
    assert _item(client, suggestion)["status"] == "to_answer"


def test_writes_need_the_csrf_token_of_the_session(world, suggestion):  # noqa: F811
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["marc"])
    url = f"/api/introductions/{suggestion.pk}/decision"
    assert client.post(url, {"accept": True}, "application/json").status_code == 403
    client.get("/api/me")  # any page sets the cookie; a script sends it back as a header
    client.get("/mises-en-relation/")
    token = client.cookies["csrftoken"].value
    answer = client.post(url, {"accept": True}, "application/json", HTTP_X_CSRFTOKEN=token)
    assert answer.status_code == 200


def test_someone_else_s_introduction_is_not_found(client, world, suggestion):  # noqa: F811
    client.force_login(world["bob"])
    assert client.get(f"/api/introductions/{suggestion.pk}").status_code == 404
    url = f"/api/introductions/{suggestion.pk}/decision"
    assert client.post(url, {"accept": False}, "application/json").status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.status == "proposed"


def test_an_intermediary_sees_both_people_by_name_only(client, world):  # noqa: F811
    from passerelles.intros import actions
    from passerelles.intros.models import Preference, Scope
    from passerelles.members.models import Visibility
    from tests.intros.conftest import vouch

    odile = world["owners"][0]
    Preference.objects.create(user=odile, consent=True, scope=Scope.ALL)
    vouch(world["marc"], odile)
    vouch(odile, world["karl"])
    asked = actions.do_request_introduction(
        world["karl"], acting_user=world["marc"], need="un conseiller export", intermediary=odile
    )
    world["marc"].profile.headline = "Dirigeant discret"
    world["marc"].profile.visibility = Visibility.CIRCLES
    world["marc"].profile.save()
    client.force_login(odile)
    item = _item(client, asked)
    assert item["as_intermediary"] and item["status"] == "to_answer"
    assert item["other"]["name"] == "Marc Fournier" and item["target"] == "Karl Weber"
    assert item["other"]["headline"] == "" and item["other"]["organisation"] == ""
    assert item["contact_email"] is None
    client.force_login(world["karl"])  # the person sought sees nothing yet
    assert client.get(f"/api/introductions/{asked.pk}").status_code == 404


def test_the_list_comes_in_pages(client, world, suggestion):  # noqa: F811
    client.force_login(world["marc"])
    first = client.get("/api/introductions", {"page_size": 1}).json()
    assert first["count"] >= 1 and len(first["items"]) == 1
    assert first["items"][0]["target"] is None
