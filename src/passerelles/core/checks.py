from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def site_url_is_set(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[Warning]:
    if settings.SITE_URL:
        return []
    return [
        Warning(
            "SITE_URL is not set: links in e-mails sent by scheduled jobs will be relative.",
            hint="export SITE_URL=https://passerelles.example.org",
            id="passerelles.W001",
        )
    ]
