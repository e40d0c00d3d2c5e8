"""Builds the package, with the per-line cleaning modules compiled by mypyc where a C compiler is found.

Compiled modules run the same code as their .py files (mypyc reads the type annotations); the document
stages run about 1.2x faster with them (bench/stage_cost.py). Everything else stays plain Python, and so does
all of it when:
- the install is editable (`pip install -e .`): an edited .py file must never be shadowed by the .so of an
  older build, so an editable install compiles nothing;
- CORPUSCLEAN_COMPILE=0 is set;
- mypyc cannot be imported (a build without isolation and without mypy), finds a type error in a module
  it compiles, or the C compiler fails: the build goes on without extensions, as a pure-Python wheel would
  (CORPUSCLEAN_COMPILE=1 makes that an error).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
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
SETTING = os.environ.get("CORPUSCLEAN_COMPILE", "auto")   # auto | 0 | 1
# Only a wheel or a plain build compiles: editable_wheel (pip install -e), sdist, egg_info and dist_info do not.
BUILDING = any(command in sys.argv for command in ("bdist_wheel", "build", "build_ext", "install"))


def extensions() -> list:
    if SETTING == "0" or not BUILDING:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        if SETTING == "1":
            raise
        print("corpusclean: mypyc not found, building pure Python", file=sys.stderr)
        return []
    try:
        return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *COMPILED], opt_level="3")
    except (Exception, SystemExit) as error:  # mypy exits on a type error in a module it compiles
        if SETTING == "1":
            raise
        print(f"corpusclean: mypyc failed ({error}); building pure Python", file=sys.stderr)
        return []


def _remove_compiled(root: Path) -> None:
    """Remove compiled modules of an earlier build from the build folder, so that a later build without them
    (CORPUSCLEAN_COMPILE=0, no compiler) never packs their stale code into its wheel."""
    for path in [*root.glob("corpusclean/**/*.so"), *root.glob("*__mypyc*.so"),
                 *root.glob("corpusclean/**/*.pyd"), *root.glob("*__mypyc*.pyd")]:
        path.unlink()


class BuildPy(build_py):
    def run(self) -> None:
        if not self.editable_mode:
            _remove_compiled(Path(self.build_lib))
        super().run()


class OptionalBuildExt(build_ext):
    """All the extensions or none: a module whose shared runtime failed to build could not be imported."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # the compiler missing or failing: CCompilerError, DistutilsExecError, ...
            if SETTING == "1":
                raise
            print(f"corpusclean: compiling failed ({error}); building pure Python", file=sys.stderr)
            _remove_compiled(Path(self.build_lib))
            self.extensions = []


setup(ext_modules=extensions(), cmdclass={"build_py": BuildPy, "build_ext": OptionalBuildExt})
