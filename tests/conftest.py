"""Shared fixtures: alice (circle owner), bob (member), charlie (outsider), dana (bridged)."""

import os
import shutil
import tempfile

import pytest
from allauth.account.models import EmailAddress

from passerelles.circles import actions
from passerelles.circles.models import AdmissionPolicy, Circle, CircleKind

_OWN_CACHE_DIR = pytest.StashKey[str]()


def pytest_configure(config):
    """Vectors the semantic path keeps between processes go to a directory of this test
    run, removed at its end, never to the user's ~/.cache/passerelles (unless
    PASSERELLES_CACHE_DIR is set: a run that wants to keep them across sessions sets it).
    Set in the environment, so servers and commands the tests start write there too."""
    if os.environ.get("PASSERELLES_CACHE_DIR"):
        return
    path = tempfile.mkdtemp(prefix="passerelles-test-cache-")
    os.environ["PASSERELLES_CACHE_DIR"] = path
    config.stash[_OWN_CACHE_DIR] = path


def pytest_unconfigure(config):
    path = config.stash.get(_OWN_CACHE_DIR, None)
    if path is not None:
        os.environ.pop("PASSERELLES_CACHE_DIR", None)
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_cache():
    """Django's cache (sign-in limits, shared graphs) and the in-process caches (the trust
    graph, the "ask the network" index, checked against the data once a minute) outlive
    each test's rolled-back database: every test, browser journeys included, starts empty."""
    from django.core.cache import cache, caches

    from passerelles.intros import ask, bridge_advisor
    from passerelles.trust import graph

    bridge_advisor.stop_serving()  # a thread an earlier test started would serve this one
    cache.clear()
    caches["chrome"].clear()  # the page frame's fragments, kept per process
    graph.clear_cache()
    ask.forget()
    bridge_advisor.forget_pool()
    yield
    bridge_advisor.stop_serving()
    graph.clear_cache()
    ask.forget()
    bridge_advisor.forget_pool()


def make_user(email: str, first: str = "", last: str = "", **extra):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        email=email, password="motdepasse-solide-42", first_name=first, last_name=last, **extra
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_circle(owner, name: str, *, recognised: bool = True, **fields) -> Circle:
    """A circle created by ``owner``; recognised by the platform unless said otherwise
    (an established circle, as the platform's operators would have checked it)."""
    fields.setdefault("kind", CircleKind.BUSINESS_CLUB)
    fields.setdefault("city", "Lyon")
    fields.setdefault("admission_policy", AdmissionPolicy.COOPTATION)
    circle = actions.do_create_circle(acting_user=owner, name=name, **fields)
    if circle.recognised != recognised:
        Circle.objects.filter(pk=circle.pk).update(recognised=recognised)
        circle.recognised = recognised
    return circle


def admit(user, circle: Circle):
    from django.utils import timezone

    from passerelles.circles.models import Membership, MembershipState

    now = timezone.now()
    membership, _ = Membership.objects.update_or_create(
        user=user,
        circle=circle,
        defaults={"state": MembershipState.ADMITTED, "requested_at": now, "admitted_at": now},
    )
    return membership


@pytest.fixture
def alice(db):
    return make_user("alice@example.org", "Alice", "Martin")


@pytest.fixture
def bob(db):
    return make_user("bob@example.org", "Bob", "Durand")


@pytest.fixture
def charlie(db):
    return make_user("charlie@example.org", "Charlie", "Petit")


@pytest.fixture
def dana(db):
    return make_user("dana@example.org", "Dana", "Roux")


@pytest.fixture
def operator(db):
    return make_user("ops@example.org", "Opé", "Rateur", is_staff=True)


@pytest.fixture
def club(alice, bob):
    """A private club owned by alice, with bob as a member."""
    circle = make_circle(alice, "Club des Entrepreneurs de Lyon", listed=False)
    admit(bob, circle)
    return circle


@pytest.fixture
def alumni(dana):
    """A listed alumni association owned by dana."""
    return make_circle(dana, "Anciens de l'École", kind=CircleKind.ALUMNI, listed=True)


@pytest.fixture
def bridge(club, alumni, alice, dana):
    b = actions.do_request_bridge(club, alumni, acting_user=alice)
    return actions.do_answer_bridge(b, acting_user=dana, accept=True)
