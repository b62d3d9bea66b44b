"""Consents collected under the former rule keep the reach they had."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("intros", "0003_notices_worded_when_read"), ("members", "0002_profile_language")]
AFTER = [("intros", "0004_scope_within_former_visibility")]


@pytest.mark.django_db(transaction=True)
def test_scopes_are_narrowed_to_the_former_visibility_never_widened():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    User, Profile = apps.get_model("accounts", "User"), apps.get_model("members", "Profile")
    Preference = apps.get_model("intros", "Preference")
    cases = {  # (visibility, scope chosen) -> scope expected
        ("circles", "all"): "circles",
        ("bridged", "all"): "bridged",
        ("all", "all"): "all",
        ("all", "circles"): "circles",
        ("circles", "bridged"): "circles",
    }
    prefs = {}
    for n, (visibility, scope) in enumerate(cases):
        user = User.objects.create(email=f"m{n}@example.org")
        Profile.objects.update_or_create(user=user, defaults={"visibility": visibility})
        prefs[(visibility, scope)] = Preference.objects.create(user=user, consent=True, scope=scope)
    silent = User.objects.create(email="off@example.org")
    Profile.objects.update_or_create(user=silent, defaults={"visibility": "circles"})
    off = Preference.objects.create(user=silent, consent=False, scope="all")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    Preference = executor.loader.project_state(AFTER).apps.get_model("intros", "Preference")
    for case, expected in cases.items():
        assert Preference.objects.get(pk=prefs[case].pk).scope == expected, case
    assert Preference.objects.get(pk=off.pk).scope == "all"  # no consent: nothing to keep
