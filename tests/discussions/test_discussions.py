"""Starting, reading, replying, moderating: what members and moderators see."""

import pytest
from django.urls import reverse

from passerelles.circles import actions as circle_actions
from passerelles.circles.models import Bridge
from passerelles.discussions import actions
from passerelles.discussions.actions import POSTS_PER_WINDOW, ActionError
from passerelles.discussions.models import Discussion, Post


def test_start_in_my_circle_from_the_form(client, town):
    member = town["users"]["member"]
    client.force_login(member)
    form = client.get(reverse("discussions:new")).content.decode()
    assert "Club Industrie Rhône" in form and "Cercle de Brest" not in form
    response = client.post(
        reverse("discussions:new"),
        {
            "title": "  Recruter   en alternance  ",
            "axis": "savoir",
            "where": town["club"].pk,
            "open_to_bridged": "on",
            "body": "Qui a de l'expérience ?",
        },
    )
    discussion = Discussion.objects.get(title="Recruter en alternance")
    assert response.status_code == 302 and response.url == discussion.get_absolute_url()
    assert discussion.circle == town["club"] and discussion.open_to_bridged
    assert discussion.post_count == 1 and discussion.posts.get().author == member


def test_a_circle_that_is_not_mine_is_refused_and_nothing_is_written(client, town):
    client.force_login(town["users"]["member"])
    before = Discussion.objects.count()
    page = client.post(
        reverse("discussions:new"),
        {"title": "Intrusion", "axis": "soi", "where": town["far"].pk, "body": "Bonjour"},
    ).content.decode()
    assert 'class="errorlist"' in page and "Sélectionnez un choix valide" in page
    assert Discussion.objects.count() == before
    with pytest.raises(ActionError):
        actions.do_start_discussion(
            acting_user=town["users"]["member"],
            title="Intrusion",
            axis="soi",
            circle=town["far"],
            open_to_bridged=False,
            body="x",
        )
    assert Discussion.objects.count() == before


@pytest.mark.parametrize("body", ["", "   ", "x" * 4001])
def test_empty_or_too_long_messages_are_refused(town, body):
    discussion = town["discussions"]["everyone"]
    with pytest.raises(ActionError):
        actions.do_post(discussion, body, acting_user=town["users"]["member"])
    discussion.refresh_from_db()
    assert discussion.post_count == 1 and discussion.posts.count() == 1


def test_a_flood_is_slowed_down(town):
    discussion, member = town["discussions"]["everyone"], town["users"]["member"]
    for i in range(POSTS_PER_WINDOW):
        actions.do_post(discussion, f"message {i}", acting_user=member)
    with pytest.raises(ActionError, match="réessayez"):
        actions.do_post(discussion, "un de trop", acting_user=member)
    assert Post.objects.filter(author=member).count() == POSTS_PER_WINDOW


def test_a_closed_discussion_takes_no_message_until_reopened(client, town):
    discussion, moderator = town["discussions"]["club"], town["users"]["moderator"]
    actions.do_lock(discussion, acting_user=moderator, locked=True)
    with pytest.raises(ActionError, match="close"):
        actions.do_post(discussion, "Encore un mot", acting_user=town["users"]["member"])
    client.force_login(town["users"]["member"])
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "Cette discussion est close" in page and 'name="body"' not in page
    actions.do_lock(discussion, acting_user=moderator, locked=False)
    actions.do_post(discussion, "Encore un mot", acting_user=town["users"]["member"])


def test_hidden_messages_are_kept_for_moderators_only(client, town):
    discussion = town["discussions"]["club"]
    post = actions.do_post(discussion, "Achetez mes montres !", acting_user=town["users"]["member"])
    actions.do_hide_post(post, "publicité", acting_user=town["users"]["moderator"])
    discussion.refresh_from_db()
    assert discussion.post_count == 1
    client.force_login(town["users"]["member"])
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "Message masqué par la modération." in page and "montres" not in page
    client.force_login(town["users"]["moderator"])
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "montres" in page and "publicité" in page and "Rétablir" in page
    client.post(reverse("discussions:restore", args=[post.pk]))
    discussion.refresh_from_db()
    assert discussion.post_count == 2 and not Post.objects.get(pk=post.pk).hidden


def test_authors_withdraw_their_own_messages(client, town):
    discussion, member = town["discussions"]["everyone"], town["users"]["member"]
    post = actions.do_post(discussion, "Je me suis trompée de fil", acting_user=member)
    client.force_login(member)
    client.post(reverse("discussions:hide", args=[post.pk]))
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "Message retiré par son auteur." in page and "trompée" not in page
    other = actions.do_post(discussion, "Bonjour", acting_user=town["users"]["bridged"])
    client.post(reverse("discussions:hide", args=[other.pk]))  # not hers, not a moderator
    assert not Post.objects.get(pk=other.pk).hidden


def test_messages_are_shown_as_text_never_as_html(client, town):
    discussion = town["discussions"]["everyone"]
    actions.do_post(
        discussion,
        "<script>alert(1)</script>\nhttps://exemple.fr",
        acting_user=town["users"]["member"],
    )
    client.force_login(town["users"]["member"])
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert 'href="https://exemple.fr"' in page and "<br>" in page


def test_a_revoked_bridge_closes_the_discussion_to_the_other_circle(client, town):
    discussion, bridged = town["discussions"]["club+bridged"], town["users"]["bridged"]
    client.force_login(bridged)
    assert client.get(discussion.get_absolute_url()).status_code == 200
    circle_actions.do_revoke_bridge(Bridge.objects.get(), acting_user=town["owner"])
    assert client.get(discussion.get_absolute_url()).status_code == 404


def test_event_comments_open_one_discussion_shown_on_the_event(client, town):
    event, member = town["event"], town["users"]["member"]
    client.force_login(member)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Pas encore de message" in page
    url = reverse("discussions:comment_event", args=[event.pk])
    client.post(url, {"body": "Qui vient en vélo ?"})
    client.force_login(town["users"]["moderator"])
    client.post(url, {"body": "Moi !"})
    discussion = Discussion.objects.get(event=event)
    assert discussion.post_count == 2 and discussion.circle == town["club"]
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Qui vient en vélo ?" in page and "Moi !" in page
    assert discussion.get_absolute_url() in page


def test_list_filters_by_axis(client, town):
    actions.do_start_discussion(
        acting_user=town["users"]["member"],
        title="Méditer au travail",
        axis="soi",
        circle=None,
        open_to_bridged=False,
        body="Vos pratiques ?",
    )
    client.force_login(town["users"]["member"])
    page = client.get(reverse("discussions:list"), {"axe": "soi"}).content.decode()
    assert "Méditer au travail" in page and "Sujet" not in page.split("<main", 1)[1]


def test_closing_an_account_erases_its_messages_and_the_export_holds_them(client, town):
    from passerelles.members.actions import do_close_account
    from passerelles.members.export import personal_data

    discussion, bridged = town["discussions"]["everyone"], town["users"]["bridged"]
    actions.do_post(discussion, "Mon numéro : 06 12 34 56 78", acting_user=bridged)
    exported = personal_data(bridged)["discussion_posts"]
    assert [p["body"] for p in exported] == ["Mon numéro : 06 12 34 56 78"]
    do_close_account(bridged, acting_user=bridged)
    discussion.refresh_from_db()
    assert discussion.post_count == 1
    assert not Post.objects.filter(body__contains="06 12").exists()
    client.force_login(town["users"]["member"])
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "Message retiré par son auteur." in page


def test_a_withdrawn_message_stays_withdrawn(client, town):
    discussion, member = town["discussions"]["club"], town["users"]["member"]
    post = actions.do_post(discussion, "Finalement non", acting_user=member)
    actions.do_hide_post(post, acting_user=member)
    with pytest.raises(ActionError, match="retiré par son auteur"):
        actions.do_restore_post(post, acting_user=town["users"]["moderator"])
    client.force_login(town["users"]["moderator"])
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "Finalement non" not in page and "Rétablir" not in page
    client.post(reverse("discussions:restore", args=[post.pk]))
    assert Post.objects.get(pk=post.pk).hidden


def test_a_cancelled_event_takes_no_more_comments(client, town):
    from passerelles.events.actions import do_cancel_event

    event, member = town["event"], town["users"]["member"]
    do_cancel_event(event, acting_user=town["owner"])
    event.refresh_from_db()
    with pytest.raises(ActionError, match="annulé"):
        actions.do_comment_event(event, "Dommage !", acting_user=member)
    client.force_login(member)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "discussions/evenement" not in page
    assert not Post.objects.filter(discussion__event=event).exists()


@pytest.mark.parametrize("state", ["invited", "pending", "left"])
def test_only_admitted_members_read_a_circle_discussion(client, town, state):
    from passerelles.circles.models import Membership

    member = town["users"]["member"]
    Membership.objects.filter(user=member, circle=town["club"]).update(state=state)
    client.force_login(member)
    assert client.get(town["discussions"]["club"].get_absolute_url()).status_code == 404
    with pytest.raises(ActionError):
        actions.do_post(town["discussions"]["club"], "Toujours là ?", acting_user=member)


def test_closing_an_account_keeps_the_count_of_shown_messages(town):
    from passerelles.members.actions import do_close_account

    discussion, bridged = town["discussions"]["everyone"], town["users"]["bridged"]
    first = actions.do_post(discussion, "Un", acting_user=bridged)
    actions.do_post(discussion, "Deux", acting_user=bridged)
    actions.do_hide_post(first, "hors sujet", acting_user=town["users"]["operator"])
    discussion.refresh_from_db()
    assert discussion.post_count == 2
    do_close_account(bridged, acting_user=bridged)
    discussion.refresh_from_db()
    assert discussion.post_count == 1 == discussion.posts.filter(hidden_at__isnull=True).count()
    assert all(p.withdrawn and p.body == "" for p in Post.objects.filter(author=bridged))


def test_long_discussions_come_in_pages_and_a_reply_lands_on_its_page(client, town):
    from passerelles.discussions import views

    discussion = town["discussions"]["everyone"]
    authors = [town["users"][r] for r in ("member", "bridged", "outsider", "moderator")]
    for i in range(views.POSTS_PER_PAGE + 5):
        actions.do_post(discussion, f"message numéro {i}", acting_user=authors[i % 4])
    client.force_login(town["users"]["member"])
    first = client.get(discussion.get_absolute_url()).content.decode()
    assert "message numéro 0" in first and f"message numéro {views.POSTS_PER_PAGE + 4}" not in first
    response = client.post(
        reverse("discussions:reply", args=[discussion.pk]), {"body": "Le dernier"}
    )
    assert "?page=2#message-" in response.url
    assert "Le dernier" in client.get(response.url.split("#")[0]).content.decode()


def test_an_author_who_left_the_circle_can_still_withdraw_a_message(client, town):
    from passerelles.circles.models import Membership

    discussion, member = town["discussions"]["club"], town["users"]["member"]
    post = actions.do_post(discussion, "Mon adresse perso : 3 rue des Lilas", acting_user=member)
    Membership.objects.filter(user=member, circle=town["club"]).update(state="left")
    client.force_login(member)
    assert client.get(discussion.get_absolute_url()).status_code == 404
    response = client.post(reverse("discussions:hide", args=[post.pk]))
    assert response.status_code == 302 and response.url == reverse("discussions:list")
    assert Post.objects.get(pk=post.pk).withdrawn


def test_an_event_discussion_follows_the_event_title_and_axis(client, town):
    from passerelles.events.models import Event

    event = town["event"]
    post = actions.do_comment_event(event, "Qui vient ?", acting_user=town["users"]["member"])
    Event.objects.filter(pk=event.pk).update(title="Petit-déjeuner de rentrée", axis="soi")
    client.force_login(town["users"]["member"])
    page = client.get(post.discussion.get_absolute_url()).content.decode()
    assert "Petit-déjeuner de rentrée" in page and "Le développement de soi" in page
