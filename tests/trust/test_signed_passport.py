"""The portable trust passport: a signed W3C credential that another instance verifies
offline, that fails when tampered with, expired or revoked, and that weighs less than a
local vouch in an admission."""

import base64
import datetime
import json
import os
import stat

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passerelles.trust import admission, passport
from passerelles.trust.models import IssuedPassport
from tests.trust.conftest import vouch


@pytest.fixture
def instance_a(settings, tmp_path):
    settings.PASSPORT_KEY_FILE = str(tmp_path / "a.pem")
    settings.SITE_URL = "https://passerelles-lyon.example"
    return settings


def issued(user, **kwargs):
    return passport.do_issue_passport(user, acting_user=user, **kwargs)


def test_a_passport_is_a_signed_verifiable_credential(instance_a, alice, bob, club):
    vouch(alice, bob, text="Fiable")
    _record, token = issued(bob)
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header["alg"] == "EdDSA" and header["typ"] == "vc+jwt"
    result = passport.verify(token, passport.jwks())
    assert result.valid, result.reason
    credential = result.credential
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "VerifiableCredential" in credential["type"]
    assert credential["issuer"] == "https://passerelles-lyon.example"
    assert credential["credentialSubject"]["name"] == "Bob Durand"
    assert credential["credentialSubject"]["vouchesReceived"] == 1
    assert credential["credentialStatus"]["type"] == "BitstringStatusListEntry"


def test_the_key_is_published_and_kept_private(instance_a, client, db):
    published = client.get("/.well-known/jwks.json").json()
    [key] = published["keys"]
    assert key["kty"] == "OKP" and key["crv"] == "Ed25519" and "d" not in key
    mode = os.stat(instance_a.PASSPORT_KEY_FILE).st_mode
    assert stat.S_IMODE(mode) == 0o600


def test_another_instance_verifies_offline(instance_a, bob, tmp_path, settings):
    _record, token = issued(bob)
    published = Client().get("/.well-known/jwks.json").json()
    status = Client().get("/.well-known/passport-status").content.decode()
    # Instance B has its own key; it checks A's passport with what A published, no network.
    settings.PASSPORT_KEY_FILE = str(tmp_path / "b.pem")
    settings.SITE_URL = "https://passerelles-nantes.example"
    assert passport.verify(token, published, status).valid
    assert not passport.verify(token, passport.jwks()).valid  # B's own key does not match


def test_a_tampered_passport_fails(instance_a, bob):
    _record, token = issued(bob)
    head, body, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["credentialSubject"]["vouchesReceived"] = 99
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    result = passport.verify(f"{head}.{forged}.{signature}", passport.jwks())
    assert not result.valid and result.reason == "invalid signature or format"
    assert not passport.verify(token[:-4] + "AAAA", passport.jwks()).valid


def test_an_expired_passport_fails(instance_a, bob):
    _record, token = issued(bob)
    later = timezone.now() + datetime.timedelta(days=passport.LIFETIME_DAYS + 1)
    result = passport.verify(token, passport.jwks(), now=later)
    assert not result.valid and result.reason == "expired"


def test_a_revoked_passport_fails(instance_a, bob, client):
    record, token = issued(bob)
    _other, kept = issued(bob)
    assert passport.verify(token, passport.jwks(), passport.status_list_credential()).valid
    client.force_login(bob)
    client.post(reverse("trust:passport_revoke", args=[record.pk]))
    status = Client().get("/.well-known/passport-status").content.decode()
    result = passport.verify(token, passport.jwks(), status)
    assert not result.valid and result.reason == "revoked"
    assert passport.verify(kept, passport.jwks(), status).valid


def test_a_member_downloads_their_passport(instance_a, client, bob):
    client.force_login(bob)
    response = client.post(reverse("trust:passport_download"))
    assert response["Content-Type"] == "application/vc+jwt"
    assert passport.verify(response.content.decode(), passport.jwks()).valid
    assert IssuedPassport.objects.filter(user=bob).count() == 1


def test_closing_the_account_revokes_its_passports(instance_a, bob):
    from passerelles.members.actions import do_close_account

    _record, token = issued(bob)
    do_close_account(bob, acting_user=bob)
    result = passport.verify(token, passport.jwks(), passport.status_list_credential())
    assert result.reason == "revoked"


def test_outside_evidence_never_weighs_a_local_vouch(instance_a, alice, bob, club):
    vouch(alice, bob)
    _record, token = issued(bob)
    result = passport.verify(token, passport.jwks())
    assert 0 < passport.outside_weight(result) <= passport.OUTSIDE_WEIGHT_MAX < 1
    rich = passport.Verification(
        True, "", {"credentialSubject": {"vouchesReceived": 500, "meetingsAttested": 500}}
    )
    assert passport.outside_weight(rich) == passport.OUTSIDE_WEIGHT_MAX
    assert passport.outside_weight(passport.verify(token + "x", passport.jwks())) == 0


def test_a_circle_elsewhere_counts_it_as_outside_evidence(instance_a, alice, bob, charlie, club):
    from passerelles.members.models import Visibility

    club.cooptation_vouches = 2
    club.save()
    charlie.profile.visibility = Visibility.ALL
    charlie.profile.save()
    vouch(bob, charlie)
    strong = passport.Verification(
        True, "", {"credentialSubject": {"vouchesReceived": 30, "meetingsAttested": 9}}
    )
    review = admission.review(club, charlie.pk)
    assert review.counted == 1 and not review.passes
    review.consider_passport(strong)
    assert not review.passes  # one local vouch and a passport: less than two vouches
    review.consider_passport(strong)
    assert review.passes  # two outside passports weigh one local vouch at most
    alone = admission.review(club, alice.pk)
    alone.consider_passport(strong)
    alone.consider_passport(strong)
    alone.consider_passport(strong)
    assert not alone.has_member_vouch and not alone.passes
