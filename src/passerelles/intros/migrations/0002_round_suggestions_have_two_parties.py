"""Round suggestions stored with a "warm" intermediary: the intermediary was never asked
and the person sought could not see the suggestion. Keep the trusted member only as an
explanation (``components["via"]``) and make the suggestion an ordinary two-party one."""

from django.db import migrations


def forwards(apps, schema_editor):
    Introduction = apps.get_model("intros", "Introduction")
    Notice = apps.get_model("intros", "Notice")
    rounds = Introduction.objects.filter(origin="round", intermediary__isnull=False)
    for intro in rounds.iterator():
        components = dict(intro.components or {})
        components.setdefault("via", intro.intermediary_id)
        reasons = dict(intro.reasons or {})
        reasons.pop("intermediary", None)
        Introduction.objects.filter(pk=intro.pk).update(
            intermediary=None,
            warm=False,
            intermediary_decision="",
            intermediary_decided_at=None,
            components=components,
            reasons=reasons,
        )
        # Notices the intermediary may have received for it are not theirs to keep.
        Notice.objects.filter(introduction_id=intro.pk, user_id=intro.intermediary_id).delete()
    Introduction.objects.filter(origin="round", warm=True).update(warm=False)


class Migration(migrations.Migration):
    dependencies = [("intros", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
