from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "passerelles.core"
    label = "core"

    def ready(self) -> None:
        from django.conf import settings
        from django.contrib.auth.signals import user_logged_in

        from passerelles.core import checks  # noqa: F401  (registers the deploy checks)
        from passerelles.core.middleware import keep_language

        def on_login(sender, request, user, **kwargs) -> None:
            if request is not None:  # the language chosen before signing in
                keep_language(request, user, request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""))

        user_logged_in.connect(on_login, dispatch_uid="passerelles.keep_language", weak=False)
