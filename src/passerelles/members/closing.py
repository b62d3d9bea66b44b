"""The steps of closing an account, contributed by each domain.

``members.actions.do_close_account`` runs them in order, in one transaction. Members sits
below the domains that hold a person's introductions, places at events, messages and
trust evidence; each of those registers its own step at start-up (in its ``AppConfig``),
so that members imports none of them and every domain erases what it owns, as
``members.erasure.RULES`` says.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from passerelles.accounts.models import User

# When a step runs: first what still runs in the person's name stops, then what they
# left behind is erased, and the account itself last.
STOP = 100
ERASE = 200
ACCOUNT = 300


@dataclass(frozen=True)
class Closing:
    """The account being closed and what it was before (steps run on the same row)."""

    user: User
    old_email: str
    old_name: str
    now: datetime.datetime
    circles_going: list[str] = field(default_factory=list)


Step = Callable[[Closing], None]
_STEPS: dict[str, tuple[int, Step]] = {}


def register_closing_step(name: str, order: int, step: Step) -> None:
    """Add (or replace) the step ``name``, run at ``order`` (``STOP + n``, ``ERASE + n``)."""
    _STEPS[name] = (order, step)


def closing_steps() -> list[tuple[str, Step]]:
    """The registered steps, in the order they run."""
    return [(name, step) for name, (_order, step) in sorted(_STEPS.items(), key=_by_order)]


def _by_order(item: tuple[str, tuple[int, Step]]) -> tuple[int, str]:
    name, (order, _step) = item
    return order, name
