"""Deploy checks of the processes' shared state."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def shared_cache(app_configs, **kwargs):
    if settings.REDIS_URL or settings.DEBUG:
        return []
    return [
        Warning(
            "REDIS_URL is not set: each process keeps its own cache and sign-in limits.",
            hint="Set REDIS_URL when more than one web process serves the site.",
            id="passerelles.W101",
        )
    ]
