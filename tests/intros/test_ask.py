""" "Demander au réseau": visible people only, explained, direct or warm requests."""

import pytest
from django.urls import reverse

from passerelles.core.errors import ActionError
from passerelles.intros import ask
from passerelles.intros.models import Introduction, Preference, Scope, Status
from passerelles.intros.queries import shown
from passerelles.members.models import Visibility
from passerelles.notifications.kinds import INTRODUCTION_KINDS
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


@pytest.mark.parametrize("reporter", ["marc", "karl"])
def test_never_someone_reported_either_way(client, world, reporter):
    from passerelles.trust.actions import do_report

    assert "Karl Weber" in names(ask.ask(world["marc"], NEED))
    other = "karl" if reporter == "marc" else "marc"
    do_report(world[other], "Démarchage insistant après une réunion.", acting_user=world[reporter])
    assert "Karl Weber" not in names(ask.ask(world["marc"], NEED))
    client.force_login(world["marc"])
    url = reverse("intros:request", args=[world["karl"].pk])
    assert client.post(url, {"message": "Bonjour"}).status_code == 404
    assert not Introduction.objects.filter(member_a=world["karl"]).exists()
    assert not Introduction.objects.filter(member_b=world["karl"]).exists()


def test_never_oneself_nor_blocked(world):
    Preference.objects.get(user=world["karl"]).blocked.add(world["marc"])
    assert "Karl Weber" not in names(ask.ask(world["marc"], NEED))
    assert "Marc Fournier" not in names(ask.ask(world["marc"], "usinage de précision"))


def test_index_rebuilt_when_profiles_change(world, clock):
    assert "Bob Durand" not in names(ask.ask(world["marc"], "traduction juridique en japonais"))
    world["bob"].profile.offers = "traduction juridique en japonais"
    world["bob"].profile.save()
    clock.now += ask.REBUILD_EVERY
    assert "Bob Durand" in names(ask.ask(world["marc"], "traduction juridique en japonais"))


def test_index_not_rebuilt_on_every_request_after_an_edit(world, clock, builds):
    ask.ask(world["marc"], NEED)
    for k in range(5):  # members keep editing their profiles while others ask
        world["bob"].profile.offers = f"développement web, version {k}"
        world["bob"].profile.save()
        ask.ask(world["marc"], NEED)
        clock.now += 1
    assert len(builds) == 1
    clock.now += ask.REBUILD_EVERY
    ask.ask(world["marc"], NEED)
    assert len(builds) == 2
    clock.now += ask.REBUILD_EVERY
    ask.ask(world["marc"], NEED)  # nothing changed since: checked, not rebuilt
    assert len(builds) == 2


def test_stale_index_never_shows_someone_no_longer_introducible(world, clock, builds):
    assert "Karl Weber" in names(ask.ask(world["marc"], NEED))
    Preference.objects.filter(user=world["karl"]).update(consent=False)
    world["karl"].profile.visibility = Visibility.CIRCLES
    world["karl"].profile.save()
    assert "Karl Weber" not in names(ask.ask(world["marc"], NEED))
    assert len(builds) == 1  # the stale index was served, filtered at question time


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
    assert intro.reasons_for(world["marc"])
    assert "ce que Marc Fournier a demandé au réseau" in intro.reasons_for(world["karl"])[0]
    assert intro.reasons["b"] == [{"code": "asked", "need": NEED}]  # worded when read
    assert world["karl"].notifications.filter(kind__in=INTRODUCTION_KINDS).exists()
    assert intro.shown_status(world["karl"]) == "to_answer"


@pytest.fixture
def warm(world):
    """Marc trusts Odile (his club's owner), who vouches for Karl and consented to
    introductions."""
    odile = world["owners"][0]
    Preference.objects.create(user=odile, consent=True, scope=Scope.ALL)
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
    assert "Demander à Odile Arnaud de vous présenter" in page


def test_a_direct_request_carries_no_trust_path_badge(client, world, warm):
    # Odile could have introduced them, but Marc asked Karl directly: she was never asked.
    client.force_login(world["marc"])
    client.post(reverse("intros:request", args=[world["karl"].pk]), {"need": NEED})
    intro = Introduction.objects.get(member_a=world["marc"], member_b=world["karl"])
    assert not intro.warm and shown(intro, world["marc"]).trusted_via == ""
    assert "Chemin de confiance" not in client.get(reverse("intros:home")).content.decode()


def test_an_intermediary_reached_through_others_is_not_called_trusted(world, warm):
    # Marc trusts Paul, who trusts Odile, who trusts Karl: Marc does not trust Odile himself.
    from passerelles.trust.models import Vouch

    Vouch.objects.filter(voucher=world["marc"], vouchee=warm).delete()
    paul = member("paul@example.org", "Paul", "Morel", world["industry"])
    vouch(world["marc"], paul)
    vouch(paul, warm)
    karl = next(a for a in ask.ask(world["marc"], NEED) if a.profile.user == world["karl"])
    assert karl.intermediary.user == warm and len(karl.path) == 2  # Paul, then Odile
    joined = " ".join(karl.reasons)
    assert "en qui vous avez confiance" not in joined
    assert "Des personnes de confiance vous relient à" in joined


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
    asked = "Marc Fournier vous demande de faire les présentations avec"
    assert asked in mail.outbox[0].body and "(e)" not in mail.outbox[0].body
    assert warm.notifications.get(kind="asked_to_introduce").shown.startswith(asked)
    # Karl sees nothing yet.
    client.force_login(world["karl"])
    assert client.get(reverse("intros:detail", args=[intro.pk])).status_code == 404
    assert not world["karl"].notifications.filter(kind__in=INTRODUCTION_KINDS).exists()
    # Odile agrees; now Karl is asked.
    client.force_login(warm)
    assert "Marc Fournier" in client.get(reverse("intros:home")).content.decode()
    assert intro.reasons_for(warm) == [
        # The need already says « je cherche »: not « Marc Fournier cherche « je cherche… » ».
        f"Marc Fournier : « {NEED} ». Cette personne vous demande de faire les présentations."
    ]
    assert "ce que Marc Fournier a demandé au réseau" in intro.reasons_for(world["karl"])[0]
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


# --- What "Demander au réseau" reveals about existing introductions ---------------------

MARC_OFFER = "je cherche un sous-traitant en usinage de précision"


def _warm_request(client, world):
    client.force_login(world["marc"])
    client.post(reverse("intros:request", args=[world["karl"].pk]), {"need": NEED, "warm": "on"})
    return Introduction.objects.get(member_a=world["marc"], member_b=world["karl"])


def _marc_for_karl(world):
    return next(a for a in ask.ask(world["karl"], MARC_OFFER) if a.profile.user == world["marc"])


def test_person_sought_not_told_while_the_intermediary_decides(client, world, warm):
    intro = _warm_request(client, world)
    assert intro.status == Status.INTERMEDIARY
    assert _marc_for_karl(world).existing is None
    client.force_login(world["karl"])
    page = client.get(reverse("intros:ask"), {"q": MARC_OFFER}).content.decode()
    assert "existe déjà" not in page
    assert reverse("intros:detail", args=[intro.pk]) not in page
    # Asking Marc himself gets the answer anyone not introducible gets, nothing more.
    response = client.post(
        reverse("intros:request", args=[world["marc"].pk]), {"need": MARC_OFFER}, follow=True
    )
    text = response.content.decode()
    assert "ne peut pas vous être présenté" in text and "existe déjà" not in text
    # The asker does see his own request.
    assert (
        next(a for a in ask.ask(world["marc"], NEED) if a.profile.user == world["karl"]).existing
        == intro
    )


def test_person_sought_not_told_after_the_intermediary_declined(client, world, warm):
    intro = _warm_request(client, world)
    client.force_login(warm)
    client.post(reverse("intros:decide", args=[intro.pk]), {"decision": "decline"})
    assert _marc_for_karl(world).existing is None


def test_person_sought_told_once_the_intermediary_agreed(client, world, warm):
    intro = _warm_request(client, world)
    client.force_login(warm)
    client.post(reverse("intros:decide", args=[intro.pk]), {"decision": "accept"})
    assert _marc_for_karl(world).existing == intro


# --- Who may be enlisted as an intermediary -----------------------------------------------


@pytest.fixture
def path_via_odile(world):
    """The same trust path as ``warm``, but Odile never consented to introductions."""
    odile = world["owners"][0]
    vouch(world["marc"], odile)
    vouch(odile, world["karl"])
    return odile


def test_intermediary_without_consent_is_not_offered(client, world, path_via_odile):
    karl = next(a for a in ask.ask(world["marc"], NEED) if a.profile.user == world["karl"])
    assert karl.intermediary is None
    client.force_login(world["marc"])
    page = client.get(reverse("intros:ask"), {"q": NEED}).content.decode()
    assert "Demander à Odile Arnaud" not in page
    assert "Demander une mise en relation directe" in page
    # Even a forged "warm" request makes a direct one: she is never asked.
    client.post(reverse("intros:request", args=[world["karl"].pk]), {"need": NEED, "warm": "on"})
    intro = Introduction.objects.get(member_a=world["marc"], member_b=world["karl"])
    assert intro.intermediary is None and not intro.warm
    assert intro.status == Status.ACCEPTED_BY_A
    assert not path_via_odile.notifications.filter(kind__in=INTRODUCTION_KINDS).exists()


def test_may_introduce_needs_consent_and_sight_of_the_target(world, warm):
    from passerelles.intros import access

    assert access.may_introduce(warm, world["karl"])
    world["karl"].profile.visibility = Visibility.CIRCLES  # Odile is not in his circle
    world["karl"].profile.save()
    assert not access.may_introduce(warm, world["karl"])
    world["karl"].profile.visibility = Visibility.BRIDGED
    world["karl"].profile.save()
    Preference.objects.filter(user=warm).update(consent=False)
    assert not access.may_introduce(warm, world["karl"])


def test_action_refuses_an_intermediary_without_consent(world, path_via_odile):
    from passerelles.intros import actions

    with pytest.raises(ActionError):
        actions.do_request_introduction(
            world["karl"], acting_user=world["marc"], need=NEED, intermediary=path_via_odile
        )
    assert not Introduction.objects.exists()


def test_action_refuses_an_intermediary_who_may_not_see_the_target(world, warm):
    from passerelles.intros import actions

    outsider = make_user("far@example.org", "Fabien", "Loin")
    Preference.objects.create(user=outsider, consent=True, scope=Scope.ALL)
    with pytest.raises(ActionError):
        actions.do_request_introduction(
            world["karl"], acting_user=world["marc"], need=NEED, intermediary=outsider
        )
    assert not Introduction.objects.exists()


def test_reason_quotes_the_offer_that_answers(world):
    profile = world["karl"].profile
    profile.offers = "conseil en recrutement de cadres ; accompagnement à l'export en Allemagne"
    profile.save()
    answers = ask.ask(world["marc"], NEED)
    karl = next(a for a in answers if a.profile.name == "Karl Weber")
    said = next(r for r in karl.reasons if r.startswith("Karl Weber propose"))
    assert "«\u00a0accompagnement à l'export en Allemagne\u00a0»" in said, said
    assert "recrutement" not in said


def test_intermediary_page_of_a_request_without_reasons_says_the_need_once(client, world, warm):
    """A request made before reasons were stored shows its need; a need already told as a
    search reads « Marc Fournier : « je cherche… » », not « Marc Fournier cherche : … »."""
    intro = _warm_request(client, world)
    Introduction.objects.filter(pk=intro.pk).update(reasons={})
    client.force_login(warm)

    page = client.get(reverse("intros:detail", args=[intro.pk])).content.decode()
    client.cookies["django_language"] = "en"
    english = client.get(reverse("intros:detail", args=[intro.pk])).content.decode()

    assert "Marc Fournier : « je cherche un accompagnement" in page.replace("&#x27;", "'")
    assert "Marc Fournier cherche" not in page
    assert "Marc Fournier: “je cherche un accompagnement" in english.replace("&#x27;", "'")
    assert "is looking for" not in english
