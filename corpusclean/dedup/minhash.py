"""MinHash signatures from shingle hashes (rensa), and the Jaccard estimate between two of them."""

from __future__ import annotations

import numpy as np
import rensa


def signature(shingles: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """num_perm uint32 minima; an empty array when there is no shingle (such a text is never a near duplicate)."""
    if shingles.size == 0:
        return np.zeros(0, dtype=np.uint32)
    matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(shingles, [0, shingles.size], num_perm, seed)
    return np.fromiter(matrix.to_rows()[0], dtype=np.uint32, count=num_perm)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / a.size
