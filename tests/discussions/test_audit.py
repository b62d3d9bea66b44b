"""Moderation in the circle's log: a message hidden or restored by a moderator, a
discussion closed or reopened, one entry each naming the moderator; an author withdrawing
their own message and a refused moderation write nothing."""

import pytest
from django.urls import reverse

from passerelles.core.errors import ActionError
from passerelles.core.models import AuditEntry
from passerelles.discussions import actions


def _entries(since: int):
    return list(
        AuditEntry.objects.filter(pk__gt=since)
        .order_by("pk")
        .values_list("verb", "acting_user_id", "subject_user_id", "circle_id")
    )


def _last() -> int:
    return AuditEntry.objects.order_by("pk").values_list("pk", flat=True).last() or 0


def test_moderation_is_in_the_circle_log_and_nothing_else_is(client, town):
    member, moderator = town["users"]["member"], town["users"]["moderator"]
    discussion, club = town["discussions"]["club"], town["club"]
    since = _last()
    post = actions.do_post(discussion, "Qui vient samedi ?", acting_user=member)
    own = actions.do_post(discussion, "Erreur de fil", acting_user=member)
    actions.do_hide_post(own, acting_user=member)  # a withdrawal: not moderation
    with pytest.raises(ActionError):
        actions.do_hide_post(post, "spam", acting_user=town["users"]["bridged"])
    with pytest.raises(ActionError):
        actions.do_lock(discussion, acting_user=member, locked=True)
    assert _entries(since) == []
    actions.do_hide_post(post, "publicité", acting_user=moderator)
    actions.do_restore_post(post, acting_user=moderator)
    actions.do_lock(discussion, acting_user=moderator, locked=True)
    actions.do_lock(discussion, acting_user=moderator, locked=True)  # already closed
    actions.do_lock(discussion, acting_user=moderator, locked=False)
    assert _entries(since) == [
        ("post.hidden", moderator.pk, member.pk, club.pk),
        ("post.restored", moderator.pk, member.pk, club.pk),
        ("discussion.locked", moderator.pk, None, club.pk),
        ("discussion.reopened", moderator.pk, None, club.pk),
    ]
    client.force_login(club.created_by)
    text = client.get(reverse("circles:log", args=[club.slug])).content.decode()
    assert "a masqué un message de" in text and discussion.title in text
