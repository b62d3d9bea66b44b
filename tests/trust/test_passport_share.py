from types import SimpleNamespace

import pytest

from passerelles.trust.queries import Passport


@pytest.mark.parametrize(
    ("reputation", "percentile", "shown"),
    [(1.2, 0.97, 5), (1.0, 0.62, 40), (0.4, 0.05, None), (0.0, 0.99, None)],
)
def test_top_share_is_shown_only_for_the_upper_half(reputation, percentile, shown):
    standing = SimpleNamespace(reputation=reputation, percentile=percentile)
    assert Passport(member=None, standing=standing).top_share == shown
