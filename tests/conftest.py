import pytest


def pytest_addoption(parser):
    parser.addoption(
        "--regen-fixtures",
        action="store_true",
        help="rewrite fixtures/*/expected*.jsonl from the current output (review the diff before committing)",
    )


@pytest.fixture
def regen(request):
    return request.config.getoption("--regen-fixtures")
