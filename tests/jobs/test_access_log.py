"""The access log's line written by config.gunicorn.AccessLogger is gunicorn's own, byte
for byte, in the default format."""

import datetime as dt
import logging
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger

from passerelles.config.gunicorn import AccessLogger, logger_class


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _line(logger_type, resp, req, environ, fmt=None) -> str:
    cfg = Config()
    cfg.set("accesslog", "-")
    if fmt:
        cfg.set("access_log_format", fmt)
    logger = logger_type(cfg)
    logger.now = lambda: "[06/Dec/2026:20:03:57 +0100]"
    capture = Capture()
    logger.access_log.handlers = [capture]
    logger.access(resp, req, environ, dt.timedelta(seconds=0, microseconds=1500))
    return capture.lines[-1]


CASES = [
    {"REMOTE_ADDR": "127.0.0.1", "HTTP_USER_AGENT": 'Mozilla "5.0"'},
    {"REMOTE_ADDR": "10.0.0.2", "HTTP_REFERER": "https://exemple.fr/a?b=1"},
    {"HTTP_AUTHORIZATION": "Basic YWxpY2U6c2VjcmV0"},  # alice:secret
    {"HTTP_AUTHORIZATION": "Basic !!!"},
]


@pytest.mark.parametrize("extra", CASES)
@pytest.mark.parametrize("sent", [38581, None])
def test_the_line_is_gunicorns(extra, sent):
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": '/membres/?q="x"&page=5',
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": "/membres/",
        **extra,
    }
    resp = SimpleNamespace(status="200 OK", sent=sent, headers=[("Content-Type", "text/html")])
    req = SimpleNamespace(headers=[("HOST", "127.0.0.1")])
    ours = _line(AccessLogger, resp, req, environ)
    assert ours == _line(Logger, resp, req, environ)
    custom = '%(h)s "%(r)s" %(s)s %(M)s'
    assert _line(AccessLogger, resp, req, environ, custom) == _line(
        Logger, resp, req, environ, custom
    )


def test_serve_uses_it():
    assert logger_class is AccessLogger
