import re
import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

SIGNUP = {
    "first_name": "Sophie",
    "last_name": "Garnier",
    "email": "sophie@example.org",
    "password1": "un-mot-de-passe-long-9",
    "password2": "un-mot-de-passe-long-9",
}


def _link(body: str, pattern: str) -> str:
    match = re.search(pattern, body)
    assert match, body
    return match.group(0)


def test_signup_asks_to_verify_the_email_then_logs_in(client, db):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="sophie@example.org")
    assert user.get_full_name() == "Sophie Garnier"
    assert user.profile.pk  # a profile comes with every account
    assert len(mail.outbox) == 1
    confirm = _link(mail.outbox[0].body, r"http://testserver/compte/confirm-email/[^\s]+")
    assert not EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("pages:home")).status_code == 302  # not logged in yet
    response = client.post(confirm.replace("http://testserver", ""))
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("pages:home")).status_code == 200


def test_signup_rejects_weak_password_and_duplicate_email(client, alice):
    response = client.post(
        reverse("account_signup"), {**SIGNUP, "password1": "1234", "password2": "1234"}
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="sophie@example.org").exists()
    # A taken address is not revealed to the visitor; its owner is told by e-mail instead.
    client.post(reverse("account_signup"), {**SIGNUP, "email": "alice@example.org"})
    assert get_user_model().objects.filter(email="alice@example.org").count() == 1
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]


def test_login_with_unverified_email_is_held_back(client, db):
    get_user_model().objects.create_user(email="x@example.org", password="un-mot-de-passe-long-9")
    EmailAddress.objects.create(
        user=get_user_model().objects.get(), email="x@example.org", verified=False, primary=True
    )
    client.post(
        reverse("account_login"), {"login": "x@example.org", "password": "un-mot-de-passe-long-9"}
    )
    assert client.get(reverse("pages:home")).status_code == 302


def test_login_and_logout(client, alice):
    response = client.post(
        reverse("account_login"), {"login": "alice@example.org", "password": "motdepasse-solide-42"}
    )
    assert response.status_code == 302
    assert client.get(reverse("pages:home")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("pages:home")).status_code == 302


def test_password_reset_sends_a_working_link(client, alice):
    client.post(reverse("account_reset_password"), {"email": "alice@example.org"})
    assert len(mail.outbox) == 1
    link = _link(mail.outbox[0].body, r"http://testserver/compte/password/reset/key/[^\s]+")
    response = client.get(link.replace("http://testserver", ""), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    client.post(
        form_url.replace("http://testserver", ""),
        {"password1": "nouveau-mot-de-passe-7", "password2": "nouveau-mot-de-passe-7"},
    )
    alice.refresh_from_db()
    assert alice.check_password("nouveau-mot-de-passe-7")


def test_email_change_requires_recent_authentication(client, alice, settings):
    client.force_login(alice)  # no password typed in this session
    response = client.post(reverse("account_email"), {"action_add": "", "email": "a2@example.org"})
    assert response.status_code == 302
    assert "reauthenticate" in response["Location"]
    assert not EmailAddress.objects.filter(email="a2@example.org").exists()


def test_production_hashes_with_argon2():
    import os
    import subprocess
    import sys

    code = (
        "import django, os;"
        "os.environ['DJANGO_SETTINGS_MODULE']='passerelles.config.settings';"
        "django.setup();from django.conf import settings;print(settings.PASSWORD_HASHERS[0])"
    )
    env = {k: v for k, v in os.environ.items() if k != "PASSERELLES_TESTING"}
    env.update(SECRET_KEY=secrets.token_urlsafe(50), DATABASE_URL="sqlite:///:memory:")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip().endswith("Argon2PasswordHasher"), out.stderr


def test_production_refuses_to_start_without_secret_key():
    import os
    import subprocess
    import sys

    code = (
        "import django, os;"
        "os.environ['DJANGO_SETTINGS_MODULE']='passerelles.config.settings';django.setup()"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PASSERELLES_TESTING", "SECRET_KEY", "PASSERELLES_DEBUG")
    }
    env["DATABASE_URL"] = "sqlite:///:memory:"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode != 0 and "SECRET_KEY must be set" in out.stderr
