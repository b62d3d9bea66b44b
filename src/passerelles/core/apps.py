from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "passerelles.core"
    label = "core"

    def ready(self) -> None:
        from passerelles.core import checks  # noqa: F401  (registers the deploy checks)
