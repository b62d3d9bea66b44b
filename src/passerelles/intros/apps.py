from django.apps import AppConfig


class IntrosConfig(AppConfig):
    name = "passerelles.intros"
    label = "intros"

    def ready(self) -> None:
        from passerelles.circles.signals import bridge_closed
        from passerelles.intros.bridge_closing import close_introductions

        bridge_closed.connect(close_introductions, dispatch_uid="intros.bridge_closed")
