import pytest

ID_CHARS = 28  # a case id shows this much of a value: enough to tell the case, short enough to read


def pytest_addoption(parser):
    parser.addoption(
        "--regen-fixtures",
        action="store_true",
        help="rewrite fixtures/*/expected*.jsonl from the current output (review the diff before committing)",
    )


@pytest.fixture
def regen(request):
    return request.config.getoption("--regen-fixtures")


def _shown(value) -> str | None:
    """A readable id for a case table's value: a failure says which case broke (not `lines17-expected17`)."""
    if isinstance(value, str):
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in " ".join(value.split())) or repr(value)
        return text if len(text) <= ID_CHARS else text[: ID_CHARS - 1] + "…"
    if isinstance(value, bytes):
        return _shown(value.decode("utf-8", "backslashreplace"))
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        first = _shown(value[0]) or type(value[0]).__name__
        return first if len(value) == 1 else f"{first}+{len(value) - 1}"
    if isinstance(value, (set, frozenset)):
        return _shown(sorted(map(str, value)))
    if isinstance(value, dict):
        return ",".join(map(str, value))[:ID_CHARS] or "{}"
    return None


def pytest_make_parametrize_id(config, val, argname):
    return _shown(val)
