"""Demo helper: most demo members consent to introductions, with varied preferences."""

from __future__ import annotations

import numpy as np
from django.db import transaction
from django.utils import timezone

from passerelles.intros.models import Frequency, MeetingFormat, Preference, Scope

# Members who consent to introductions on a platform made to open circles mostly let it
# look beyond their own: shares of "my circles", "my circles and bridged circles", "all
# members" (in the order of ``Scope``), and of members who also tick "not my own circles".
SCOPE_SHARES = (0.05, 0.35, 0.6)
OUTSIDE_ONLY = 0.15


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
            scope=rng.choice(list(Scope.values), p=SCOPE_SHARES),
            exclude_colleagues=True,
        )
        # Some come precisely to meet people outside the circles they already know.
        pref.exclude_own_circles = pref.scope != Scope.CIRCLES and rng.random() < OUTSIDE_ONLY
        pref.format_list = [f for f in MeetingFormat.values if rng.random() < 0.6] or ["cafe"]
        rows.append(pref)
    Preference.objects.filter(user_id__in=[p.user_id for p in rows]).delete()
    Preference.objects.bulk_create(rows)
    return len(rows)
