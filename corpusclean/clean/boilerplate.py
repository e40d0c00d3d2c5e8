"""Site boilerplate: navigation, breadcrumbs, copyright and licence lines, promotions, share bars, links.

Also home of ``rule_sections``, the loader of the plain-text vocabularies in ``corpusclean/rules/``.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def rule_sections(filename: str) -> dict[str, tuple[str, ...]]:
    """Read ``corpusclean/rules/<filename>``: ``[section]`` headers, one entry a line, ``#`` comments."""
    sections: dict[str, list[str]] = {}
    current = sections.setdefault("", [])
    text = resources.files("corpusclean").joinpath("rules", filename).read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
        else:
            current.append(line)
    return {name: tuple(entries) for name, entries in sections.items() if entries}
