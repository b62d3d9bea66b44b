"""Discussions: list, start, read and reply, and moderation (hide, restore, close)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles.models import Circle, MembershipState
from passerelles.core.choices import Axis
from passerelles.core.errors import ActionError
from passerelles.core.statements import Statement
from passerelles.discussions import access, actions
from passerelles.discussions.forms import DiscussionForm, PostForm
from passerelles.discussions.models import Discussion, Post
from passerelles.events.access import get_event_for_user

PAGE_SIZE = 30
POSTS_PER_PAGE = 50


@login_required
@require_GET
def discussion_list(request: AuthedHttpRequest) -> HttpResponse:
    discussions = access.visible_discussions(request.user).select_related("circle", "event")
    axis = request.GET.get("axe", "")
    if axis in Axis.values:  # an event's discussion is on the event's axis
        discussions = discussions.filter(
            Q(event__isnull=True, axis=axis) | Q(event__isnull=False, event__axis=axis)
        )
    page = Paginator(discussions, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "axes": Axis.choices,
        "axis": axis if axis in Axis.values else "",
        "axis_query": f"axe={axis}" if axis in Axis.values else "",
    }
    return render(request, "discussions/list.html", context)


def _my_circles(user):
    return Circle.objects.filter(
        memberships__user=user, memberships__state=MembershipState.ADMITTED
    ).order_by("name")


@login_required
def discussion_new(request: AuthedHttpRequest) -> HttpResponse:
    form = DiscussionForm(request.POST or None, circles=_my_circles(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            discussion = actions.do_start_discussion(
                acting_user=request.user,
                title=data["title"],
                axis=data["axis"],
                circle=data["where"],
                open_to_bridged=data["open_to_bridged"],
                body=data["body"],
            )
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            return redirect(discussion)
    return render(request, "discussions/new.html", {"form": form})


@login_required
@require_GET
def discussion_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    discussion = access.get_discussion_for_user(request.user, pk)
    moderator = access.may_moderate(request.user, discussion)
    posts = discussion.posts.select_related("author__profile")
    page = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "discussion": discussion,
        "posts": page.object_list,
        "page": page,
        "may_post": access.may_post(request.user, discussion),
        "moderator": moderator,
        "form": PostForm(),
    }
    return render(request, "discussions/detail.html", context)


@login_required
@require_POST
def reply(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    discussion = access.get_discussion_for_user(request.user, pk)
    form = PostForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Le message est vide ou trop long (4 000 caractères au plus)."))
        return redirect(discussion)
    try:
        post = actions.do_post(discussion, form.cleaned_data["body"], acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
        return redirect(discussion)
    return redirect(_where(post))


def _where(post: Post) -> str:
    """The page of a discussion that shows ``post``, at the message."""
    before = post.discussion.posts.filter(created_at__lt=post.created_at).count()
    page = before // POSTS_PER_PAGE + 1
    suffix = f"?page={page}" if page > 1 else ""
    return f"{post.discussion.get_absolute_url()}{suffix}#message-{post.pk}"


@login_required
@require_POST
def comment_event(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    event = get_event_for_user(request.user, event_id)
    form = PostForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Le message est vide ou trop long (4 000 caractères au plus)."))
        return redirect(event)
    try:
        post = actions.do_comment_event(event, form.cleaned_data["body"], acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
        return redirect(event)
    return redirect(_where(post))


def _post_for_user(user, pk: int) -> Post:
    """A message in a discussion ``user`` may read, or their own (an author who left the
    circle may still withdraw what they wrote there)."""
    readable = Q(discussion__in=access.visible_discussions(user)) | Q(author=user)
    return get_object_or_404(Post.objects.filter(readable).select_related("discussion"), pk=pk)


@login_required
@require_POST
def hide(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    post = _post_for_user(request.user, pk)
    try:
        actions.do_hide_post(post, request.POST.get("reason", ""), acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Message masqué."))
    if not access.visible_discussions(request.user).filter(pk=post.discussion_id).exists():
        return redirect("discussions:list")  # their own message, in a circle they left
    return redirect(post.discussion)


@login_required
@require_POST
def restore(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    post = _post_for_user(request.user, pk)
    try:
        actions.do_restore_post(post, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Message rétabli."))
    return redirect(post.discussion)


@login_required
@require_POST
def lock(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    discussion = access.get_discussion_for_user(request.user, pk)
    locked = request.POST.get("locked") == "1"
    try:
        actions.do_lock(discussion, acting_user=request.user, locked=locked)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Discussion close.") if locked else _("Discussion rouverte."))
    return redirect(discussion)


# An event page's discussion and its last messages, compiled once per process (read on every
# event page; benchmarks/README.md, web section).
_event_discussion = Statement(lambda event_id: Discussion.objects.filter(event_id=event_id))
_recent_posts = Statement(
    lambda discussion_id: (
        Post.objects.filter(discussion_id=discussion_id, hidden_at__isnull=True)
        .select_related("author__profile")
        .order_by("-created_at")
    )
)


def event_comments(event) -> dict:
    """The event's discussion, if someone started it, and its last few messages."""
    found = _event_discussion.window(event.pk, offset=0, limit=1)
    discussion = found[0] if found else None
    recent = []
    if discussion is not None:
        discussion.event = event  # the page's own event, not read again
        recent = _recent_posts.window(discussion.pk, offset=0, limit=3)[::-1]
        for post in recent:
            post.discussion = discussion  # as the related manager sets it
    return {"discussion": discussion, "recent_posts": recent, "comment_form": PostForm()}
