"""LSH banding, pair verification, union-find and the keep policies."""

import numpy as np
import pytest

from corpusclean.dedup.cluster import (
    UnionFind, band_pairs, choose_bands, kept_member, near_pairs, pair_similarities, similar_pairs,
)


@pytest.mark.parametrize("num_perm, threshold", [(64, 0.7), (128, 0.8), (128, 0.5), (256, 0.9), (128, 1.0)])
def test_bands_catch_pairs_just_below_the_threshold(num_perm, threshold):
    bands, rows = choose_bands(num_perm, threshold)
    assert bands * rows <= num_perm
    similarity = max(threshold - 0.1, 0.05)
    assert 1 - (1 - similarity**rows) ** bands >= 0.99


def test_higher_thresholds_use_longer_bands():
    assert choose_bands(128, 0.9)[1] > choose_bands(128, 0.6)[1]


def test_candidates_share_a_band():
    rng = np.random.default_rng(3)
    signatures = rng.integers(0, 2**32, size=(6, 16), dtype=np.uint32)
    signatures[4] = signatures[1]
    signatures[5, :4] = signatures[1, :4]            # shares only the first band with 1 and 4
    assert band_pairs(signatures, 0, rows=4).tolist() == [[1, 4], [1, 5], [4, 5]]
    assert band_pairs(signatures, 1, rows=4).tolist() == [[1, 4]]
    assert near_pairs(signatures, bands=4, rows=4, threshold=0.0).tolist() == [[1, 4], [1, 5], [4, 5]]
    assert near_pairs(signatures, bands=4, rows=4, threshold=0.5).tolist() == [[1, 4]]


def test_a_large_bucket_yields_linear_pairs():
    signatures = np.zeros((50, 8), dtype=np.uint32)
    pairs = band_pairs(signatures, 0, rows=4)
    assert len(pairs) == 2 * 49 - 1                  # star to the head plus chain, deduplicated
    assert (pairs[:, 0] < pairs[:, 1]).all()
    assert near_pairs(signatures, bands=2, rows=4, threshold=1.0).tolist() == pairs.tolist()


def test_no_candidates():
    signatures = np.arange(40, dtype=np.uint32).reshape(5, 8)
    assert band_pairs(signatures, 0, rows=4).shape == (0, 2)
    assert near_pairs(signatures, bands=2, rows=4, threshold=0.0).shape == (0, 2)


def test_pair_similarities():
    signatures = np.array([[1, 2, 3, 4], [1, 2, 0, 0], [9, 9, 9, 9]], dtype=np.uint32)
    assert pair_similarities(signatures, np.array([[0, 1], [0, 2], [0, 0]])).tolist() == [0.5, 0.0, 1.0]


def test_similar_pairs_are_those_at_the_threshold_or_above():
    rng = np.random.default_rng(5)
    signatures = rng.integers(0, 2**32, size=(40, 16), dtype=np.uint32)
    for row in range(1, 40):  # each row shares a random number of values with the previous one
        same = rng.random(16) < 0.8
        signatures[row, same] = signatures[row - 1, same]
    signatures[7] = signatures[6] + 256  # every low byte equal to row 6's, no value equal
    pairs = np.array([(i, j) for i in range(40) for j in range(i + 1, 40)])
    for threshold in (0.5, 0.75, 1.0):
        expected = pairs[pair_similarities(signatures, pairs) >= threshold]
        assert similar_pairs(signatures, pairs, threshold).tolist() == expected.tolist()
    assert [6, 7] not in similar_pairs(signatures, pairs, 0.5).tolist()


def test_union_find_is_transitive_and_rooted_at_the_smallest():
    sets = UnionFind(7)
    sets.union(5, 3)
    sets.union(3, 1)
    sets.union(6, 4)
    assert sets.find(5) == 1
    assert sets.groups() == [[1, 3, 5], [4, 6]]


def test_union_find_without_unions_has_no_groups():
    assert UnionFind(3).groups() == []


@pytest.mark.parametrize("policy, lengths, created, kept", [
    ("first", [10, 90, 50], [None, None, None], 0),
    ("longest", [10, 90, 50], [None, None, None], 1),
    ("longest", [90, 90, 50], [None, None, None], 0),
    ("earliest", [1, 1, 1], ["2024-05-02", "2024-05-01", None], 1),
    ("earliest", [1, 1, 1], [None, None, "2023-01-01"], 2),
    ("earliest", [1, 1, 1], ["2024-05-01", "2024-05-01", None], 0),
    ("earliest", [1, 1, 1], [None, None, None], 0),
])
def test_kept_member(policy, lengths, created, kept):
    assert kept_member([0, 1, 2], policy, lengths, created) == kept


def test_unknown_policy():
    with pytest.raises(ValueError):
        kept_member([0], "random", [1], [None])
