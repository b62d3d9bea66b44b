"""Closing an account applies the written policy to every kind of data tied to the person."""

import datetime

import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone

from passerelles.members import erasure, export
from passerelles.members.actions import do_close_account
from passerelles.notifications.models import Notification
from passerelles.trust.models import MeetingAttestation, MemberTrust, TrustState, Vouch
from tests.rights.world import build

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, models.EmailField)


def test_every_user_link_of_every_model_has_a_rule():
    ruled = {(rule.model, rule.link) for rule in erasure.RULES}
    missing = []
    for model in apps.get_models():
        label = model._meta.label
        links = export.user_links(model)
        if model is apps.get_model("accounts.User"):
            links = ["pk"]
        missing += [f"{label}.{link}" for link in links if (label, link) not in ruled]
    assert missing == [], "say in members/erasure.py RULES what closing an account does"


def test_every_rule_says_what_and_why():
    for rule in erasure.RULES:
        assert rule.outcome in (erasure.DELETED, erasure.ANONYMISED, erasure.KEPT)
        assert len(rule.why) > 10


@pytest.fixture
def closed(alice, bob, charlie, club, django_capture_on_commit_callbacks):
    build(alice, bob, charlie, club)
    version = TrustState.objects.values_list("version", flat=True).first() or 0
    names = (bob.first_name, bob.last_name, bob.email)
    with django_capture_on_commit_callbacks(execute=True):
        do_close_account(bob, acting_user=bob)
    bob.refresh_from_db()
    return {"bob": bob, "names": names, "version": version}


def every_text_value():
    """(model, field, value) for every text, e-mail and JSON value in the database."""
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        if not fields:
            continue
        for row in model.objects.values_list(*(f.name for f in fields)):
            for model_field, value in zip(fields, row, strict=True):
                if value:
                    yield model._meta.label, model_field.name, str(value)


def test_an_erased_account_leaves_no_text_naming_the_person(closed):
    first, last, email = closed["names"]
    naming = [
        (label, name, value[:80])
        for label, name, value in every_text_value()
        if first in value or last in value or email in value
    ]
    assert naming == []


def test_vouches_are_withdrawn_and_their_text_deleted(closed, alice):
    bob = closed["bob"]
    for vouch in Vouch.objects.filter(voucher=bob) | Vouch.objects.filter(vouchee=bob):
        assert vouch.revoked_at is not None
        assert vouch.text == ""


def test_attestation_notes_deleted_statistics_kept(closed):
    bob = closed["bob"]
    attestations = MeetingAttestation.objects.filter(attester=bob) | (
        MeetingAttestation.objects.filter(other=bob)
    )
    assert attestations.count() == 2
    assert {a.note for a in attestations} == {""}
    assert all(a.usefulness for a in attestations)


def test_others_notices_about_the_person_are_gone(closed, alice):
    assert not Notification.objects.filter(user=closed["bob"]).exists()
    assert not Notification.objects.filter(user=alice, about=closed["bob"]).exists()
    assert not Notification.objects.filter(user=alice, kind="connected").exists()


def test_trust_is_recomputed_without_the_person(closed):
    assert not MemberTrust.objects.filter(user=closed["bob"]).exists()
    assert TrustState.objects.values_list("version", flat=True).first() > closed["version"]


def test_the_export_of_a_closed_account_holds_nothing_personal(closed):
    data = export.personal_data(closed["bob"])
    assert data["account"]["first_name"] == data["account"]["last_name"] == ""
    for key in ("email_addresses", "endorsements_given", "notifications", "trust_scores"):
        assert data[key] == []
    for vouch in data["vouches_given"] + data["vouches_received"]:
        assert vouch["text"] == "" and vouch["revoked_at"]


def test_old_notices_are_purged(alice, bob):
    now = timezone.now()
    for kind, age in (("suggested", 400), ("registered", 400), ("connected", 10)):
        Notification.objects.create(user=bob, kind=kind, created_at=now - datetime.timedelta(age))
    assert erasure.purge_old_notices(now=now) == 2
    assert list(Notification.objects.values_list("kind", flat=True)) == ["connected"]
