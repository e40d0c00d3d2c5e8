"""From signatures to clusters: LSH banding proposes pairs, the full signature verifies them, union-find groups.

Everything here works on row indices (the input order of the summaries), so the result depends only on
the input, never on hashing order or worker count.
"""

from __future__ import annotations

import numpy as np

from corpusclean.dedup.shingles import mix64

# Pairs are verified in slices so the (pairs x num_perm) comparison stays a few MB: it then fits in the
# cache, and the allocator reuses its memory instead of faulting in fresh pages (3-10x faster than 65536).
_VERIFY_CHUNK = 4096
# Below the threshold by this much a true pair must still become a candidate: signatures are noisy.
_CANDIDATE_MARGIN = 0.1
_CANDIDATE_RECALL = 0.99


def choose_bands(num_perm: int, threshold: float) -> tuple[int, int]:
    """(bands, rows): the most rows per band (fewest chance candidates) that still make a pair with
    similarity ``threshold - margin`` a candidate with probability >= 0.99."""
    similarity = max(threshold - _CANDIDATE_MARGIN, 0.05)
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if 1 - (1 - similarity**rows) ** bands < _CANDIDATE_RECALL:
            break
        best = (bands, rows)
    return best


def band_hashes(signatures: np.ndarray, band: int, rows: int) -> np.ndarray:
    block = signatures[:, band * rows:(band + 1) * rows].astype(np.uint64)
    combined = np.zeros(len(signatures), dtype=np.uint64)
    for column in range(rows):
        combined = mix64(combined ^ block[:, column])
    return combined


def candidate_pairs(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(i, j) rows with i < j that share a band. Within one bucket each member is paired with the
    bucket's first member and with its predecessor: linear in the bucket size, yet a group of near
    copies stays connected."""
    found = []
    for band in range(bands):
        hashes = band_hashes(signatures, band, rows)
        order = np.argsort(hashes, kind="stable")
        sorted_hashes = hashes[order]
        same_as_previous = np.zeros(len(order), dtype=bool)
        same_as_previous[1:] = sorted_hashes[1:] == sorted_hashes[:-1]
        members = np.flatnonzero(same_as_previous)
        if members.size == 0:
            continue
        bucket_starts = np.flatnonzero(~same_as_previous)
        heads = bucket_starts[np.searchsorted(bucket_starts, members, side="right") - 1]
        found.append(_packed_pairs(order[heads], order[members]))
        found.append(_packed_pairs(order[members - 1], order[members]))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    # The fit's peak memory is here: each step frees what the last one made, and sorts and splits in place.
    packed = np.concatenate(found)
    del found
    packed.sort()
    packed = packed[np.insert(packed[1:] != packed[:-1], 0, True)]   # np.unique, without its hash table: 10x faster
    pairs = np.empty((len(packed), 2), dtype=np.int64)
    np.right_shift(packed, 32, out=pairs[:, 0])
    np.bitwise_and(packed, 0xFFFFFFFF, out=pairs[:, 1])
    return pairs


def _packed_pairs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Each pair of rows (a[k], b[k]) as one int64, smaller row in the high half: sorts as the pairs do."""
    a, b = a.astype(np.int64), b.astype(np.int64)
    return np.minimum(a, b) << 32 | np.maximum(a, b)


def pair_similarities(signatures: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Full-signature Jaccard estimate of each pair."""
    similarities = np.empty(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), _VERIFY_CHUNK):
        chunk = pairs[start:start + _VERIFY_CHUNK]
        equal = signatures[chunk[:, 0]] == signatures[chunk[:, 1]]
        similarities[start:start + len(chunk)] = equal.mean(axis=1)
    return similarities


def similar_pairs(signatures: np.ndarray, pairs: np.ndarray, threshold: float) -> np.ndarray:
    """The pairs whose similarity (as pair_similarities gives it) is at least ``threshold``. A first pass
    compares only the low byte of each value, a quarter of the memory to read: equal values have equal low
    bytes, so a pair it drops has too few equal values, and few pairs are left for the full comparison."""
    low = signatures.astype(np.uint8)
    maybe = np.empty(len(pairs), dtype=bool)
    for start in range(0, len(pairs), _VERIFY_CHUNK):
        chunk = pairs[start:start + _VERIFY_CHUNK]
        maybe[start:start + len(chunk)] = (low[chunk[:, 0]] == low[chunk[:, 1]]).mean(axis=1) >= threshold
    pairs = pairs[maybe]
    return pairs[pair_similarities(signatures, pairs) >= threshold]


class UnionFind:
    """Disjoint sets over 0..size-1; the root of a set is always its smallest member."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)

    def groups(self) -> list[list[int]]:
        """Sets of two or more members, each in ascending order, ordered by their smallest member."""
        by_root: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            by_root.setdefault(self.find(item), []).append(item)
        return [members for members in by_root.values() if len(members) > 1]


def kept_member(members: list[int], policy: str, lengths: list[int], created: list[str | None]) -> int:
    """The member that stays: "first" in input order, "longest" text, or "earliest" created date
    (undated last); ties go to the first in input order. ``members`` is ascending."""
    if policy == "first":
        return members[0]
    if policy == "longest":
        return min(members, key=lambda m: (-lengths[m], m))
    if policy == "earliest":
        return min(members, key=lambda m: (created[m] is None, created[m] or "", m))
    raise ValueError(f"unknown keep policy {policy!r}")
