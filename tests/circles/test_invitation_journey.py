"""The invitation as the invited person and the organiser live it: the e-mail, the
sign-up it opens, the circle it lands on, the pending list and sending again."""

import datetime as dt
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from passerelles.circles import actions
from passerelles.circles.models import Invitation, Membership, MembershipState
from passerelles.core.models import AuditEntry
from tests.conftest import make_circle

PASSWORD = "un-mot-de-passe-long-9"


def _invite(circle, by, email="nina@example.org", **details):
    invitation, _ = actions.do_invite(circle, email, acting_user=by, **details)
    actions.send_invitation(invitation)
    return invitation


def test_the_email_names_who_invites_and_whom_without_doubling_the_word(alice, db):
    circle = make_circle(alice, "Cercle des Entrepreneurs du Rhône")
    _invite(circle, alice, first_name="Nina", last_name="Leroy")
    message = mail.outbox[-1]
    assert message.subject == (
        "[Passerelles] Alice Martin vous invite à rejoindre « Cercle des Entrepreneurs du Rhône »"
    )
    assert message.body.startswith("Bonjour Nina,")
    assert "Alice Martin vous invite à rejoindre « Cercle des Entrepreneurs du Rhône »" in (
        message.body
    )
    assert "cercle Cercle" not in message.body


def test_the_email_greets_plainly_when_no_name_is_known(alice, club):
    _invite(club, alice)
    assert mail.outbox[-1].body.startswith("Bonjour,\n")


def _sign_up_from(client, invitation, **overrides):
    url = reverse("circles:invitation", args=[actions.invitation_token(invitation)])
    client.get(url)
    form = client.get(reverse("account_signup")).content.decode()
    data = {
        "first_name": "Nina",
        "last_name": "Leroy",
        "email": invitation.email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return form, client.post(reverse("account_signup") + f"?next={url}", data, follow=True)


def test_sign_up_from_the_invitation_is_prefilled_needs_no_confirmation_and_lands_on_the_circle(
    client, alice, club
):
    invitation = _invite(club, alice, first_name="Nina", last_name="Leroy")
    sent = len(mail.outbox)
    form, response = _sign_up_from(client, invitation)
    assert re.search(r'name="first_name"[^>]*value="Nina"', form)
    assert re.search(r'name="last_name"[^>]*value="Leroy"', form)
    assert re.search(r'name="email"[^>]*value="nina@example.org"', form)

    assert response.redirect_chain[-1][0] == club.get_absolute_url()
    assert "Bienvenue au Club des Entrepreneurs de Lyon !" in response.content.decode()
    assert len(mail.outbox) == sent  # no "confirm your address" e-mail
    address = EmailAddress.objects.get(email="nina@example.org")
    assert address.verified and address.primary
    membership = Membership.objects.get(user=address.user, circle=club)
    assert membership.state == MembershipState.ADMITTED


def test_sign_up_with_another_address_still_asks_to_confirm_it(client, alice, club):
    invitation = _invite(club, alice)
    _form, response = _sign_up_from(client, invitation, email="autre@example.org")
    assert "/compte/confirm-email/" in response.redirect_chain[-1][0]
    assert not EmailAddress.objects.get(email="autre@example.org").verified
    assert not Membership.objects.filter(user__email="autre@example.org", circle=club).exists()


def test_account_emails_speak_in_the_products_name(client, db):
    client.post(
        reverse("account_signup"),
        {
            "first_name": "Léa",
            "last_name": "Roux",
            "email": "lea@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    body = mail.outbox[-1].body
    assert "Passerelles" in body.splitlines()[0]
    assert "testserver" not in body.splitlines()[0]
    # Who asked, on which product, without « l'utilisateur » nor the host's address.
    assert "car Léa Roux a donné cette adresse pour créer un compte sur Passerelles." in body
    assert "Pour confirmer qu'il s'agit bien de vous, ouvrez ce lien : http" in body
    link = re.search(r"http://\S+(/compte/confirm-email/\S+)", body).group(1)
    page = client.get(link).content.decode()
    assert "Confirmez que l&#x27;adresse" in page or "Confirmez que l'adresse" in page
    assert "lea@example.org</a> est bien la vôtre (Léa Roux)." in page


def test_pending_invitations_show_names_and_can_be_sent_again(
    client, alice, club, settings, django_capture_on_commit_callbacks
):
    invitation = _invite(club, alice, first_name="Nina", last_name="Leroy")
    client.force_login(alice)
    page = client.get(reverse("circles:members", args=[club.slug])).content.decode()
    assert "Nina Leroy" in page and "par Alice Martin" in page

    resend = reverse("circles:invitation_resend", args=[club.slug, invitation.pk])
    before = len(mail.outbox)
    response = client.post(resend, follow=True)
    assert "laissez-lui le temps d&#x27;arriver" in response.content.decode()
    assert len(mail.outbox) == before  # just sent: not again

    old = timezone.now() - dt.timedelta(hours=settings.INVITATION_RESEND_AFTER_HOURS + 1)
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=old)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend, follow=True)
    assert "L&#x27;invitation est renvoyée à nina@example.org" in response.content.decode()
    assert mail.outbox[-1].to == ["nina@example.org"]
    invitation.refresh_from_db()
    assert invitation.sent_at > old  # the link lives anew
    entry = AuditEntry.objects.filter(verb="invitation.resent").get()
    assert entry.acting_user_id == alice.pk


def test_only_the_circles_admins_send_an_invitation_again(client, alice, bob, club):
    invitation = _invite(club, alice)
    Invitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - dt.timedelta(days=2)
    )
    client.force_login(bob)
    response = client.post(reverse("circles:invitation_resend", args=[club.slug, invitation.pk]))
    assert response.status_code == 404
    with pytest.raises(actions.ActionError):
        actions.do_resend_invitation(invitation, acting_user=bob)
    assert not AuditEntry.objects.filter(verb="invitation.resent").exists()


def test_a_member_reading_english_gets_the_invitation_in_english(alice, club, charlie):
    charlie.profile.language = "en"
    charlie.profile.save(update_fields=["language"])
    _invite(club, alice, email=charlie.email)
    message = mail.outbox[-1]
    assert message.subject == (
        "[Passerelles] Alice Martin invites you to join “Club des Entrepreneurs de Lyon”"
    )
    assert message.body.startswith("Hello Charlie,")


def test_an_invitation_sent_again_to_an_existing_account_adds_a_notice(
    alice, club, charlie, settings
):
    from passerelles.notifications.models import Notification

    invitation = _invite(club, alice, email=charlie.email)
    Notification.objects.filter(user=charlie).update(read_at=timezone.now())
    old = timezone.now() - dt.timedelta(hours=settings.INVITATION_RESEND_AFTER_HOURS + 1)
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=old)
    actions.do_resend_invitation(invitation, acting_user=alice)
    unread = Notification.objects.filter(user=charlie, kind="invited", read_at=None).get()
    assert unread.params["circle"] == club.name
    assert unread.url == club.get_absolute_url()


def test_an_invited_member_reads_the_invitation_without_a_gendered_word(
    client, alice, club, charlie
):
    _invite(club, alice, email=charlie.email)
    assert "Une invitation vous attend" not in mail.outbox[-1].body  # the inviter is named
    client.force_login(charlie)
    page = client.get(club.get_absolute_url()).content.decode()
    assert "Une invitation à rejoindre ce cercle vous attend." in page
    assert "Vous êtes invité" not in page
    home = client.get("/accueil/").content.decode()
    url = club.get_absolute_url()
    assert f'Alice Martin vous invite à rejoindre « <a href="{url}">{club.name}</a> ».' in home
    assert "Le cercle" not in home


def test_an_invitation_without_inviter_speaks_neutrally(alice, club):
    from passerelles.circles.actions import invitation_mail

    invitation = _invite(club, alice)
    Invitation.objects.filter(pk=invitation.pk).update(invited_by=None)
    invitation.refresh_from_db()
    _subject, body = invitation_mail(invitation)
    assert "Une invitation vous attend pour rejoindre « Club des Entrepreneurs de Lyon »" in body
