from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "passerelles.members"
    label = "members"

    def ready(self) -> None:
        from django.conf import settings
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save

        from passerelles.members.everyone import account_changed, profile_changed

        post_save.connect(
            create_profile, sender=settings.AUTH_USER_MODEL, dispatch_uid="members.profile"
        )
        # The number of profiles every member sees (members.everyone), dropped on writes.
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(
                profile_changed, sender="members.Profile", dispatch_uid=f"members.everyone.{name}"
            )
            signal.connect(
                account_changed,
                sender=settings.AUTH_USER_MODEL,
                dispatch_uid=f"members.everyone.account.{name}",
            )
        user_logged_in.connect(keep_language_on_login, dispatch_uid="members.keep_language")

        from passerelles.circles.access import register_people_filter
        from passerelles.members import erasure  # noqa: F401  (registers members' closing steps)
        from passerelles.members.access import visible_profiles

        register_people_filter(visible_profiles)


def create_profile(sender, instance, created, raw=False, **kwargs) -> None:
    """Every user has a profile, created with the account."""
    if created and not raw:
        from passerelles.members.models import Profile

        Profile.objects.get_or_create(user=instance)


def keep_language_on_login(sender, request, user, **kwargs) -> None:
    """The language chosen with the switch before signing in is kept on the profile."""
    if request is None:
        return
    from django.conf import settings

    from passerelles.core.middleware import remember_language
    from passerelles.members.actions import do_keep_language

    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if do_keep_language(code, acting_user=user):
        remember_language(request, code)
