from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "passerelles.circles"
    label = "circles"

    def ready(self) -> None:
        from allauth.account.signals import user_signed_up

        from passerelles.circles.receivers import accept_invitation_on_signup

        user_signed_up.connect(accept_invitation_on_signup, dispatch_uid="circles.invitation")
