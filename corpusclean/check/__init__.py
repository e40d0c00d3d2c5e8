"""`corpusclean check`: a linter for JSONL datasets (rules in rules.py, the command in command.py)."""
