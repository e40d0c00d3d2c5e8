"""Builds the package; with CORPUSCLEAN_COMPILE=1, the modules below are compiled by mypyc.

Compiled modules run the same code as their .py files (mypyc reads the type annotations) and give the same
output byte for byte; the document stages run about 1.15x faster with them (bench/stage_cost.py), a whole
`run --jobs 1` about 1.1x. That pays for neither 1.5 more minutes of every install nor a build the tests
do not run (CI tests the editable install), so plain Python is the default; CORPUSCLEAN_COMPILE=1 asks for
the compiled build (a C compiler and Python's headers needed: a failure is an error, not a quiet fallback).
An editable install (pip install -e) never compiles: an edited .py file must never be shadowed by the .so
of an older build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

# The modules where `run` spends its time in Python bytecode, and that mypyc compiles as they are.
COMPILED = [
    "corpusclean/text.py",
    "corpusclean/normalize/whitespace.py",
    "corpusclean/normalize/lang.py",
    "corpusclean/clean/line_shapes.py",
    "corpusclean/clean/boilerplate.py",
    "corpusclean/clean/captions.py",
    "corpusclean/clean/edges.py",
    "corpusclean/clean/head.py",
    "corpusclean/clean/metadata.py",
    "corpusclean/clean/repeats.py",
    "corpusclean/clean/sidebar.py",
    "corpusclean/fields/titles.py",
    "corpusclean/fields/labels.py",
    "corpusclean/fields/dates.py",
    "corpusclean/fields/page.py",
    "corpusclean/extract/html.py",
    "corpusclean/extract/content.py",
]
COMPILE = os.environ.get("CORPUSCLEAN_COMPILE") == "1"
# Only a wheel or a plain build compiles: editable_wheel (pip install -e), sdist, egg_info and dist_info do not.
BUILDING = any(command in sys.argv for command in ("bdist_wheel", "build", "build_ext", "install"))


def extensions() -> list:
    if not (COMPILE and BUILDING):
        return []
    from mypyc.build import mypycify

    return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *COMPILED], opt_level="3")


def _remove_compiled(root: Path) -> None:
    """Remove compiled modules of an earlier build from the build folder, so that a later plain build never
    packs their stale code into its wheel."""
    for path in [*root.glob("corpusclean/**/*.so"), *root.glob("*__mypyc*.so"),
                 *root.glob("corpusclean/**/*.pyd"), *root.glob("*__mypyc*.pyd")]:
        path.unlink()


class BuildPy(build_py):
    def run(self) -> None:
        if not self.editable_mode:
            _remove_compiled(Path(self.build_lib))
        super().run()


setup(ext_modules=extensions(), cmdclass={"build_py": BuildPy})
