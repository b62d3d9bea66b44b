""" "Demander au réseau" and distance: of two answers as relevant, the nearer comes first
(or the one both accept to meet at a distance), and the reasons say where they are."""

import pytest

from passerelles.intros import ask
from passerelles.intros.models import Preference
from tests.intros.conftest import member

NEED = "un directeur financier à temps partiel"
OFFER = "direction financière à temps partiel pour les PME industrielles"


def _placed(user, city, department):
    user.profile.city, user.profile.department = city, department
    user.profile.save()
    return user


@pytest.fixture
def far_and_near(world):
    """Marc in Villeurbanne; the same offer from Marseille (the older account, first on a
    tie without distance) and from Lyon."""
    _placed(world["marc"], "Villeurbanne", "69")
    far = member("david@example.org", "David", "Roche", world["finance"], offers=OFFER)
    near = member("maxime@example.org", "Maxime", "Marchand", world["finance"], offers=OFFER)
    return _placed(far, "Marseille", "13"), _placed(near, "Lyon", "69")


def _answers(world):
    answers = {a.profile.name: a for a in ask.ask(world["marc"], NEED)}
    assert {"David Roche", "Maxime Marchand"} <= answers.keys()
    return answers


def _order(answers):
    return [n for n in answers if n in ("David Roche", "Maxime Marchand")]


def test_the_nearer_of_two_as_relevant_comes_first_and_the_reasons_say_where(world, far_and_near):
    answers = _answers(world)
    assert _order(answers) == ["Maxime Marchand", "David Roche"]
    assert (
        "Vous êtes dans la même région (Auvergne-Rhône-Alpes)."
        in answers["Maxime Marchand"].reasons
    )
    assert "David Roche est à Marseille, loin de chez vous." in answers["David Roche"].reasons


def test_far_but_both_accept_to_meet_at_a_distance(world, far_and_near):
    far, _near = far_and_near
    Preference.objects.filter(user__in=[world["marc"], far]).update(remote=True)
    answers = _answers(world)
    assert _order(answers) == ["David Roche", "Maxime Marchand"]
    said = answers["David Roche"].reasons
    assert (
        "Vous êtes loin l'un de l'autre, mais vous acceptez tous les deux "
        "de vous rencontrer à distance." in said
    )
    assert not any("loin de chez vous" in r for r in said)


def test_their_remote_meetings_do_not_count_unless_the_asker_accepts_them(world, far_and_near):
    far, _near = far_and_near
    Preference.objects.filter(user=far).update(remote=True)
    answers = _answers(world)
    assert _order(answers) == ["Maxime Marchand", "David Roche"]
    assert "David Roche est à Marseille, loin de chez vous." in answers["David Roche"].reasons


def test_place_reasons_in_english(world, far_and_near):
    from django.utils import translation

    with translation.override("en"):
        answers = _answers(world)
    assert "David Roche is in Marseille, far from you." in answers["David Roche"].reasons


def test_relevance_stays_first(world, far_and_near):
    _far, near = far_and_near
    near.profile.offers = "trésorerie et contrôle de gestion pour les PME"
    near.profile.save()
    answers = {a.profile.name: a for a in ask.ask(world["marc"], NEED)}
    assert list(answers).index("David Roche") < list(answers).index("Maxime Marchand")


def test_someone_of_ones_own_circle_is_placed_too(world):
    _placed(world["marc"], "Villeurbanne", "69")
    neighbour = member("nadia@example.org", "Nadia", "Vidal", world["industry"], offers=OFFER)
    _placed(neighbour, "Villeurbanne", "69")
    answers = {a.profile.name: a for a in ask.ask(world["marc"], NEED)}
    assert "Vous êtes tous les deux à Villeurbanne." in answers["Nadia Vidal"].reasons


def test_the_nearer_of_two_of_ones_own_circle_comes_first(world):
    """Two members of Marc's own club with the same offer: the one in Lyon before the one
    in Marseille (the older account, first on a tie without distance); the reasons say
    where each is."""
    _placed(world["marc"], "Villeurbanne", "69")
    far = member("david@example.org", "David", "Roche", world["industry"], offers=OFFER)
    near = member("nadia@example.org", "Nadia", "Vidal", world["industry"], offers=OFFER)
    _placed(far, "Marseille", "13")
    _placed(near, "Lyon", "69")
    answers = {a.profile.name: a for a in ask.ask(world["marc"], NEED)}
    assert [n for n in answers if n in ("David Roche", "Nadia Vidal")] == [
        "Nadia Vidal",
        "David Roche",
    ]
    assert "Vous êtes dans la même région (Auvergne-Rhône-Alpes)." in answers["Nadia Vidal"].reasons
    assert "David Roche est à Marseille, loin de chez vous." in answers["David Roche"].reasons
