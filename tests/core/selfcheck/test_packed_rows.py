"""The wording model's per-type log-odds, packed one integer per piece (core.selfcheck.wording.pack_row)."""

from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.floats(min_value=-30, max_value=30, allow_nan=False), min_size=13, max_size=13), min_size=1, max_size=60), st.randoms())
def test_packed_type_rows_add_up_to_each_types_sum_whatever_the_order(rows, rnd):
    """The type probabilities add each message's rows as packed integers: every type's sum must
    be the sum of its log-odds (to 1e-6), and exactly the same in any order of the rows."""
    import math

    from core.selfcheck.wording import pack_row, unpack_sum

    packed = [pack_row(row) for row in rows]
    sums = unpack_sum(sum(packed), len(packed), 13)
    for i, value in enumerate(sums):
        assert abs(value - math.fsum(row[i] for row in rows)) < 1e-6
    rnd.shuffle(packed)
    assert unpack_sum(sum(packed), len(packed), 13) == sums


def test_a_log_odds_too_large_to_pack_is_refused():
    import pytest

    from core.selfcheck.wording import pack_row

    with pytest.raises(ValueError):
        pack_row([0.0, 2.0**10])
