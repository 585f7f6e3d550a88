"""Sharing a total out by weight, as the generator shares units among agencies and
people among units."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.synthetic.organization import split


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(total=st.integers(0, 5000), weights=st.lists(st.floats(0.1, 100), min_size=1, max_size=50))
def test_split_shares_exactly_the_total(total, weights):
    shares = split(total, weights)
    assert sum(shares) == total
    assert len(shares) == len(weights)
    assert all(s >= 0 for s in shares)


def test_split_follows_the_weights():
    assert split(10, [1, 1, 3]) == [2, 2, 6]
    assert split(7, [1, 1]) in ([4, 3], [3, 4])
