"""corpusclean: clean and deduplicate scraped news pages into JSONL."""

__version__ = "0.1.0"
