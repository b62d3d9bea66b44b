"""Trust fixtures on top of tests/conftest.py: alice owns the private club (co-optation,
two vouches), bob is a member, dana owns the bridged alumni association."""

import datetime

import pytest
from django.utils import timezone

from passerelles.trust import actions
from tests.conftest import admit, make_user


def vouch(voucher, vouchee, context="worked_with", strength=2, text=""):
    return actions.do_vouch(
        vouchee, acting_user=voucher, context=context, strength=strength, text=text
    )


@pytest.fixture
def erin(db, alumni):
    """A long-standing member of the bridged alumni association (admitted 90 days ago)."""
    user = make_user("erin@example.org", "Erin", "Blanc")
    membership = admit(user, alumni)
    membership.admitted_at = timezone.now() - datetime.timedelta(days=90)
    membership.save(update_fields=["admitted_at"])
    return user


@pytest.fixture
def newcomer(db):
    return make_user("claire@example.org", "Claire", "Lefèvre")
