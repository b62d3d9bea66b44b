"""Who may read, write in and moderate which discussion: one test per (view, role)."""

import pytest
from django.urls import reverse

from passerelles.discussions.models import Post

ROLES = ["anonymous", "outsider", "bridged", "member", "moderator", "operator"]
LOGIN = "login"

# Who reads each discussion (operators read everything, to moderate).
READS = {
    "club": {"member", "moderator", "operator"},
    "club+bridged": {"bridged", "member", "moderator", "operator"},
    "everyone": {"outsider", "bridged", "member", "moderator", "operator"},
}
# Who writes in it: the same, without the operator bypass.
WRITES = {
    "club": {"member", "moderator"},
    "club+bridged": {"bridged", "member", "moderator"},
    "everyone": {"outsider", "bridged", "member", "moderator", "operator"},
}
# Who moderates: the club's moderators and operators; across circles, operators only.
MODERATES = {
    "club": {"moderator", "operator"},
    "club+bridged": {"moderator", "operator"},
    "everyone": {"operator"},
}


def fetch(client, user, method, url, data=None):
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and "/compte/login/" in response.url:
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(READS))
def test_read(client, town, role, name):
    discussion = town["discussions"][name]
    url = reverse("discussions:detail", args=[discussion.pk])
    expected = LOGIN if role == "anonymous" else 200 if role in READS[name] else 404
    assert fetch(client, town["users"][role], "get", url) == expected
    if role != "anonymous":
        listed = client.get(reverse("discussions:list")).content.decode()
        assert (discussion.get_absolute_url() in listed) == (role in READS[name])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(READS))
def test_write(client, town, role, name):
    discussion = town["discussions"][name]
    url = reverse("discussions:reply", args=[discussion.pk])
    before = discussion.posts.count()
    status = fetch(client, town["users"][role], "post", url, {"body": "Bonjour à tous"})
    if role == "anonymous":
        assert status == LOGIN
    elif role not in READS[name]:
        assert status == 404
    else:
        assert status == 302
    assert discussion.posts.count() == before + (1 if role in WRITES[name] else 0)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(READS))
def test_moderate(client, town, role, name):
    discussion = town["discussions"][name]
    post = discussion.posts.get()
    status = fetch(client, town["users"][role], "post", reverse("discussions:hide", args=[post.pk]))
    if role == "anonymous":
        assert status == LOGIN
    elif role not in READS[name]:
        assert status == 404
    post.refresh_from_db()
    assert post.hidden == (role in MODERATES[name])
    status = fetch(
        client,
        town["users"][role],
        "post",
        reverse("discussions:lock", args=[discussion.pk]),
        {"locked": "1"},
    )
    discussion.refresh_from_db()
    assert (discussion.locked_at is not None) == (role in MODERATES[name])


@pytest.mark.parametrize("role", ROLES)
def test_event_comments_follow_the_event(client, town, role):
    # The club's evening is for the club only: its comments too.
    event = town["event"]
    url = reverse("discussions:comment_event", args=[event.pk])
    status = fetch(client, town["users"][role], "post", url, {"body": "Qui vient en vélo ?"})
    may = role in {"member", "moderator"}
    if role == "anonymous":
        assert status == LOGIN
    elif role in {"outsider", "bridged"}:
        assert status == 404
    else:
        assert status == 302
    assert Post.objects.filter(discussion__event=event).exists() == may


@pytest.mark.parametrize("role", ROLES)
def test_event_discussion_read_and_moderation(client, town, role):
    from passerelles.discussions.actions import do_comment_event

    post = do_comment_event(
        town["event"], "Qui vient en vélo ?", acting_user=town["users"]["member"]
    )
    url = reverse("discussions:detail", args=[post.discussion_id])
    readers = {"member", "moderator", "operator"}
    expected = LOGIN if role == "anonymous" else 200 if role in readers else 404
    assert fetch(client, town["users"][role], "get", url) == expected
    fetch(client, town["users"][role], "post", reverse("discussions:hide", args=[post.pk]))
    post.refresh_from_db()
    assert post.hidden == (role in {"moderator", "operator", "member"})  # member: her own


@pytest.mark.parametrize("role", ROLES)
def test_restore(client, town, role):
    discussion = town["discussions"]["club+bridged"]
    post = discussion.posts.get()
    post.hidden_at = post.created_at
    post.hidden_by = town["users"]["moderator"]
    post.save()
    status = fetch(
        client, town["users"][role], "post", reverse("discussions:restore", args=[post.pk])
    )
    if role == "anonymous":
        assert status == LOGIN
    elif role not in READS["club+bridged"]:
        assert status == 404
    post.refresh_from_db()
    assert post.hidden == (role not in MODERATES["club+bridged"])
