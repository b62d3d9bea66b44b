from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "passerelles.core"
    label = "core"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from passerelles.core import checks  # noqa: F401  (registers the deploy checks)
        from passerelles.core.middleware import remember_language

        def keep_language(sender, request, user, **kwargs) -> None:
            if request is not None:
                remember_language(request, user)

        user_logged_in.connect(keep_language, dispatch_uid="passerelles.keep_language", weak=False)
