"""The README is the contract: its commands, options and check rules must match the code."""

import re

import typer.main

from clirun import REPO
from corpusclean.cli import app

README = (REPO / "README.md").read_text("utf-8")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second():
    commands = [line.strip() for line in section("Quick start").splitlines() if line.startswith("    ")]
    assert len(commands) == 2
    assert "corpusclean run seeds/" in commands[0]
    assert commands[1] in (REPO / ".ci" / "run").read_text().splitlines()


def cli_commands() -> dict:
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_a_readme_section():
    for name in cli_commands():
        assert f"### `corpusclean {name}" in README, name


def test_every_option_is_documented():
    for name, command in cli_commands().items():
        for param in command.params:
            for flag in param.opts + param.secondary_opts:
                if flag.startswith("--") and flag != "--help":
                    assert flag in README, f"corpusclean {name} {flag}"


def test_every_check_rule_is_documented():
    from corpusclean.check.rules import RULES

    for code in RULES:
        assert code in README, code


def test_every_read_error_and_skip_reason_is_documented():
    from corpusclean.read.paths import SKIP_REASONS
    from corpusclean.read.sources import READ_ERRORS

    errors = section("Errors and exit codes")
    for reason in sorted(READ_ERRORS | set(SKIP_REASONS)):
        assert f"`{reason}`" in errors, reason


def test_the_python_api_example_prints_what_the_readme_shows():
    import subprocess
    import sys

    api = section("Python API")
    code = re.search(r"```python\n(.*?)```", api, re.S).group(1)
    shown = re.search(r"Real output:\n\n(.*?)\n\n", api, re.S).group(1)
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert printed.splitlines() == [line.removeprefix("    ") for line in shown.splitlines()]
