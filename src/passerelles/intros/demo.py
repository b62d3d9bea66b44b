"""Demo helper: most demo members consent to introductions, with varied preferences."""

from __future__ import annotations

import numpy as np
from django.db import transaction
from django.utils import timezone

from passerelles.intros.models import Frequency, MeetingFormat, Preference, Scope


@transaction.atomic
def enable_for(users, *, share: float = 0.85, seed: int = 0) -> int:
    """Give consenting preferences to about ``share`` of ``users`` (others stay off)."""
    rng = np.random.default_rng(seed)
    now = timezone.now()
    rows = []
    for user_id in users.values_list("pk", flat=True).order_by("pk"):
        if rng.random() >= share:
            continue
        pref = Preference(
            user_id=user_id,
            consent=True,
            consented_at=now,
            frequency=rng.choice(list(Frequency.values), p=[0.3, 0.5, 0.2]),
            per_round=int(rng.choice([1, 2, 3], p=[0.5, 0.35, 0.15])),
            scope=rng.choice(list(Scope.values), p=[0.1, 0.5, 0.4]),
            exclude_colleagues=True,
        )
        pref.format_list = [f for f in MeetingFormat.values if rng.random() < 0.6] or ["cafe"]
        rows.append(pref)
    Preference.objects.filter(user_id__in=[p.user_id for p in rows]).delete()
    Preference.objects.bulk_create(rows)
    return len(rows)
