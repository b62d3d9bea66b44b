"""The weekly summary: one e-mail listing the week's notices, for members who chose it.

Run by the scheduler (``jobs.schedule``, job ``weekly_digest``). Each member is claimed
for the ISO week by a conditional update of ``digest_week`` before anything is sent, so
running it twice in a week (or on two schedulers at once) sends one summary.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelles.core.links import absolute_reverse, absolute_url
from passerelles.core.mail import in_language_of
from passerelles.notifications.models import Notification, NotificationSettings


def iso_week(moment: datetime) -> str:
    year, week, _day = timezone.localtime(moment).isocalendar()
    return f"{year}-W{week:02d}"


def send_weekly_digests(now: datetime | None = None) -> dict:
    """Send this week's summary to every member who chose it and has not had it yet.
    Returns how many were sent and how many had nothing to tell."""
    now = now or timezone.now()
    week = iso_week(now)
    since = now - timedelta(days=7)
    sent = empty = 0
    candidates = (
        NotificationSettings.objects.filter(weekly_digest=True, user__is_active=True)
        .exclude(digest_week=week)
        .select_related("user", "user__profile")
    )
    for row in candidates.iterator(chunk_size=500):
        claimed = (
            NotificationSettings.objects.filter(pk=row.pk, weekly_digest=True)
            .exclude(digest_week=week)
            .update(digest_week=week)
        )
        if not claimed:
            continue  # another run took this member for this week
        notices = list(Notification.objects.filter(user=row.user, created_at__gte=since))
        if not notices:
            empty += 1
            continue
        _send(row.user, notices)
        sent += 1
    return {"week": week, "sent": sent, "nothing_to_say": empty}


def _send(user, notices: list[Notification]) -> None:
    with in_language_of(user):
        items = [
            {"shown": notice.shown, "link": absolute_url(notice.url) if notice.url else ""}
            for notice in notices
        ]
        context = {
            "name": user.first_name or user.email,
            "notices": items,
            "list_url": absolute_reverse("notifications:list"),
            "settings_url": absolute_reverse("notifications:settings"),
        }
        body = render_to_string("notifications/email/digest.txt", context).rstrip() + "\n\n"
        body += render_to_string("notifications/email/footer.txt", context)
        subject = _("[Passerelles] Votre semaine")
    send_mail(subject, body, None, [user.email], fail_silently=True)
