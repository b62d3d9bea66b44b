"""Distance in a round: among people who offer the same, the one nearby comes first, and
a pair far apart is told they meet remotely only when both accept it."""

from django.db.models import Q
from django.utils import translation

from passerelles.intros.models import Introduction
from passerelles.intros.rounds import run_round
from passerelles.members.models import Visibility
from tests.conftest import make_circle, make_user
from tests.intros.conftest import member

OFFER = "direction financière à temps partiel, DAF externalisé, trésorerie"


def _place(user, city, department):
    user.profile.city, user.profile.department = city, department
    user.profile.visibility = Visibility.ALL
    user.profile.save()
    return user


def _scene(db, *, remote_far=False):
    owner = make_user("owner@example.org", "Odile", "Arnaud")
    club = make_circle(owner, "Club Industrie Rhône", listed=True)
    other = make_circle(make_user("o2@example.org", "Omar", "Bey"), "Réseau Sud", listed=True)
    third = make_circle(make_user("o3@example.org", "Olga", "Roy"), "Réseau Ouest", listed=True)
    firm = member(
        "firm@example.org",
        "Marc",
        "Fournier",
        club,
        offers="usinage de précision",
        needs="un directeur financier à temps partiel",
        remote=remote_far,
    )
    _place(firm, "Villeurbanne", "69")
    near = member("near@example.org", "Nora", "Lyonnaise", other, offers=OFFER, needs="")
    _place(near, "Lyon", "69")
    far = member(
        "far@example.org", "Félix", "Marseillais", third, offers=OFFER, needs="", remote=remote_far
    )
    _place(far, "Marseille", "13")
    return firm, near, far


def _intro(a, b):
    return Introduction.objects.filter(Q(member_a=a, member_b=b) | Q(member_a=b, member_b=a))


def test_the_finance_director_in_the_same_region_comes_before_the_one_far_away(db):
    firm, near, far = _scene(db)
    run_round(force=True)
    intro = _intro(firm, near).get()
    assert not _intro(firm, far).exists()
    reasons = intro.reasons_for(firm)
    assert "Vous êtes dans la même région (Auvergne-Rhône-Alpes)." in reasons
    with translation.override("en"):
        assert "You are in the same region (Auvergne-Rhône-Alpes)." in intro.reasons_for(firm)


def test_when_both_accept_remote_meetings_the_reason_says_so(db):
    firm, near, far = _scene(db, remote_far=True)
    run_round(force=True)
    intro = _intro(firm, far).get()  # meeting remotely counts in full, the region half
    reasons = intro.reasons_for(firm)
    assert (
        "Vous êtes loin l'un de l'autre, mais vous acceptez tous les deux "
        "de vous rencontrer à distance." in reasons
    )
    with translation.override("en"):
        assert "You are far apart, but you both agree to meet remotely." in (
            intro.reasons_for(firm)
        )


def test_the_preference_page_offers_remote_meetings_off_by_default(client, db):
    firm, _near, _far = _scene(db)
    client.force_login(firm)
    page = client.get("/mises-en-relation/preferences/").content.decode()
    assert 'name="remote"' in page
    assert 'name="remote" checked' not in page
