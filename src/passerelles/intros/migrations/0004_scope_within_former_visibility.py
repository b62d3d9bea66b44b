"""Consents given before the scope alone decided who may be proposed keep the reach they
had: a round then also required each profile to be visible to the other, so a member's
card reached no further than their profile's visibility. Their scope is narrowed to it
(never widened); members may widen it again in their preferences."""

from django.db import migrations

LEVEL = {"circles": 0, "bridged": 1, "all": 2}
BY_LEVEL = {level: name for name, level in LEVEL.items()}


def narrow(apps, schema_editor):
    Preference = apps.get_model("intros", "Preference")
    Profile = apps.get_model("members", "Profile")
    visibility = dict(Profile.objects.values_list("user_id", "visibility"))
    for pref in Preference.objects.filter(consent=True).only("pk", "user_id", "scope"):
        seen = LEVEL.get(visibility.get(pref.user_id, "circles"), 0)
        if LEVEL.get(pref.scope, 1) > seen:
            Preference.objects.filter(pk=pref.pk).update(scope=BY_LEVEL[seen])


class Migration(migrations.Migration):
    dependencies = [
        ("intros", "0003_notices_worded_when_read"),
        ("members", "0002_profile_language"),
    ]

    operations = [migrations.RunPython(narrow, migrations.RunPython.noop)]
