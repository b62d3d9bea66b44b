"""Property-based fuzzing of the whole API from its OpenAPI schema (schemathesis): no
input, however odd, gives a server error. Bounded: a few examples per operation."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from passerelles.accounts.tokens import do_create_token
from passerelles.config.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def token(alice, bob, club, settings):
    settings.API_TOKEN_RATE_PER_MINUTE = 10_000
    _token, secret = do_create_token(bob, "fuzz", "write", 30, acting_user=bob)
    # As Django's test client does: the request must not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield secret
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_input_gives_a_server_error(case, token):
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
