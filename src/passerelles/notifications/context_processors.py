from django.http import HttpRequest

from passerelles.notifications.queries import unread_count


def unread_notifications(request: HttpRequest) -> dict:
    """The header's count of unread notices (one query, members only)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
