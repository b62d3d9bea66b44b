"""gunicorn's settings file for ``passerelles serve`` (``-c python:passerelles.config.gunicorn``):
the site is preloaded by the master (see config/wsgi.py); each worker, once forked, starts
the thread that builds the indexes of members' texts in the background when the web
processes build them (no Redis; with Redis the scheduler does, see intros.warm).

The access log's line is written by ``AccessLogger``: the same line as gunicorn's in its
default format, built directly rather than from a dictionary of every request header,
response header and environment variable made for each request (half of the line's cost,
about 0.1 ms of a worker's CPU per request)."""

import traceback
from typing import Any

from gunicorn.config import AccessLogFormat
from gunicorn.glogging import Logger


def post_fork(server: Any, worker: Any) -> None:
    from passerelles.intros import warm

    warm.start()


def _quoted(value: Any) -> Any:
    """As gunicorn's ``SafeAtoms``: double quotes in text escaped."""
    return value.replace('"', '\\"') if isinstance(value, str) else value


class AccessLogger(Logger):
    """gunicorn's logger; the access line in the default format built directly (any other
    ``--access-logformat`` goes through gunicorn's own path)."""

    def access(self, resp: Any, req: Any, environ: dict, request_time: Any) -> None:
        if not self.access_log_enabled:
            return
        if self.cfg.access_log_format != AccessLogFormat.default:
            super().access(resp, req, environ, request_time)
            return
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        sent = getattr(resp, "sent", None)
        request_line = "{} {} {}".format(
            environ["REQUEST_METHOD"], environ["RAW_URI"], environ["SERVER_PROTOCOL"]
        )
        line = '{} - {} {} "{}" {} {} "{}" "{}"'.format(
            _quoted(environ.get("REMOTE_ADDR", "-")),
            _quoted(self._get_user(environ) or "-"),
            _quoted(self.now()),
            _quoted(request_line),
            _quoted(status),
            _quoted(sent is not None and str(sent) or "-"),
            _quoted(environ.get("HTTP_REFERER", "-")),
            _quoted(environ.get("HTTP_USER_AGENT", "-")),
        )
        try:
            self.access_log.info("%s", line)
        except Exception:
            self.error(traceback.format_exc())


logger_class = AccessLogger
