"""``passerelles seed`` writes the demo ecosystem, and its three logins work."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Q

from passerelles.circles.models import Bridge, Circle, Membership, Role
from passerelles.demo.logins import DEMO_LOGINS, DEMO_PASSWORD, ensure_demo_logins
from passerelles.members.models import Profile

MEMBER, ORGANISER, ADMIN = (email for _role, email, _pw in DEMO_LOGINS)


@pytest.fixture
def seeded(db):
    call_command("seed", members=600, seed=2026, activity=False, verbosity=0)


def test_seed_writes_members_circles_and_memberships(seeded):
    User = get_user_model()
    assert User.objects.count() == 601  # 600 members and the platform administrator
    assert Profile.objects.count() == 601
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == 601
    assert Circle.objects.count() == 14
    assert Circle.objects.values("city").distinct().count() >= 3
    assert Membership.objects.count() > 600
    assert Profile.objects.annotate(n=Count("skills")).filter(n__lt=2).count() <= 3


def test_members_share_their_circles_sectors(seeded):
    memberships = Membership.objects.select_related("circle", "user__profile")
    members, in_focus = {}, set()
    for m in memberships:
        members[m.user_id] = m.user.profile.sector
        if m.user.profile.sector in m.circle.sector_list:
            in_focus.add(m.user_id)
    assert len(in_focus) / len(members) >= 0.6
    in_two = Membership.objects.values("user").annotate(n=Count("circle")).filter(n__gte=2).count()
    assert in_two >= 30


def test_bridges_are_present(seeded):
    assert Bridge.objects.filter(state="active").count() >= 3
    assert Bridge.objects.filter(state="requested").count() == 1
    assert Bridge.objects.filter(state="revoked").count() == 1


def test_the_three_demo_logins_can_log_in(seeded, client):
    for _role, email, password in DEMO_LOGINS:
        assert client.login(email=email, password=password), email
        client.logout()
    assert get_user_model().objects.get(email=ADMIN).is_staff


def test_a_seeded_member_can_log_in(seeded, client):
    user = get_user_model().objects.filter(email__endswith="@exemple.fr").first()
    assert client.login(email=user.email, password=DEMO_PASSWORD)


def test_organiser_owns_the_lyon_club_of_journey_two(seeded):
    club = Circle.objects.get(memberships__user__email=ORGANISER, memberships__role=Role.OWNER)
    assert (club.city, club.kind, club.admission_policy) == ("Lyon", "club", "cooptation")
    bridges = Bridge.objects.filter(Q(from_circle=club) | Q(to_circle=club))
    assert [b.state for b in bridges] == ["active"]
    for kind in ("alumni", "women"):
        other = Circle.objects.get(city="Lyon", kind=kind)
        assert not bridges.filter(Q(from_circle=other) | Q(to_circle=other)).exists()


def test_member_of_journey_four_is_admitted_in_one_circle(seeded):
    julien = get_user_model().objects.get(email=MEMBER)
    assert julien.get_full_name() == "Julien Moreau"
    assert list(julien.memberships.values_list("state", flat=True)) == ["admitted"]
    assert "Allemagne" in julien.profile.needs


def test_seed_refuses_politely_when_circles_exist_and_clear_replaces(seeded):
    with pytest.raises(CommandError, match="--clear"):
        call_command("seed", members=100, circles=5, verbosity=0)
    call_command("seed", members=100, circles=5, seed=1, clear=True, activity=False, verbosity=0)
    assert Circle.objects.count() == 5
    assert get_user_model().objects.count() == 101


def test_ensure_demo_logins_is_idempotent_on_an_empty_database(db):
    ensure_demo_logins()
    ensure_demo_logins()
    User = get_user_model()
    assert User.objects.count() == 3
    assert User.objects.get(email=ADMIN).is_staff
    call_command(
        "seed", members=100, circles=5, activity=False, verbosity=0
    )  # reuses the three accounts
    assert User.objects.count() == 101
    assert EmailAddress.objects.filter(email=MEMBER).count() == 1


def test_without_activity_the_seed_writes_no_evidence_nor_events(seeded):
    from passerelles.events.models import Event
    from passerelles.trust.models import Vouch

    assert not Vouch.objects.exists()
    assert not Event.objects.exists()


def test_a_failing_activity_leaves_nothing_half_written(db, monkeypatch):
    from passerelles.demo import activity
    from passerelles.trust.models import Vouch

    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(activity, "_round", fail)
    with pytest.raises(RuntimeError):
        call_command("seed", members=150, circles=12, seed=3, verbosity=0)
    assert not Circle.objects.exists()
    assert not Vouch.objects.exists()


def test_outside_debug_the_demo_logins_get_a_random_password(db, settings, capsys):
    from django.contrib.auth import get_user_model

    settings.DEBUG = False
    settings.TESTING = False
    call_command("seed", members=60, circles=12, seed=5, activity=False, verbosity=0)
    admin = get_user_model().objects.get(email="admin@demo.passerelles.fr")
    assert not admin.check_password(DEMO_PASSWORD)
    assert "mot de passe aléatoire" in capsys.readouterr().out
