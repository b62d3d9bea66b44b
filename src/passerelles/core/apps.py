from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared pieces every app may use (errors, links, mail, vocabularies); imports no app."""

    name = "passerelles.core"
    label = "core"

    def ready(self) -> None:
        from passerelles.core import checks  # noqa: F401  (registers the deploy checks)
