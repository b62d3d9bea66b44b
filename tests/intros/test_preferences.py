"""Preferences: off until consent, saved, and withdrawing consent cancels open suggestions."""

from django.urls import reverse

from passerelles.intros.models import Introduction, Preference, Status
from passerelles.intros.rounds import run_round
from tests.conftest import make_circle, make_user


def test_off_by_default_with_explanation(client, db):
    user = make_user("new@example.org", "Nina", "Neuve")
    client.force_login(user)
    page = client.get(reverse("intros:home")).content.decode()
    assert "Les mises en relation sont désactivées" in page
    assert Preference.objects.get(user=user).consent is False
    form = client.get(reverse("intros:preferences")).content.decode()
    assert 'name="consent"' in form and "checked" not in form.split('name="consent"')[1][:40]
    assert "Nous ne vous proposons jamais quelqu'un que vous connaissez déjà" in form.replace(
        "&#x27;", "'"
    )


def test_consent_and_settings_saved(client, db):
    user = make_user("new@example.org", "Nina", "Neuve")
    client.force_login(user)
    response = client.post(
        reverse("intros:preferences"),
        {
            "consent": "on",
            "frequency": "weekly",
            "per_round": "2",
            "scope": "all",
            "formats": ["cafe", "dejeuner"],
            "exclude_colleagues": "on",
        },
    )
    assert response.status_code == 302
    pref = Preference.objects.get(user=user)
    assert pref.consent and pref.consented_at
    assert (pref.frequency, pref.per_round, pref.scope) == ("weekly", 2, "all")
    assert pref.format_list == ["cafe", "dejeuner"]
    assert pref.exclude_colleagues and not pref.exclude_own_circles


def test_per_round_is_one_to_three(client, db):
    user = make_user("new@example.org", "Nina", "Neuve")
    client.force_login(user)
    response = client.post(
        reverse("intros:preferences"),
        {"consent": "on", "frequency": "weekly", "per_round": "5", "scope": "all"},
    )
    assert response.status_code == 200
    assert Preference.objects.get(user=user).consent is False


def test_withdrawing_consent_cancels_pending_silently(client, world):
    run_round(force=True)
    intro = Introduction.objects.get(member_a=world["marc"], member_b=world["sophie"])
    client.force_login(world["marc"])
    client.post(
        reverse("intros:preferences"),
        {"frequency": "weekly", "per_round": "1", "scope": "all"},
    )
    assert not Preference.objects.get(user=world["marc"]).consent
    intro.refresh_from_db()
    assert intro.status == Status.CANCELLED
    assert intro.shown_status(world["sophie"]) == "to_answer"  # nothing revealed
    assert not Introduction.objects.filter(
        member_a=world["marc"], status__in=["proposed", "accepted_by_a", "accepted_by_b"]
    ).exists()


def test_block_and_unblock(client, world):
    client.force_login(world["marc"])
    client.post(reverse("intros:block", args=[world["sophie"].pk]))
    assert world["sophie"] in Preference.objects.get(user=world["marc"]).blocked.all()
    assert "Sophie Lambert" in client.get(reverse("intros:preferences")).content.decode()
    client.post(reverse("intros:unblock", args=[world["sophie"].pk]))
    assert not Preference.objects.get(user=world["marc"]).blocked.exists()


def test_scope_explains_when_no_circle_of_mine_has_a_bridge(client, world):
    # Marc's club is bridged with the finance network: no warning for him.
    client.force_login(world["marc"])
    assert (
        "pas encore de passerelle" not in client.get(reverse("intros:preferences")).content.decode()
    )
    loner = make_user("loner@example.org", "Léa", "Seule")
    make_circle(loner, "Cercle sans passerelle", listed=True)  # she owns it, no bridge
    client.force_login(loner)
    page = client.get(reverse("intros:preferences")).content.decode()
    assert "pas encore de passerelle active" in page
