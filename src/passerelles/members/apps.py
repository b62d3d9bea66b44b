from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "passerelles.members"
    label = "members"

    def ready(self) -> None:
        from django.conf import settings
        from django.db.models.signals import post_save

        post_save.connect(
            create_profile, sender=settings.AUTH_USER_MODEL, dispatch_uid="members.profile"
        )


def create_profile(sender, instance, created, raw=False, **kwargs) -> None:
    """Every user has a profile, created with the account."""
    if created and not raw:
        from passerelles.members.models import Profile

        Profile.objects.get_or_create(user=instance)
