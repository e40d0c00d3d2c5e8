"""MinHash signatures from shingle hashes (rensa), and the Jaccard estimate between two of them."""

from __future__ import annotations

import numpy as np
import rensa


def signature(shingles: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """num_perm uint32 minima; an empty array when there is no shingle (such a text is never a near duplicate)."""
    [found] = signatures(shingles, np.array([0, shingles.size]), num_perm, seed)
    return found


def signatures(flat: np.ndarray, offsets: np.ndarray, num_perm: int, seed: int) -> list[np.ndarray]:
    """The signature of each text's shingles flat[offsets[i]:offsets[i + 1]], made in one call to rensa."""
    counts = np.diff(offsets)
    if not counts.any():
        return [np.zeros(0, dtype=np.uint32) for _ in counts]
    rows = rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets.tolist(), num_perm, seed).to_rows()
    matrix = np.array(rows, dtype=np.uint32).reshape(len(rows), num_perm)
    return [row if count else np.zeros(0, dtype=np.uint32) for row, count in zip(matrix, counts.tolist())]


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / a.size
