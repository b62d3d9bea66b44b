"""A small two-circle population for introductions, bridged, with clear needs and offers."""

import pytest

from passerelles.circles import actions as circle_actions
from passerelles.core import background
from passerelles.intros import ask
from passerelles.intros.models import Preference, Scope
from tests.conftest import admit, make_circle, make_user


def member(
    email,
    first,
    last,
    circle=None,
    *,
    offers="",
    needs="",
    sector="",
    organisation="",
    themes=(),
    consent=True,
    per_round=1,
    scope=Scope.ALL,
    **pref,
):
    user = make_user(email, first, last)
    if circle is not None:
        admit(user, circle)
    profile = user.profile
    profile.offers, profile.needs, profile.sector = offers, needs, sector
    profile.organisation = organisation
    profile.theme_list = themes
    profile.save()
    Preference.objects.update_or_create(
        user=user,
        defaults={"consent": consent, "per_round": per_round, "scope": scope, **pref},
    )
    return user


@pytest.fixture
def world(db):
    """Two bridged circles (industry club, finance network) and six consenting members."""
    owner_a = make_user("owner-a@example.org", "Odile", "Arnaud")
    owner_b = make_user("owner-b@example.org", "Olivier", "Besson")
    industry = make_circle(owner_a, "Club Industrie Rhône", listed=True)
    finance = make_circle(owner_b, "Réseau Finance Lyon", listed=True)
    bridge = circle_actions.do_request_bridge(industry, finance, acting_user=owner_a)
    circle_actions.do_answer_bridge(bridge, acting_user=owner_b, accept=True)
    people = {
        "marc": member(
            "marc@example.org",
            "Marc",
            "Fournier",
            industry,
            offers="usinage de précision, sous-traitance industrielle, fabrication de pièces",
            needs="exporter en Allemagne ; un directeur financier à temps partiel",
            sector="C",
            organisation="Fournier Mécanique",
            themes=["savoir"],
            per_round=2,
        ),
        "bob": member(
            "bob.dev@example.org",
            "Bob",
            "Durand",
            industry,
            offers="développement de sites web et applications",
            needs="trouver un cabinet de recrutement",
            sector="J",
            organisation="WebCo",
        ),
        "alice": member(
            "alice.rh@example.org",
            "Alice",
            "Martin",
            industry,
            offers="recrutement de cadres, ressources humaines",
            needs="un expert-comptable pour ma levée de fonds",
            sector="N",
            organisation="RH Conseil",
        ),
        "sophie": member(
            "sophie@example.org",
            "Sophie",
            "Lambert",
            finance,
            offers="direction financière à temps partiel, DAF externalisé, trésorerie",
            needs="un sous-traitant en usinage pour un client industriel",
            sector="K",
            organisation="Lambert Finance",
            themes=["savoir"],
        ),
        "karl": member(
            "karl@example.org",
            "Karl",
            "Weber",
            finance,
            offers="accompagnement à l'export vers l'Allemagne, marché allemand",
            needs="refaire notre site web",
            sector="M",
            organisation="Export Plus",
        ),
        "dana": member(
            "dana.compta@example.org",
            "Dana",
            "Roux",
            finance,
            offers="expertise comptable, levée de fonds, financement",
            needs="recruter un comptable junior",
            sector="M",
            organisation="Roux Audit",
        ),
    }
    return {"industry": industry, "finance": finance, "owners": (owner_a, owner_b), **people}


def vouch(voucher, vouchee, strength=3):
    from passerelles.trust.actions import do_vouch

    return do_vouch(vouchee, acting_user=voucher, context="worked_with", strength=strength)


def pairs_of(queryset):
    return {frozenset((i.member_a_id, i.member_b_id)) for i in queryset}


class Clock:
    """A clock for the "ask the network" index's age, moved by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(ask, "_clock", clock)
    return clock


@pytest.fixture
def builds(monkeypatch):
    calls = []
    build = ask.build_index

    def counting(key=()):
        calls.append(key)
        return build(key)

    monkeypatch.setattr(ask, "build_index", counting)
    return calls


@pytest.fixture
def jobs(monkeypatch):
    """Background jobs asked for, by name, run when the test says (a thread would not
    see the test's transaction)."""
    asked: dict = {}

    def run_once(name, job):
        asked.setdefault(name, job)
        return True

    monkeypatch.setattr(background, "run_once", run_once)
    return asked


def run(jobs):
    while jobs:
        jobs.pop(next(iter(jobs)))()
