"""The export holds everything Passerelles holds about a person, as its schema says."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse

from passerelles.members import export
from tests.rights.world import NOTE, POST, VOUCH_GIVEN, VOUCH_RECEIVED, build

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "export-schema.json"


def linked_models():
    for model in apps.get_models():
        if export.user_links(model):
            yield model


def test_every_model_linked_to_a_user_is_exported_or_excused():
    exported = {section.model for section in export.SECTIONS}
    forgotten = [
        model._meta.label
        for model in linked_models()
        if model._meta.label not in exported and not export.NOT_EXPORTED.get(model._meta.label)
    ]
    assert forgotten == [], "export these in members/export.py or say why not (NOT_EXPORTED)"


def test_every_field_of_an_exported_model_is_given_or_excused():
    declared: dict[str, set[str]] = {}
    for section in export.SECTIONS:
        names = declared.setdefault(section.model, set())
        names.update(section.fields, section.omitted, section.links)
    silent = []
    for label, names in declared.items():
        model = apps.get_model(label)
        for model_field in model._meta.get_fields():
            if model_field.concrete and model_field.name not in names | {"pk"}:
                silent.append(f"{label}.{model_field.name}")
    assert silent == [], "give these fields in a section, or list them as omitted with why"


def test_every_omission_says_why():
    for section in export.SECTIONS:
        assert all(reason.strip() for reason in section.omitted.values()), section.key


def test_the_published_schema_is_the_declared_one():
    published = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert published == json.loads(json.dumps(export.export_schema())), (
        "regenerate docs/export-schema.json (see docs/data-rights.md)"
    )


@pytest.fixture
def world(alice, bob, charlie, club):
    return build(alice, bob, charlie, club)


def test_a_member_with_a_trace_everywhere_finds_it_all(client, bob, world):
    client.force_login(bob)
    data = json.loads(client.get(reverse("members:export_data")).content)
    empty = [section.key for section in export.SECTIONS if not data[section.key]]
    assert empty == []
    raw = json.dumps(data, ensure_ascii=False)
    for text in (VOUCH_GIVEN, VOUCH_RECEIVED, NOTE, POST, "Un associé pour le cabinet de Bob"):
        assert text in raw
    assert data["introduction_preferences"]["blocked"] == ["Charlie Petit"]
    assert data["trust_scores"][0]["percentile"] == 80


def test_the_export_matches_its_schema(bob, world):
    schema = export.export_schema()
    data = json.loads(json.dumps(export.personal_data(bob)))
    assert set(data) == set(schema["properties"])
    for section in export.SECTIONS:
        rows = data[section.key] if section.many else [data[section.key]]
        for row in rows:
            assert list(row) == list(section.fields)


def test_others_private_notes_about_me_stay_out(bob, world):
    [by_other] = export.personal_data(bob)["meetings_attested_by_others"]
    assert "note" not in by_other and "usefulness" not in by_other
    assert "token" not in json.dumps(export.personal_data(bob)["calendar_feed"])


def test_the_readable_page_shows_every_section(client, bob, world):
    client.force_login(bob)
    page = client.get(reverse("members:export_page")).content.decode()
    for section in export.SECTIONS:
        assert f'id="{section.key}"' in page
    assert "mené au bout" in page
