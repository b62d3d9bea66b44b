from django.http import HttpRequest

from passerelles.members.models import Profile

SESSION_KEY = "own_profile"  # [user id, profile id]: a profile never changes hands


def own_profile(request: HttpRequest) -> dict:
    """``own_profile_id`` for the header's « Mon profil » link, read once per session
    rather than one query for the profile on every page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    session = getattr(request, "session", None)
    kept = session.get(SESSION_KEY) if session is not None else None
    if isinstance(kept, list) and len(kept) == 2 and kept[0] == user.pk:
        return {"own_profile_id": kept[1]}
    try:
        profile_id = user.profile.pk
    except Profile.DoesNotExist:
        return {"own_profile_id": None}
    if session is not None:
        session[SESSION_KEY] = [user.pk, profile_id]
    return {"own_profile_id": profile_id}
