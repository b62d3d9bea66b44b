"""Trust fixtures on top of tests/conftest.py: alice owns the private club (co-optation,
two vouches), bob is a member, dana owns the bridged alumni association."""

import pytest

from passerelles.trust import actions
from tests.conftest import admit, make_user


def vouch(voucher, vouchee, context="worked_with", strength=2, text=""):
    return actions.do_vouch(voucher, vouchee, context=context, strength=strength, text=text)


@pytest.fixture
def erin(db, alumni):
    """A member of the bridged alumni association."""
    user = make_user("erin@example.org", "Erin", "Blanc")
    admit(user, alumni)
    return user


@pytest.fixture
def newcomer(db):
    return make_user("claire@example.org", "Claire", "Lefèvre")
