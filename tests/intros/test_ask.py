""" "Demander au réseau": visible people only, explained, direct or warm requests."""

import pytest
from django.urls import reverse

from passerelles.intros import ask
from passerelles.intros.models import Introduction, Preference, Scope, Status
from passerelles.members.models import Visibility
from tests.conftest import make_circle, make_user
from tests.intros.conftest import member, vouch

NEED = "je cherche un accompagnement à l'export en Allemagne"


def names(answers):
    return [a.profile.name for a in answers]


def test_ranked_and_explained(world):
    answers = ask.ask(world["marc"], NEED)
    assert names(answers)[0] == "Karl Weber"
    reasons = " ".join(answers[0].reasons)
    assert "Karl Weber propose" in reasons and "allemand" in reasons.lower()
    assert "aucun cercle en commun" in reasons


def test_only_visible_consenting_people(world):
    owner = make_user("elsewhere@example.org", "Eva", "Ailleurs")
    hidden = make_circle(owner, "Cercle fermé", listed=False)
    secret = member(
        "secret@example.org",
        "Sarah",
        "Secret",
        hidden,
        offers="accompagnement à l'export en Allemagne, marché allemand",
    )
    secret.profile.visibility = Visibility.CIRCLES
    secret.profile.save()
    Preference.objects.filter(user=world["karl"]).update(consent=False)
    found = names(ask.ask(world["marc"], NEED))
    assert "Sarah Secret" not in found and "Karl Weber" not in found
    # Visible to all, she is still not found while she may not see Marc in return...
    secret.profile.visibility = Visibility.ALL
    secret.profile.save()
    assert "Sarah Secret" not in names(ask.ask(world["marc"], NEED))
    # ...and is, once Marc shows his profile to all members too.
    world["marc"].profile.visibility = Visibility.ALL
    world["marc"].profile.save()
    assert "Sarah Secret" in names(ask.ask(world["marc"], NEED))


def test_target_scope_respected(world):
    Preference.objects.filter(user=world["karl"]).update(scope=Scope.CIRCLES)
    assert "Karl Weber" not in names(ask.ask(world["marc"], NEED))


def test_never_oneself_nor_blocked(world):
    Preference.objects.get(user=world["karl"]).blocked.add(world["marc"])
    assert "Karl Weber" not in names(ask.ask(world["marc"], NEED))
    assert "Marc Fournier" not in names(ask.ask(world["marc"], "usinage de précision"))


def test_index_rebuilt_when_profiles_change(world):
    assert "Bob Durand" not in names(ask.ask(world["marc"], "traduction juridique en japonais"))
    world["bob"].profile.offers = "traduction juridique en japonais"
    world["bob"].profile.save()
    assert "Bob Durand" in names(ask.ask(world["marc"], "traduction juridique en japonais"))


def test_page_lists_answers(client, world):
    client.force_login(world["marc"])
    page = client.get(reverse("intros:ask"), {"q": NEED}).content.decode()
    assert "Karl Weber" in page and "Demander une mise en relation directe" in page
    assert "karl@example.org" not in page


def test_direct_request_asks_the_person(client, world):
    client.force_login(world["marc"])
    response = client.post(
        reverse("intros:request", args=[world["karl"].pk]), {"need": NEED, "message": "Bonjour"}
    )
    intro = Introduction.objects.get(member_a=world["marc"], member_b=world["karl"])
    assert response.status_code == 302 and response.url == intro.get_absolute_url()
    assert intro.status == Status.ACCEPTED_BY_A and intro.origin == "ask"
    assert intro.reasons["a"] and "Marc Fournier vous a trouvé" in intro.reasons["b"][0]
    assert world["karl"].intro_notices.exists()
    assert intro.shown_status(world["karl"]) == "to_answer"


@pytest.fixture
def warm(world):
    """Marc trusts Odile (his club's owner), who vouches for Karl."""
    odile = world["owners"][0]
    vouch(world["marc"], odile)
    vouch(odile, world["karl"])
    return odile


def test_trust_path_and_intermediary_shown(client, world, warm):
    answers = ask.ask(world["marc"], NEED)
    karl = next(a for a in answers if a.profile.user == world["karl"])
    assert karl.intermediary.user == warm
    assert any("Odile Arnaud, en qui vous avez confiance" in r for r in karl.reasons)
    client.force_login(world["marc"])
    page = client.get(reverse("intros:ask"), {"q": NEED}).content.decode()
    assert "Être présenté(e) par Odile Arnaud" in page


def test_warm_request_asks_the_intermediary_first(
    client, world, warm, django_capture_on_commit_callbacks
):
    from django.core import mail

    client.force_login(world["marc"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("intros:request", args=[world["karl"].pk]), {"need": NEED, "warm": "on"}
        )
    intro = Introduction.objects.get(member_a=world["marc"], member_b=world["karl"])
    assert intro.status == Status.INTERMEDIARY and intro.intermediary == warm and intro.warm
    assert [m.to for m in mail.outbox] == [[warm.email]]
    # Karl sees nothing yet.
    client.force_login(world["karl"])
    assert client.get(reverse("intros:detail", args=[intro.pk])).status_code == 404
    assert not world["karl"].intro_notices.exists()
    # Odile agrees; now Karl is asked.
    client.force_login(warm)
    assert "Marc Fournier" in client.get(reverse("intros:home")).content.decode()
    client.post(reverse("intros:decide", args=[intro.pk]), {"decision": "accept"})
    intro.refresh_from_db()
    assert intro.status == Status.ACCEPTED_BY_A
    client.force_login(world["karl"])
    assert client.get(reverse("intros:detail", args=[intro.pk])).status_code == 200
    client.post(reverse("intros:decide", args=[intro.pk]), {"decision": "accept"})
    intro.refresh_from_db()
    assert intro.status == Status.ACCEPTED


def test_intermediary_decline_is_not_revealed(client, world, warm):
    client.force_login(world["marc"])
    client.post(reverse("intros:request", args=[world["karl"].pk]), {"need": NEED, "warm": "on"})
    intro = Introduction.objects.get(member_a=world["marc"], member_b=world["karl"])
    client.force_login(warm)
    client.post(reverse("intros:decide", args=[intro.pk]), {"decision": "decline"})
    intro.refresh_from_db()
    assert intro.status == Status.DECLINED
    assert intro.shown_status(world["marc"]) == "waiting"
    client.force_login(world["karl"])
    assert client.get(reverse("intros:detail", args=[intro.pk])).status_code == 404


def test_request_needs_consent(client, world):
    Preference.objects.filter(user=world["marc"]).update(consent=False)
    client.force_login(world["marc"])
    client.post(reverse("intros:request", args=[world["karl"].pk]), {"need": NEED})
    assert not Introduction.objects.exists()


def test_request_to_someone_not_introducible_is_404(client, world):
    Preference.objects.filter(user=world["karl"]).update(consent=False)
    client.force_login(world["marc"])
    response = client.post(reverse("intros:request", args=[world["karl"].pk]), {"need": NEED})
    assert response.status_code == 404


def test_request_never_repeats_a_pair(client, world):
    client.force_login(world["marc"])
    url = reverse("intros:request", args=[world["karl"].pk])
    client.post(url, {"need": NEED})
    client.post(url, {"need": NEED})
    assert Introduction.objects.count() == 1
