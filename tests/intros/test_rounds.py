"""Rounds: who is proposed to whom, never twice, within capacity and both sides' scopes."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from passerelles.intros.actions import do_decide
from passerelles.intros.models import Introduction, Preference, Round, Scope, Status
from passerelles.intros.queries import shown
from passerelles.intros.rounds import run_round
from passerelles.members.models import Visibility
from passerelles.notifications.kinds import INTRODUCTION_KINDS
from tests.conftest import make_circle, make_user
from tests.intros.conftest import member, pairs_of, vouch


def load(intros):
    counts = Counter()
    for intro in intros:
        counts[intro.member_a_id] += 1
        counts[intro.member_b_id] += 1
    return counts


def test_round_proposes_cross_circle_pairs(world):
    round_ = run_round(force=True)
    assert round_.introductions >= 2
    assert round_.cross_circle >= 2
    industry = {world[k].pk for k in ("marc", "bob", "alice")}
    crossing = [
        i
        for i in Introduction.objects.all()
        if (i.member_a_id in industry) != (i.member_b_id in industry)
    ]
    assert len(crossing) >= 2
    assert {world["marc"].pk, world["sophie"].pk} in [
        {i.member_a_id, i.member_b_id} for i in Introduction.objects.all()
    ]


def test_reasons_in_french_for_each_side(world):
    run_round(force=True)
    intro = Introduction.objects.get(
        member_a__in=[world["marc"], world["sophie"]], member_b__in=[world["marc"], world["sophie"]]
    )
    marc_reasons = " ".join(intro.reasons_for(world["marc"]))
    sophie_reasons = " ".join(intro.reasons_for(world["sophie"]))
    assert "Sophie Lambert cherche" in marc_reasons
    assert "Marc Fournier propose" in sophie_reasons
    assert "aucun cercle en commun" in marc_reasons
    assert set(intro.components) >= {"relevance", "novelty", "total", "shared_circles"}


def test_capacities_respected(world):
    run_round(force=True)
    counts = load(Introduction.objects.all())
    for user in Preference.objects.filter(consent=True):
        assert counts[user.user_id] <= user.per_round


def test_never_a_repeated_pair_across_rounds(world):
    seen = set()
    for week in range(4):
        run_round(now=timezone.now() + timedelta(days=7 * week), force=True, seed=week)
        pairs = [frozenset((i.member_a_id, i.member_b_id)) for i in Introduction.objects.all()]
        assert len(pairs) == len(set(pairs))
        seen |= set(pairs)
    assert len(seen) == Introduction.objects.count()


def test_declined_pair_never_returns(world):
    run_round(force=True)
    intro = Introduction.objects.get(member_a=world["marc"], member_b=world["sophie"])
    do_decide(intro, acting_user=world["sophie"], accept=False)
    Introduction.objects.exclude(pk=intro.pk).delete()  # even with everything else forgotten
    for week in range(1, 4):
        run_round(now=timezone.now() + timedelta(days=7 * week), force=True)
    assert (
        Introduction.objects.filter(
            member_a__in=[world["marc"], world["sophie"]],
            member_b__in=[world["marc"], world["sophie"]],
        ).count()
        == 1
    )


def test_member_without_consent_never_proposed(world):
    Preference.objects.filter(user=world["sophie"]).update(consent=False)
    for week in range(3):
        run_round(now=timezone.now() + timedelta(days=7 * week), force=True)
    assert not Introduction.objects.filter(member_a=world["sophie"]).exists()
    assert not Introduction.objects.filter(member_b=world["sophie"]).exists()


def test_member_without_preference_never_proposed(world):
    newcomer = make_user("new@example.org", "Nina", "Neuve")
    newcomer.profile.offers = "direction financière à temps partiel"
    newcomer.profile.save()
    run_round(force=True)
    assert newcomer.pk not in load(Introduction.objects.all())


def _secret_member(scope):
    """A member of an unrelated private circle, her profile visible to her circle only,
    who would be the perfect match for Marc."""
    owner = make_user("elsewhere@example.org", "Eva", "Ailleurs")
    hidden = make_circle(owner, "Cercle fermé", listed=False)
    secret = member(
        "secret@example.org",
        "Sarah",
        "Secret",
        hidden,
        offers="export en Allemagne, directeur financier à temps partiel",
        needs="usinage de précision et sous-traitance industrielle",
        sector="K",
        scope=scope,
    )
    secret.profile.visibility = Visibility.CIRCLES
    secret.profile.save()
    return secret


def test_outside_her_scope_never_proposed(world):
    # Her scope is her circles and bridged ones; hers has no bridge: Marc is outside it.
    secret = _secret_member(Scope.BRIDGED)
    for week in range(3):
        run_round(now=timezone.now() + timedelta(days=7 * week), force=True)
    assert secret.pk not in load(Introduction.objects.all())


def test_scope_all_is_consent_beyond_profile_visibility(client, world):
    # She chose "all members" for introductions: Marc (also "all") is proposed to her and
    # sees her introduction card, though not her profile page, and no contact yet.
    secret = _secret_member(Scope.ALL)
    run_round(force=True)
    intro = Introduction.objects.get(
        member_a__in=[secret, world["marc"]], member_b__in=[secret, world["marc"]]
    )
    client.force_login(world["marc"])
    page = client.get(reverse("intros:detail", args=[intro.pk])).content.decode()
    assert "Sarah Secret" in page
    assert "secret@example.org" not in page
    assert client.get(reverse("members:detail", args=[secret.profile.pk])).status_code == 404
    # He may still ask never to meet her, and finds her among those he blocked.
    assert client.post(reverse("intros:block", args=[secret.pk])).status_code == 302
    assert "Sarah Secret" in client.get(reverse("intros:preferences")).content.decode()


def test_scope_my_circles_keeps_within_circles(world):
    Preference.objects.filter(user=world["marc"]).update(scope=Scope.CIRCLES)
    run_round(force=True)
    industry = {world["bob"].pk, world["alice"].pk}
    for intro in Introduction.objects.filter(member_a=world["marc"]) | Introduction.objects.filter(
        member_b=world["marc"]
    ):
        assert intro.other(world["marc"]).pk in industry


def test_scope_all_still_respects_the_other_scope(world):
    outsider = member(
        "far@example.org",
        "Fabien",
        "Loin",
        None,
        offers="export en Allemagne",
        needs="usinage de précision",
        scope=Scope.ALL,
    )
    outsider.profile.visibility = Visibility.ALL
    outsider.profile.save()
    Preference.objects.filter(user=world["marc"]).update(scope=Scope.BRIDGED)
    run_round(force=True)
    assert not Introduction.objects.filter(member_a=world["marc"], member_b=outsider).exists()
    assert not Introduction.objects.filter(member_a=outsider, member_b=world["marc"]).exists()


def test_same_organisation_excluded_when_asked(world):
    colleague = member(
        "colleague@example.org",
        "Claire",
        "Fournier",
        world["finance"],
        offers="export en Allemagne, directeur financier à temps partiel",
        needs="usinage de précision",
        organisation="Fournier Mécanique",
    )
    Preference.objects.filter(user=world["marc"]).update(exclude_colleagues=True, per_round=3)
    run_round(force=True)
    assert colleague.pk not in {
        i.other(world["marc"]).pk
        for i in Introduction.objects.filter(member_a=world["marc"])
        | Introduction.objects.filter(member_b=world["marc"])
    }


def test_own_circle_excluded_when_asked(world):
    Preference.objects.filter(user=world["bob"]).update(exclude_own_circles=True)
    Preference.objects.filter(user=world["karl"]).update(consent=False)
    run_round(force=True)
    for intro in Introduction.objects.filter(member_a=world["bob"]) | Introduction.objects.filter(
        member_b=world["bob"]
    ):
        assert intro.other(world["bob"]).pk not in {world["marc"].pk, world["alice"].pk}


def test_blocked_member_never_proposed(world):
    Preference.objects.get(user=world["sophie"]).blocked.add(world["marc"])
    for week in range(3):
        run_round(now=timezone.now() + timedelta(days=7 * week), force=True)
    assert frozenset((world["marc"].pk, world["sophie"].pk)) not in pairs_of(
        Introduction.objects.all()
    )


def test_met_before_never_proposed(world):
    from passerelles.trust.actions import do_attest_meeting

    today = timezone.localdate()
    do_attest_meeting(world["sophie"], acting_user=world["marc"], usefulness=4, happened_on=today)
    run_round(force=True)
    assert frozenset((world["marc"].pk, world["sophie"].pk)) not in pairs_of(
        Introduction.objects.all()
    )


def _knows_or_reported(kind, a, b):
    from passerelles.members.models import Skill
    from passerelles.trust.actions import do_endorse, do_report

    if kind == "vouched":
        vouch(a, b)
    elif kind == "endorsed":
        skill = Skill.objects.create(name="trésorerie")
        b.profile.skills.add(skill)
        do_endorse(b, skill, acting_user=a)
    else:
        do_report(b, "Propos déplacés lors d'une rencontre.", acting_user=a)


@pytest.mark.parametrize("kind", ["vouched", "endorsed", "reported"])
@pytest.mark.parametrize("direction", ["marc first", "sophie first"])
def test_people_who_know_or_reported_each_other_never_proposed(world, kind, direction):
    # Unhindered, the round proposes Marc and Sophie (test_round_proposes_cross_circle_pairs).
    a, b = (world["marc"], world["sophie"])[:: 1 if direction == "marc first" else -1]
    _knows_or_reported(kind, a, b)
    for week in range(3):
        run_round(now=timezone.now() + timedelta(days=7 * week), force=True)
    assert frozenset((a.pk, b.pk)) not in pairs_of(Introduction.objects.all())


def test_frequency_decides_who_takes_part(world):
    now = timezone.now()
    Preference.objects.update(last_round_at=now - timedelta(days=7), frequency="weekly")
    Preference.objects.filter(user=world["karl"]).update(frequency="monthly")
    round_ = run_round(now=now)
    assert round_.participants == 5
    assert world["karl"].pk not in load(Introduction.objects.all())
    assert Round.objects.count() == 1


def test_left_out_members_come_first_next_round(world):
    Preference.objects.filter(user=world["marc"]).update(per_round=1)
    run_round(force=True)
    matched = load(Introduction.objects.all())
    left_out = Preference.objects.filter(left_out_last_round=True).values_list("user_id", flat=True)
    assert all(matched[u] == 0 for u in left_out)
    assert all(
        not p.left_out_last_round for p in Preference.objects.filter(user_id__in=list(matched))
    )


def test_warm_path_named_in_reasons(client, world):
    # Marc trusts Odile (owner of his club), who trusts Sophie: a warm path.
    odile = world["owners"][0]
    vouch(world["marc"], odile)
    vouch(odile, world["sophie"])
    run_round(force=True)
    intro = Introduction.objects.get(
        member_a__in=[world["marc"], world["sophie"]], member_b__in=[world["marc"], world["sophie"]]
    )
    # Only a reason: Odile is not a party to the suggestion and is never asked.
    assert not intro.warm and intro.intermediary is None
    assert intro.components["via"] == odile.pk
    assert any(
        "Odile Arnaud, en qui vous avez confiance" in r for r in intro.reasons_for(world["marc"])
    )
    assert not odile.notifications.filter(kind__in=INTRODUCTION_KINDS).exists()
    # The suggestion carries the trust-path badge.
    assert shown(intro, world["marc"]).trusted_via == "Odile Arnaud"
    # Sophie does not trust Odile: Odile trusts her, and Marc trusts Odile.
    assert "Odile Arnaud, qui vous fait confiance, a aussi la confiance de Marc Fournier" in (
        " ".join(intro.reasons_for(world["sophie"]))
    )
    assert "en qui vous avez confiance" not in " ".join(intro.reasons_for(world["sophie"]))
    assert shown(intro, world["sophie"]).trusted_via == "Odile Arnaud"
    client.force_login(world["marc"])
    page = client.get(reverse("intros:home")).content.decode()
    assert "Chemin de confiance" in page and "par Odile Arnaud" in page
    # Named as she is when read: under a new name, and not at all once her account is
    # closed (closing deactivates it).
    type(odile).objects.filter(pk=odile.pk).update(last_name="Arnaud-Roche")
    assert shown(intro, world["marc"]).trusted_via == "Odile Arnaud-Roche"
    type(odile).objects.filter(pk=odile.pk).update(is_active=False)
    assert not any("Odile" in r for r in intro.reasons_for(world["marc"]))
    assert shown(intro, world["marc"]).trusted_via == ""


def test_new_suggestions_notify_and_email(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        round_ = run_round(force=True)
    assert world["marc"].notifications.filter(kind__in=INTRODUCTION_KINDS).exists()
    recipients = {m.to[0] for m in mail.outbox}
    assert len(recipients) == 2 * round_.introductions
    body = next(m.body for m in mail.outbox if m.to == [world["marc"].email])
    assert "Sophie Lambert" in body and "sophie@example.org" not in body


def test_expired_suggestions_close_and_never_return(world):
    run_round(force=True)
    later = timezone.now() + timedelta(days=15)
    run_round(now=later, force=True)
    assert not Introduction.objects.filter(status=Status.PROPOSED, expires_at__lte=later).exists()
    assert Introduction.objects.filter(status=Status.EXPIRED).exists()


def test_management_command_and_task(world):
    call_command("run_intro_round", "--force")
    assert Round.objects.count() == 1
    from passerelles.intros.tasks import run_round as task

    result = task.enqueue(force=True)
    assert result.return_value["round"] == Round.objects.first().pk


@pytest.mark.parametrize("n", [0, 1])
def test_tiny_pools_give_empty_rounds(db, n):
    for k in range(n):
        member(f"solo{k}@example.org", "Solo", str(k), None, offers="conseil")
    round_ = run_round(force=True)
    assert round_.introductions == 0


def test_demo_helper_gives_consent_to_a_share(db):
    from django.contrib.auth import get_user_model

    from passerelles.intros.demo import enable_for

    for k in range(10):
        make_user(f"demo{k}@example.org", "Démo", str(k))
    assert enable_for(get_user_model().objects.all(), share=1.0) == 10
    assert Preference.objects.filter(consent=True).count() == 10
    assert all(1 <= p.per_round <= 3 for p in Preference.objects.all())


# --- The round's writes: short, all-or-nothing, re-checked -----------------------------


def _during_planning(monkeypatch, action):
    """Run ``action`` right after the engine planned the round, before anything is
    written (as another request would, while the computation runs)."""
    from django.db import connection

    from passerelles.intros import rounds

    plan_round = rounds.plan_round
    depth = []

    def planned(*args, **kwargs):
        pairs = plan_round(*args, **kwargs)
        depth.append(len(connection.atomic_blocks))
        action(pairs)
        return pairs

    monkeypatch.setattr(rounds, "plan_round", planned)
    return depth


def test_engine_runs_outside_any_transaction(world, monkeypatch):
    from django.db import connection

    outer = len(connection.atomic_blocks)  # the test's own transaction
    depth = _during_planning(monkeypatch, lambda pairs: None)
    run_round(force=True)
    assert depth == [outer]


def test_pair_introduced_meanwhile_is_skipped(world, monkeypatch):
    def ask_meanwhile(pairs):
        Introduction.objects.create(
            origin="ask", member_a=world["sophie"], member_b=world["marc"], status="proposed"
        )

    _during_planning(monkeypatch, ask_meanwhile)
    round_ = run_round(force=True)
    pair = [world["marc"], world["sophie"]]
    both = Introduction.objects.filter(member_a__in=pair, member_b__in=pair)
    assert both.count() == 1 and both.get().origin == "ask"
    assert round_.introductions == Introduction.objects.filter(round=round_).count() >= 1


def test_member_who_withdrew_consent_meanwhile_is_skipped(world, monkeypatch):
    from passerelles.intros.actions import do_save_preferences

    def withdraw(pairs):
        pref = Preference.objects.get(user=world["sophie"])
        pref.consent = False
        do_save_preferences(pref, acting_user=world["sophie"])

    _during_planning(monkeypatch, withdraw)
    round_ = run_round(force=True)
    assert world["sophie"].pk not in load(Introduction.objects.all())
    assert not world["sophie"].notifications.filter(kind__in=INTRODUCTION_KINDS).exists()
    assert round_.introductions == Introduction.objects.count() >= 1
    assert Preference.objects.get(user=world["sophie"]).last_round_at is None


def test_member_who_blocked_the_other_meanwhile_is_skipped(world, monkeypatch):
    def block(pairs):
        Preference.objects.get(user=world["sophie"]).blocked.add(world["marc"])

    _during_planning(monkeypatch, block)
    run_round(force=True)
    assert frozenset((world["marc"].pk, world["sophie"].pk)) not in pairs_of(
        Introduction.objects.all()
    )


def test_members_taken_by_a_concurrent_round_are_skipped(world, monkeypatch):
    from passerelles.intros import rounds

    real = rounds.plan_round
    monkeypatch.setattr(rounds, "plan_round", lambda *a, **k: (run_round_inner(), real(*a, **k))[1])

    def run_round_inner():
        monkeypatch.setattr(rounds, "plan_round", real)
        run_round(force=True, seed=1)  # another round completes while this one computes

    run_round(force=True)
    counts = load(Introduction.objects.all())
    for pref in Preference.objects.filter(consent=True):
        assert counts[pref.user_id] <= pref.per_round
    assert Round.objects.count() == 2


def test_writes_are_all_or_nothing(world, monkeypatch):
    from passerelles.intros import notify

    def fail(created):
        raise RuntimeError("mail server on fire")

    monkeypatch.setattr(notify, "new_suggestions", fail)
    with pytest.raises(RuntimeError):
        run_round(force=True)
    assert not Round.objects.exists() and not Introduction.objects.exists()
    assert not Preference.objects.filter(last_round_at__isnull=False).exists()
