from django.apps import AppConfig


class IntrosConfig(AppConfig):
    name = "passerelles.intros"
    label = "intros"

    def ready(self) -> None:
        from passerelles.intros import closing
        from passerelles.members.closing import ERASE, STOP, register_closing_step

        register_closing_step("intros.close", STOP + 10, closing.close_introductions)
        register_closing_step("intros.texts", ERASE + 30, closing.erase_introduction_texts)

        from passerelles.circles.signals import bridge_closed
        from passerelles.intros.bridge_closing import close_introductions

        bridge_closed.connect(close_introductions, dispatch_uid="intros.bridge_closed")
