"""Security headers on every page, and production settings that refuse weak defaults."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

import passerelles

TEMPLATES = Path(passerelles.__file__).parent / "templates"
pytestmark = pytest.mark.django_db


def test_pages_send_a_csp_without_unsafe_inline(client, bob):
    client.force_login(bob)
    for url in (reverse("pages:home"), reverse("members:directory"), "/api/docs"):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self'" in policy
        assert "style-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        assert "unsafe-eval" not in policy


def test_error_pages_send_the_policy_too(client):
    response = client.get("/evenements/calendrier/a%00b.ics")
    assert "Content-Security-Policy" in response


def test_permissions_policy_turns_off_unused_features(client):
    policy = client.get(reverse("pages:landing"))["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_no_template_holds_inline_script_style_or_handler():
    """What the policy would block: <script> with a body, <style>, style="", on*=""."""
    found = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for pattern in (
            r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>",
            r"<style[\s>]",
            r"\sstyle=\"",
            r"\son[a-z]+=\"",
            r"javascript:",
        ):
            found += [f"{path.relative_to(TEMPLATES)}: {m}" for m in re.findall(pattern, text)]
    assert found == []


def _production_settings(**env) -> subprocess.CompletedProcess:
    code = (
        "import django, os;"
        "os.environ['DJANGO_SETTINGS_MODULE']='passerelles.config.settings';"
        "django.setup();from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE)"
    )
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PASSERELLES_TESTING", "PASSERELLES_DEBUG", "SECRET_KEY")
        and not k.startswith("SECURE_")
    }
    clean.update(DATABASE_URL="sqlite:///:memory:", **env)
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True)


def test_https_redirect_and_hsts_on_by_default_outside_debug():
    out = _production_settings(SECRET_KEY=secrets.token_urlsafe(50))
    assert out.stdout.split() == ["True", "31536000", "True"], out.stderr


def test_each_switchable_for_a_proxy():
    out = _production_settings(
        SECRET_KEY=secrets.token_urlsafe(50), SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0"
    )
    assert out.stdout.split() == ["False", "0", "True"], out.stderr


@pytest.mark.parametrize("key", ["short", "x" * 60, "django-insecure-" + secrets.token_urlsafe(50)])
def test_a_weak_secret_key_is_refused_outside_debug(key):
    out = _production_settings(SECRET_KEY=key)
    assert out.returncode != 0
    assert "SECRET_KEY is too weak" in out.stderr


def test_a_weak_secret_key_is_fine_in_debug():
    out = _production_settings(SECRET_KEY="short", PASSERELLES_DEBUG="1")
    assert out.returncode == 0, out.stderr
