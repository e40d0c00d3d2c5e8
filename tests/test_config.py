import re

import pytest

from corpusclean.config import Config, ConfigError, find_config_file, load_config


def test_defaults_without_any_file(tmp_path):
    assert load_config(None, {}, start=tmp_path) == Config()


def test_pyproject_table_is_found_from_a_subfolder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.corpusclean]\nscript = "tw"\ndedup-threshold = 0.9\n')
    sub = tmp_path / "data" / "raw"
    sub.mkdir(parents=True)
    config = load_config(None, {}, start=sub)
    assert (config.script, config.dedup_threshold) == ("tw", 0.9)


def test_corpusclean_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.corpusclean]\nscript = "tw"\n')
    (tmp_path / "corpusclean.toml").write_text('script = "hk"\nextra_boilerplate = ["本站声明"]\n')
    config = load_config(None, {}, start=tmp_path)
    assert config.script == "hk" and config.extra_boilerplate == ("本站声明",)


def test_pyproject_without_our_table_is_ignored(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config_file(tmp_path) is None


def test_options_override_the_file(tmp_path):
    (tmp_path / "corpusclean.toml").write_text('dedup = "exact"\n')
    config = load_config(None, {"dedup": "none", "script": None}, start=tmp_path)
    assert config.dedup == "none" and config.script == "hans"


def test_explicit_config_file(tmp_path):
    path = tmp_path / "my.toml"
    path.write_text("jobs = 1\n")
    assert load_config(str(path), {}).jobs == 1
    with pytest.raises(ConfigError, match="not found"):
        load_config(str(tmp_path / "missing.toml"), {})


@pytest.mark.parametrize(
    "text, message",
    [
        ('colour = "red"\n', "unknown setting"),
        ('script = "latin"\n', "script must be"),
        ('dedup = "fuzzy"\n', "dedup must be"),
        ("dedup_threshold = 1.5\n", "dedup_threshold"),
        ('text-format = "markdown"\n', "text_format must be"),
        ("script = [\n", "corpusclean.toml"),
    ],
)
def test_bad_settings_name_the_problem(tmp_path, text, message):
    (tmp_path / "corpusclean.toml").write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(None, {}, start=tmp_path)


def test_config_is_frozen():
    with pytest.raises(Exception):
        Config().script = "tw"  # type: ignore[misc]


@pytest.mark.parametrize(
    "text, message",
    [
        pytest.param('jobs = "two"\n', "jobs must be a whole number, not 'two'", id="jobs-a-string"),
        pytest.param("explain = 1\n", "explain must be true or false", id="bool-from-int"),
        pytest.param("template_min_share = 0\n", "template_min_share must be in (0, 1]", id="share-zero"),
        pytest.param('extra_boilerplate = ["本站声明", ""]\n', "extra_boilerplate must hold non-empty strings",
                     id="empty-phrase"),
        pytest.param('extra_titles = "总经理"\n', "extra_titles must be a list of strings", id="titles-not-a-list"),
        pytest.param("source = []\n", "source must be a string, not []", id="a-list-where-a-string-belongs"),
        # Accepted, then every record was rejected ("invalid_record: field '' is missing", exit 1).
        pytest.param('text_key = ""\n', "text_key must be a field name with a visible character, not ''",
                     id="text-key-empty"),
        pytest.param('text-key = " "\n', "text_key must be a field name with a visible character, not ' '",
                     id="text-key-blank"),
        # TOML reads two keys; the second value was taken and the first dropped without a word.
        pytest.param('dedup-threshold = 0.9\ndedup_threshold = 0.5\n',
                     "corpusclean.toml: dedup_threshold is set twice, as dedup-threshold and as dedup_threshold",
                     id="one-setting-spelled-two-ways"),
    ],
)
def test_every_setting_is_checked_against_its_declaration(tmp_path, text, message):
    (tmp_path / "corpusclean.toml").write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(None, {}, start=tmp_path)


@pytest.mark.parametrize(
    "name, data, message",
    [
        pytest.param("corpusclean.toml", b"\xff\xfejobs = 1\n", "corpusclean.toml: not UTF-8 (byte 1)", id="not-utf-8"),
        pytest.param("pyproject.toml", "[tool]\ncorpusclean = 5\n".encode(),
                     "pyproject.toml: [tool.corpusclean] must be a table of settings, not 5", id="our-table-a-number"),
        pytest.param("pyproject.toml", "[tool]\ncorpusclean = []\n".encode(),
                     "pyproject.toml: [tool.corpusclean] must be a table of settings, not []", id="our-table-a-list"),
    ],
)
def test_a_config_file_of_the_wrong_shape_is_a_config_error(tmp_path, name, data, message):
    """Each ended `run` with a traceback (UnicodeDecodeError, AttributeError, TypeError) instead of exit 2."""
    (tmp_path / name).write_bytes(data)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(None, {}, start=tmp_path)


@pytest.mark.parametrize("name, data", [
    pytest.param("corpusclean.toml", '\ufeffscript = "keep"\n'.encode(), id="a-settings-file"),
    pytest.param("pyproject.toml", '\ufeff[tool.corpusclean]\nscript = "keep"\n'.encode(), id="a-pyproject"),
])
def test_a_config_file_saved_with_a_byte_order_mark_is_read(tmp_path, name, data):
    """Notepad saves UTF-8 with a byte order mark; tomllib refused it: 'Invalid statement (at line 1, column 1)'."""
    (tmp_path / name).write_bytes(data)
    assert load_config(None, {}, start=tmp_path).script == "keep"


@pytest.mark.parametrize("text", [pytest.param("tool = 5\n", id="tool-a-number"),
                                  pytest.param("[tool.black]\nline-length = 100\n", id="another-tool")])
def test_a_pyproject_without_a_corpusclean_table_is_not_a_config_file(tmp_path, text):
    (tmp_path / "pyproject.toml").write_text(text)
    assert find_config_file(tmp_path) is None and load_config(None, {}, start=tmp_path) == Config()


def test_a_bad_option_names_its_flag(tmp_path):
    with pytest.raises(ConfigError, match=re.escape("--dedup-threshold must be in (0, 1], not 2")):
        load_config(None, {"dedup_threshold": 2}, start=tmp_path)


def test_every_setting_with_a_flag_is_an_option_of_run():
    from typer.testing import CliRunner

    from corpusclean.cli import app
    from corpusclean.config import settings

    shown = CliRunner().invoke(app, ["run", "--help"]).output
    for setting in settings():
        for flag in setting.metadata["flags"]:
            assert flag.split("/")[0] in shown, setting.name
