"""Introductions' notices join every other notice in notifications.Notification (one list,
one unread count, the member's choices); the introduction becomes the notice's link and
the other person its ``about``. Notices written before kinds (plain text) are dropped."""

from django.db import migrations
from django.urls import reverse


def move(apps, schema_editor):
    Notice = apps.get_model("intros", "Notice")
    Notification = apps.get_model("notifications", "Notification")
    batch = []
    rows = Notice.objects.exclude(kind="").select_related("introduction").iterator(chunk_size=2000)
    for notice in rows:
        intro = notice.introduction
        url, about = "", None
        if intro is not None:
            url = reverse("intros:detail", args=[intro.pk])
            about = intro.member_b_id if notice.user_id == intro.member_a_id else intro.member_a_id
        batch.append(
            Notification(
                user_id=notice.user_id,
                kind=notice.kind,
                params=notice.params or {},
                url=url,
                about_id=about,
                created_at=notice.created_at,
                read_at=notice.read_at,
            )
        )
        if len(batch) >= 2000:
            Notification.objects.bulk_create(batch)
            batch = []
    Notification.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("intros", "0006_preference_remote"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move, migrations.RunPython.noop),
        migrations.DeleteModel(name="Notice"),
    ]
