"""The daily purge deletes what is stale and personal, and keeps what is recent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from passerelles.intros.models import Notice
from passerelles.jobs.periodic import purge
from passerelles.members.erasure import NOTICE_RETENTION_DAYS


@pytest.mark.django_db
def test_purge_deletes_notices_past_their_keep_time(alice):
    now = timezone.now()
    Notice.objects.create(user=alice, kind="old", created_at=now - timedelta(days=400))
    recent = Notice.objects.create(user=alice, kind="recent", created_at=now - timedelta(days=3))
    done = purge(now=now)
    assert done["notices"] == 1
    assert list(Notice.objects.all()) == [recent]
    assert NOTICE_RETENTION_DAYS < 400
