"""layers.column_mean: pandas' mean and round without numpy, to the last digit (issue #16)."""
from __future__ import annotations

import math
import random

import numpy as np

from newslab.layers import column_mean


def _numpy_mean(values, decimals=None):
    arr = np.array(values, dtype=np.float64)
    missing = np.isnan(arr)
    count = int(arr.size - missing.sum())
    if not count:
        return float("nan")
    arr[missing] = 0.0
    mean = arr.sum() / count
    return float(mean if decimals is None else np.round(mean, decimals))


def test_small_means_and_skipped_values():
    assert column_mean([0.4588, -0.6249, None]) == -0.08305000000000001  # float64 sum, as pandas
    assert column_mean([0.4588, -0.6249, None], 4) == -0.0831  # -830.5000000000001 -> -831
    assert column_mean([0.125, 0.375], 2) == 0.25
    assert column_mean([0.0125, 0.0125], 2) == 0.01  # 1.25 rounds half to even
    assert math.isnan(column_mean([None, float("nan")]))
    assert repr(column_mean([-0.00001, 0.0], 4)) == "-0.0"  # numpy keeps the sign of a zero


def test_pairwise_sum_matches_numpy_at_block_edges():
    # Sentence scores of one long article and beyond: 8 and 128 are numpy's block sizes.
    rng = random.Random(24)
    for n in (7, 8, 9, 15, 16, 17, 127, 128, 129, 255, 256, 1000, 4099):
        values = [round(rng.uniform(-1, 1), 4) for _ in range(n)]
        values[rng.randrange(n)] = None
        for decimals in (None, 3, 4):
            assert repr(column_mean(values, decimals)) == repr(_numpy_mean(values, decimals)), (n, decimals)
