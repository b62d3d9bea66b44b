"""The daily purge deletes what is stale and personal, and keeps what is recent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from passerelles.jobs.periodic import purge
from passerelles.members.erasure import NOTICE_RETENTION_DAYS
from passerelles.notifications.models import Notification


@pytest.mark.django_db
def test_purge_deletes_notices_past_their_keep_time(alice):
    now = timezone.now()
    Notification.objects.create(user=alice, kind="suggested", created_at=now - timedelta(days=400))
    recent = Notification.objects.create(
        user=alice, kind="registered", created_at=now - timedelta(days=3)
    )
    done = purge(now=now)
    assert done["notices"] == 1
    assert list(Notification.objects.all()) == [recent]
    assert NOTICE_RETENTION_DAYS < 400
