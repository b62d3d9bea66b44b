"""The WSGI application, loaded once by gunicorn's master (``--preload``) before it forks
its workers: every URL, view and library is imported here, so a worker's first request
pays for none of it (on a busy machine that import once outlasted the 30 s a worker has
to answer). No database connection is left open for the workers to share."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passerelles.config.settings")
application = get_wsgi_application()


def _warm_up() -> None:
    from django.db import connections
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports every app's URLs and views)
    connections.close_all()


_warm_up()

if os.environ.get("PASSERELLES_WARM_AT_START") == "1":  # set by `passerelles demo`
    # The server serving from this very process (runserver) builds the indexes of
    # members' texts in a background thread, unless the scheduler does (a cache shared
    # through Redis: intros.warm); under gunicorn, each forked worker does
    # (config/gunicorn.py), not the master.
    from passerelles.intros import warm

    warm.start()
