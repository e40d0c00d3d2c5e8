"""Exact and near-duplicate documents across the corpus; the stage is dedup.stage.Dedup."""
