"""What closing an account does to messages (registered by ``DiscussionsConfig``)."""

from __future__ import annotations

from passerelles.discussions.actions import recount
from passerelles.discussions.models import Post
from passerelles.members.closing import Closing


def erase_discussion_posts(closing: Closing) -> None:
    """Their messages are erased (the text may name them or others) and shown as withdrawn;
    discussions they started stay, for the others' replies."""
    posts = Post.objects.filter(author=closing.user)
    touched = list(posts.values_list("discussion_id", flat=True).distinct())
    posts.update(body="", hidden_reason="", hidden_at=closing.now, hidden_by=closing.user)
    recount(touched)
