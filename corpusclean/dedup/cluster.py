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


def band_pairs(signatures: np.ndarray, band: int, rows: int) -> np.ndarray:
    """(i, j) rows with i < j in the same bucket of one band, sorted, each once. Within a bucket each member
    is paired with the bucket's first member and with its predecessor: linear in the bucket size, yet a group
    of near copies stays connected."""
    hashes = band_hashes(signatures, band, rows)
    order = np.argsort(hashes, kind="stable")
    sorted_hashes = hashes[order]
    same_as_previous = np.zeros(len(order), dtype=bool)
    same_as_previous[1:] = sorted_hashes[1:] == sorted_hashes[:-1]
    members = np.flatnonzero(same_as_previous)
    bucket_starts = np.flatnonzero(~same_as_previous)
    heads = bucket_starts[np.searchsorted(bucket_starts, members, side="right") - 1]
    return _unique_pairs([
        _packed_pairs(order[heads], order[members]), _packed_pairs(order[members - 1], order[members])
    ])


def near_pairs(signatures: np.ndarray, bands: int, rows: int, threshold: float) -> np.ndarray:
    """(i, j) rows with i < j that share a band and whose similarity is at least ``threshold``, sorted, each
    once. Each band's pairs are verified as soon as they are found, so only one band's pairs are held at a
    time: all bands' pairs together took most of the fit's memory. A pair found in several bands is verified
    in each: on the benchmark corpus that is a quarter more CPU than verifying each pair once, for half the
    fit's peak memory."""
    low = signatures.astype(np.uint8)
    found = [similar_pairs(signatures, band_pairs(signatures, band, rows), threshold, low) for band in range(bands)]
    return _unique_pairs([_packed_pairs(pairs[:, 0], pairs[:, 1]) for pairs in found])


def _packed_pairs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Each pair of rows (a[k], b[k]) as one int64, smaller row in the high half: sorts as the pairs do."""
    a, b = a.astype(np.int64), b.astype(np.int64)
    return np.minimum(a, b) << 32 | np.maximum(a, b)


def _unique_pairs(packed: list[np.ndarray]) -> np.ndarray:
    """Packed pairs back to (i, j) rows, sorted, each once (np.unique, without its hash table: 10x faster)."""
    values = np.sort(np.concatenate(packed))
    values = values[np.insert(values[1:] != values[:-1], 0, True)] if values.size else values
    return np.stack([values >> 32, values & 0xFFFFFFFF], axis=1)


def pair_similarities(signatures: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Full-signature Jaccard estimate of each pair."""
    similarities = np.empty(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), _VERIFY_CHUNK):
        chunk = pairs[start:start + _VERIFY_CHUNK]
        similarities[start:start + len(chunk)] = _equal_share(signatures[chunk[:, 0]], signatures[chunk[:, 1]])
    return similarities


def _equal_share(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The share of equal values in each row of a and b: (a == b).mean(axis=1), the same floats from an
    integer count (a mean sums the bools as floats: twice the time)."""
    equal = a == b
    return equal.sum(axis=1, dtype=np.int32) / equal.shape[1]


def similar_pairs(
    signatures: np.ndarray, pairs: np.ndarray, threshold: float, low: np.ndarray | None = None
) -> np.ndarray:
    """The pairs whose similarity (as pair_similarities gives it) is at least ``threshold``. A first pass
    compares only the low byte of each value (``low``: signatures.astype(np.uint8)), a quarter of the memory
    to read: equal values have equal low bytes, so a pair it drops has too few equal values, and few pairs
    are left for the full comparison."""
    if low is None:
        low = signatures.astype(np.uint8)
    maybe = np.empty(len(pairs), dtype=bool)
    for start in range(0, len(pairs), _VERIFY_CHUNK):
        chunk = pairs[start:start + _VERIFY_CHUNK]
        maybe[start:start + len(chunk)] = _equal_share(low[chunk[:, 0]], low[chunk[:, 1]]) >= threshold
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
        """Sets of two or more members, each in ascending order, ordered by their smallest member. Only the
        members that are not their set's root are looked up: most items of a corpus are alone in their set."""
        joined: dict[int, list[int]] = {}   # root -> its set's other members, ascending
        for item, parent in enumerate(self.parent):
            if parent != item:
                joined.setdefault(self.find(item), []).append(item)
        return [[root, *members] for root, members in sorted(joined.items())]


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
