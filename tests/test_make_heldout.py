"""bench/make_heldout.py: the dumps go under the folder of the dataset the gold names."""

from bench_script import load_bench_script

make_heldout = load_bench_script("make_heldout")

PAGE = "<html><body><h1>Title</h1><p>One paragraph of text.</p></body></html>"


def _root(tmp_path, monkeypatch):
    # the renderers are bench extras (inscriptis, w3m); the test is about where the dumps go
    monkeypatch.setattr(make_heldout, "renderers", lambda: {"inscriptis": lambda html: "One paragraph of text."})
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html").write_text(PAGE, encoding="utf-8")
    return tmp_path


def test_dumps_go_under_the_named_dataset(tmp_path, monkeypatch):
    root = _root(tmp_path, monkeypatch)
    assert make_heldout.main([str(root), "--dataset", "heldout2"]) == 0
    dump = root / "inscriptis" / "heldout2" / "p1.txt"
    assert "One paragraph of text." in dump.read_text(encoding="utf-8")
    assert not (root / "inscriptis" / "heldout").exists()


def test_default_dataset_is_heldout(tmp_path, monkeypatch):
    root = _root(tmp_path, monkeypatch)
    assert make_heldout.main([str(root)]) == 0
    assert (root / "inscriptis" / "heldout" / "p1.txt").exists()


def test_a_page_is_read_by_its_declared_charset(tmp_path, monkeypatch):
    root = _root(tmp_path, monkeypatch)
    monkeypatch.setattr(make_heldout, "renderers", lambda: {"inscriptis": lambda html: html})
    page = '<html><head><meta charset="big5"></head><body><p>臺灣新聞</p></body></html>'
    (root / "html" / "p1.html").write_bytes(page.encode("big5"))
    assert make_heldout.main([str(root)]) == 0
    assert "臺灣新聞" in (root / "inscriptis" / "heldout" / "p1.txt").read_text(encoding="utf-8")


def test_a_page_no_charset_reads_is_an_error_naming_it(tmp_path, monkeypatch, capsys):
    root = _root(tmp_path, monkeypatch)
    (root / "html" / "p1.html").write_bytes("<p>臺灣新聞</p>".encode("big5"))
    assert make_heldout.main([str(root)]) == 1
    assert "p1.html" in capsys.readouterr().err
