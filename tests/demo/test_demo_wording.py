"""The demo reads as a real network would: no event on Christmas or New Year's Eve, circle
descriptions that say « et » once, and a first start that says what it builds."""

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command

from passerelles.demo import activity, generator
from passerelles.demo.management.commands import demo as demo_command

HOLIDAYS = {(12, 24), (12, 25), (12, 31), (1, 1)}


def _days(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def test_an_event_day_is_never_a_holiday_and_moves_away_from_today():
    for today in _days(dt.date(2026, 11, 20), dt.date(2027, 1, 10)):
        for ahead in range(-40, 50):
            day = activity.event_day(today, ahead)
            assert (day.month, day.day) not in HOLIDAYS, (today, ahead)
            wanted = today + dt.timedelta(days=ahead)
            moved = (day - wanted).days
            assert 0 <= moved * (1 if ahead >= 0 else -1) <= 2, (today, ahead, day)
            if (wanted.month, wanted.day) not in HOLIDAYS:
                assert day == wanted


@pytest.fixture(scope="module")
def dataset():
    return generator.generate(members=600, circles=14, seed=2026)


def test_the_demo_s_events_avoid_the_holidays_whenever_it_is_loaded(dataset):
    plan = activity.plan_activity(dataset)
    for today in _days(dt.date(2026, 11, 25), dt.date(2027, 1, 2)):
        days = {activity.event_day(today, spec.days_ahead) for spec in plan.events}
        assert not {(d.month, d.day) for d in days} & HOLIDAYS, today


@pytest.mark.parametrize("seed", [2026, 1, 7])
def test_descriptions_say_et_once_a_sentence(seed):
    data = generator.generate(members=300, circles=14, seed=seed)
    for circle in data.circles:
        for sentence in re.split(r"(?<=\.)\s+", circle.description):
            assert len(re.findall(r"\bet\b", sentence)) <= 1, sentence
    assert not [m.needs for m in data.members if "Et aussi" in m.needs]


def test_seed_says_what_it_builds_as_it_starts(db):
    out = io.StringIO()
    call_command("seed", members=600, seed=2026, activity=False, progress=True, stdout=out)
    lines = out.getvalue().splitlines()
    assert "  · 600 membres, 14 cercles, leurs adhésions et leurs passerelles…" in lines
    assert "  · Index de la base de données…" in lines


def test_the_first_demo_start_asks_the_seed_for_its_progress(db, monkeypatch):
    calls = []
    monkeypatch.setattr(
        demo_command, "call_command", lambda name, **options: calls.append((name, options))
    )
    out = io.StringIO()
    call_command("demo", no_serve=True, stdout=out)
    assert [name for name, _options in calls] == ["migrate", "seed"]
    assert calls[1][1]["progress"] is True
    text = out.getvalue()
    assert text.index("Préparation de la base de données") < text.index("Chargement")
