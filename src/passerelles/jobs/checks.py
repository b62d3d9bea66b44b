"""Deploy checks of the processes' shared state."""

from django.conf import settings
from django.core.checks import Warning, register

from passerelles.core import background


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


@register(deploy=True)
def indexes_seen_by_the_pages(app_configs, **kwargs):
    if settings.INDEXES_BUILT_BY != "scheduler" or background.shared_cache():
        return []
    return [
        Warning(
            "PASSERELLES_INDEXES_BUILT_BY=scheduler without a shared cache: the pages never "
            "see the indexes of members' texts that the scheduler builds.",
            hint="Set REDIS_URL, or leave PASSERELLES_INDEXES_BUILT_BY to auto.",
            id="passerelles.W102",
        )
    ]
