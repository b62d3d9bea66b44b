from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "passerelles.circles"
    label = "circles"

    def ready(self) -> None:
        from allauth.account.signals import user_signed_up
        from django.db.models.signals import post_delete, post_save

        from passerelles.circles.models import Bridge, Membership
        from passerelles.circles.receivers import accept_invitation_on_signup, forget_reach

        user_signed_up.connect(accept_invitation_on_signup, dispatch_uid="circles.invitation")
        for model in (Membership, Bridge):  # who reaches which circle changed
            for signal in (post_save, post_delete):
                signal.connect(forget_reach, sender=model, dispatch_uid=f"circles.reach.{model}")
