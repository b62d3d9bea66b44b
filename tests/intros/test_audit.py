"""Introduction answers in the operators' log: one entry per answer, naming who answered;
a refused answer writes nothing."""

import pytest

from passerelles.core.errors import ActionError
from passerelles.core.models import AuditEntry
from passerelles.intros.actions import do_decide
from passerelles.intros.models import Introduction, Status
from passerelles.intros.rounds import run_round


def _entries(since: int):
    return list(
        AuditEntry.objects.filter(pk__gt=since)
        .order_by("pk")
        .values_list("verb", "acting_user_id", "subject_user_id", "circle_id")
    )


def test_each_answer_is_one_entry_by_who_answered(world):
    run_round(force=True)
    marc, sophie = world["marc"], world["sophie"]
    intro = Introduction.objects.get(member_a=marc, member_b=sophie)
    since = AuditEntry.objects.order_by("pk").values_list("pk", flat=True).last() or 0
    do_decide(intro, acting_user=marc, accept=True)
    with pytest.raises(ActionError):  # already answered
        do_decide(intro, acting_user=marc, accept=False)
    do_decide(intro, acting_user=sophie, accept=False)
    assert _entries(since) == [
        ("introduction.accepted", marc.pk, sophie.pk, None),
        ("introduction.declined", sophie.pk, marc.pk, None),
    ]
    intro.refresh_from_db()
    assert intro.status == Status.DECLINED
