"""E-mails reach members in the language they chose with the switch."""

from django.core import mail
from django.urls import reverse

from passerelles.core.mail import language_of
from passerelles.intros.actions import do_decide
from passerelles.intros.models import Introduction, Status
from tests.conftest import make_user
from tests.intros.conftest import member


def test_the_switch_records_a_member_choice_and_ignores_others(client, db):
    user = make_user("lea@example.org", "Léa", "Petit")
    assert language_of(user) == "fr"
    client.force_login(user)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302 and response.cookies["django_language"].value == "en"
    user.profile.refresh_from_db()
    assert user.profile.language == "en" and language_of(user) == "en"
    client.post(reverse("set_language"), {"language": "de", "next": "/"})  # not offered
    user.profile.refresh_from_db()
    assert user.profile.language == "en"
    client.logout()
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})  # anonymous: cookie
    user.profile.refresh_from_db()
    assert user.profile.language == "en"


def test_each_side_is_written_to_in_their_language(db, django_capture_on_commit_callbacks):
    anne = member("anne@example.org", "Anne", "Martin", offers="export", needs="comptable")
    bruno = member("bruno@example.org", "Bruno", "Roux", offers="comptabilité", needs="export")
    bruno.profile.language = "en"
    bruno.profile.save()
    intro = Introduction.objects.create(
        member_a=anne, member_b=bruno, status=Status.PROPOSED, reasons={"a": [], "b": []}
    )
    do_decide(intro, acting_user=anne, accept=True)
    with django_capture_on_commit_callbacks(execute=True):
        do_decide(intro, acting_user=bruno, accept=True)  # e.g. from a page in English
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert (
        by_recipient["anne@example.org"].subject
        == "[Passerelles] Bruno Roux a accepté la mise en relation"
    )
    assert (
        by_recipient["bruno@example.org"].subject
        == "[Passerelles] Anne Martin accepted the introduction"
    )
    assert "Hello Anne" in by_recipient["bruno@example.org"].body  # his suggested first message
    assert "Bonjour Bruno" in by_recipient["anne@example.org"].body


def test_waitlist_promotion_and_reminder_in_the_member_language(
    db, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    from passerelles.events.actions import do_cancel_registration, do_register
    from passerelles.events.reminders import send_due_reminders
    from tests.conftest import admit, make_circle
    from tests.events.conftest import make_event

    owner = make_user("owner@example.org", "Odile", "Arnaud")
    club = make_circle(owner, "Club")
    first, waiting = (make_user(f"{n}@example.org", n.title(), "X") for n in ("first", "waiting"))
    for user in (first, waiting):
        admit(user, club)
    waiting.profile.language = "en"
    waiting.profile.save()
    event = make_event(
        owner, club, capacity=1, starts_at=timezone.now() + datetime.timedelta(hours=20)
    )
    taken = do_register(event, acting_user=first)
    do_register(event, acting_user=waiting)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        do_cancel_registration(taken, acting_user=first)
    assert [m.subject for m in mail.outbox] == [
        f"[Passerelles] A place has become available at “{event.title}”"
    ]
    mail.outbox.clear()
    send_due_reminders()
    assert [m.subject for m in mail.outbox] == [f"[Passerelles] Reminder: “{event.title}”"]
    body = mail.outbox[0].body
    assert "Venue: Hôtel de ville" in body and " à " not in body and "Lieu" not in body


def test_a_member_finds_their_language_on_another_device(client, db):
    user = make_user("lea@example.org", "Léa", "Petit")
    user.profile.language = "en"
    user.profile.save()
    client.force_login(user)  # no language cookie on this device
    page = client.get(reverse("intros:home"))
    assert page.headers["Content-Language"] == "en" and "Introductions" in page.content.decode()
    client.cookies["django_language"] = "fr"  # the switch on this device wins
    assert client.get(reverse("intros:home")).headers["Content-Language"] == "fr"
    client.logout()
    client.cookies.pop("django_language", None)
    assert client.get("/").headers["Content-Language"] == "fr"  # visitors: French first


def test_the_language_chosen_before_signing_in_is_kept(client, db):
    user = make_user("lea@example.org", "Léa", "Petit")
    client.cookies["django_language"] = "en"  # chosen on the landing page
    response = client.post(
        "/compte/login/", {"login": "lea@example.org", "password": "motdepasse-solide-42"}
    )
    assert response.status_code == 302
    user.profile.refresh_from_db()
    assert user.profile.language == "en"


def test_the_kept_language_costs_one_query_per_session(client, db, django_assert_max_num_queries):
    user = make_user("lea@example.org", "Léa", "Petit")
    client.force_login(user)
    client.get(reverse("intros:home"))  # reads and caches the profile's choice
    with django_assert_max_num_queries(50) as first:
        client.get(reverse("intros:home"))
    profile_reads = [q for q in first.captured_queries if "members_profile" in q["sql"]]
    assert not any('"language"' in q["sql"] and "LIMIT 1" in q["sql"] for q in profile_reads)
