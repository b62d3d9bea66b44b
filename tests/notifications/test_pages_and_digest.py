"""The notices page, the settings page (one's own only) and the weekly summary."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.core.errors import ActionError
from passerelles.notifications.actions import do_set_preferences
from passerelles.notifications.digest import send_weekly_digests
from passerelles.notifications.models import Notification, NotificationSettings
from passerelles.notifications.notify import notify


def tell(user, **extra):
    return notify(user, "registered", url="/evenements/1/", title="Atelier export", **extra)


def test_the_header_counts_unread_notices_and_opening_one_reads_it(client, bob):
    notice = tell(bob)
    tell(bob)
    client.force_login(bob)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Votre place est réservée pour « Atelier export »" in page
    assert '<span class="badge badge-warn">2<span class="visually-hidden"> non lues' in page
    response = client.get(reverse("notifications:open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == "/evenements/1/"
    notice.refresh_from_db()
    assert notice.read_at is not None
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(user=bob, read_at__isnull=True).exists()


def test_the_header_shows_99_plus_past_99_unread_notices(client, bob):
    # A three-digit count would push the header onto a second row; screen readers still
    # hear the exact number.
    Notification.objects.bulk_create(
        Notification(user=bob, kind="registered", url="/evenements/1/", params={"title": f"A{i}"})
        for i in range(120)
    )
    client.force_login(bob)
    page = client.get(reverse("notifications:list")).content.decode()
    assert '<span aria-hidden="true">99+</span><span class="visually-hidden">120</span>' in page
    assert ">120<span" not in page


def test_no_one_opens_anothers_notice(client, alice, bob):
    notice = tell(alice)
    client.force_login(bob)
    assert client.get(reverse("notifications:open", args=[notice.pk])).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_a_member_saves_their_choices_on_the_settings_page(client, bob):
    client.force_login(bob)
    page = client.get(reverse("notifications:settings")).content.decode()
    assert "Inscriptions aux événements" in page and "Dans Passerelles seulement" in page
    # Each topic's help sits inside its own box, under its title, not below it.
    bridges = page[page.index("<fieldset") : page.index("</fieldset>")]
    assert "<legend>Passerelles entre cercles</legend>" in bridges
    assert 'class="helptext" id="id_bridges_helptext"' in bridges
    assert 'aria-describedby="id_bridges_helptext"' in bridges
    form = {
        "bridges": "email",
        "admission": "email",
        "invitations": "app",
        "registrations": "off",
        "waitlist": "email",
        "event_changes": "email",
        "event_plans": "email",
        "introductions": "app",
        "weekly_digest": "on",
    }
    assert client.post(reverse("notifications:settings"), form).status_code == 302
    row = NotificationSettings.objects.get(user=bob)
    assert row.channel("registrations") == "off" and row.channel("invitations") == "app"
    assert row.weekly_digest
    assert tell(bob) is None


def test_a_wrong_choice_is_refused_at_the_field_and_nothing_saved(client, bob):
    client.force_login(bob)
    response = client.post(reverse("notifications:settings"), {"bridges": "pigeon"})
    assert response.status_code == 200
    assert "pigeon" in response.content.decode()  # Django names the refused choice
    assert not NotificationSettings.objects.filter(user=bob).exists()


def test_a_member_cannot_change_anothers_choices(alice, bob):
    with pytest.raises(ActionError):
        do_set_preferences(alice, {"bridges": "off"}, True, acting_user=bob)
    assert not NotificationSettings.objects.filter(user=alice).exists()


def test_the_settings_page_changes_only_the_signed_in_member(client, alice, bob):
    client.force_login(bob)
    client.post(reverse("notifications:settings"), {"bridges": "off", "user": alice.pk})
    assert not NotificationSettings.objects.filter(user=alice).exists()


def test_the_pages_ask_to_sign_in(client):
    for name in ("notifications:list", "notifications:settings"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/compte/" in response["Location"]


MONDAY = datetime.datetime(2026, 12, 7, 6, 30, tzinfo=datetime.UTC)


def test_the_weekly_summary_goes_once_a_week_to_those_who_chose_it(alice, bob, mailoutbox):
    do_set_preferences(bob, {"registrations": "app"}, True, acting_user=bob)
    tell(bob)
    tell(alice)  # alice did not ask for a summary
    old = tell(bob)
    Notification.objects.filter(pk=old.pk).update(created_at=MONDAY - datetime.timedelta(days=9))
    Notification.objects.filter(user=bob).exclude(pk=old.pk).update(
        created_at=MONDAY - datetime.timedelta(days=2)
    )
    first = send_weekly_digests(MONDAY)
    second = send_weekly_digests(MONDAY + datetime.timedelta(hours=3))
    assert first["sent"] == 1 and second["sent"] == 0
    (mail,) = mailoutbox
    assert mail.to == [bob.email]
    assert (
        "une notification" in mail.body
        and "Votre place est réservée pour « Atelier export »" in mail.body
    )
    send_weekly_digests(MONDAY + datetime.timedelta(days=7))
    assert len(mailoutbox) == 1  # nothing new to say the week after: no e-mail


def test_the_summary_is_in_the_readers_language(bob, mailoutbox):
    bob.profile.language = "en"
    bob.profile.save(update_fields=["language"])
    do_set_preferences(bob, {}, True, acting_user=bob)
    Notification.objects.filter(pk=tell(bob).pk).update(created_at=timezone.now())
    send_weekly_digests()
    (summary,) = [m for m in mailoutbox if "week" in m.subject]
    assert summary.subject == "[Passerelles] Your week"
    assert "Your place is booked for “Atelier export”" in summary.body
