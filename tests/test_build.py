"""The modules setup.py compiles with mypyc type-check as mypyc reads them: a type error in one makes
`pip install .` fall back to plain Python, the same output at about 1/1.2 the speed, without failing."""

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import mypy.version

ROOT = Path(__file__).resolve().parent.parent


def compiled_modules() -> list[str]:
    """setup.py's COMPILED list (setup.py runs setup() when imported: it is read, not imported)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    return next(ast.literal_eval(node.value) for node in ast.walk(tree) if isinstance(node, ast.Assign)
                and any(getattr(target, "id", None) == "COMPILED" for target in node.targets))


def test_the_tests_type_check_with_the_mypy_the_build_uses():
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    pinned = next(re.fullmatch(r"mypy==(\S+)", requirement).group(1) for requirement in requires
                  if requirement.startswith("mypy"))
    assert mypy.version.__version__ == pinned


def test_the_compiled_modules_type_check(tmp_path):
    modules = compiled_modules()
    assert modules and all((ROOT / module).is_file() for module in modules)
    done = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--follow-imports=silent",
                           "--cache-dir", str(tmp_path), *modules], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
