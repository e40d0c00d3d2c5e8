"""corpusclean's steps in datatrove pipelines (local executor) keep and reject what `corpusclean run` does."""

import gzip
import json

import pytest
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from clirun import corpusclean, jsonl
from corpusclean import Config
from corpusclean.datatrove_step import ApplyCorpus, Clean, FitCorpus
from test_jobs import EN, TEMPLATE, TRADITIONAL, ZH


def input_records():
    """A site's articles with template lines (one the site's own), copies, near copies, an empty text."""
    records = []
    for n in range(12):
        lines = [TEMPLATE[0], "本版稿件由南岭晚报社区新闻部提供", ZH[n % 6], ZH[(n + 1) % 6], f"稿件编号 {n}", EN[n % 6]]
        records.append({"id": f"a{n}", "source": "site", "text": "\n".join(lines)})
    records.append({"id": "copy", "source": "site", "text": records[3]["text"]})
    records.append({"id": "near", "source": "site", "text": records[5]["text"] + "\n（转载）"})
    records.append({"id": "traditional", "source": "other", "text": TRADITIONAL + "\n" + EN[0]})
    records.append({"id": "blank", "source": "other", "text": "   "})
    return records


def read_gz_folder(folder):
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl.gz"))
            for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()]


def test_clean_fit_and_apply_in_datatrove_give_the_records_of_run(tmp_path):
    (tmp_path / "in").mkdir()
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in input_records())
    (tmp_path / "in" / "records.jsonl").write_text(data, "utf-8")
    result = corpusclean("run", tmp_path / "in", "--rejects", tmp_path / "rejects.jsonl", "--jobs", "1", "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    expected = {r["id"]: r for r in jsonl(result.stdout)}
    expected_rejects = {r["id"]: r["reject_reason"] for r in jsonl((tmp_path / "rejects.jsonl").read_bytes())}

    config, summaries, logs = Config(), str(tmp_path / "summaries"), tmp_path / "logs"
    LocalPipelineExecutor([
        JsonlReader(str(tmp_path / "in")),
        Clean(config, exclusion_writer=JsonlWriter(str(tmp_path / "excluded1")), summaries=summaries),
        JsonlWriter(str(tmp_path / "cleaned")),
    ], tasks=1, logging_dir=str(logs / "clean")).run()
    LocalPipelineExecutor([FitCorpus(summaries, config)], tasks=1, logging_dir=str(logs / "fit")).run()
    LocalPipelineExecutor([
        JsonlReader(str(tmp_path / "cleaned")),
        ApplyCorpus(summaries, config, exclusion_writer=JsonlWriter(str(tmp_path / "excluded2"))),
        JsonlWriter(str(tmp_path / "out"), expand_metadata=True),
    ], tasks=1, logging_dir=str(logs / "apply")).run()

    written = {r["id"]: r for r in read_gz_folder(tmp_path / "out")}
    assert {i: r["text"] for i, r in written.items()} == {i: r["text"] for i, r in expected.items()}
    for key in ("title", "lang", "script", "encoding"):
        assert {i: r[key] for i, r in written.items()} == {i: r["metadata"][key] for i, r in expected.items()}, key
    excluded = read_gz_folder(tmp_path / "excluded1") + read_gz_folder(tmp_path / "excluded2")
    assert {r["id"]: r["metadata"]["filter_reason"] for r in excluded} == expected_rejects
    assert set(expected_rejects.values()) == {"duplicate", "empty"}
    assert "南岭晚报" not in "".join(r["text"] for r in written.values())  # the site's template line went


def test_documents_of_two_files_in_one_folder_are_one_site_as_run_reads_them(tmp_path):
    """A record without a source of its own took its file's whole path for it ('/tmp/.../in/a.jsonl'), as
    its metadata.path: each file a site of its own for the per-site templates, so a site's template line
    spread over two files stayed in every text that run cleans of it, and an absolute path was written."""
    (tmp_path / "in").mkdir()
    records = [{key: value for key, value in r.items() if key != "source"} for r in input_records()[:8]]
    for name, part in (("a.jsonl", records[:4]), ("b.jsonl", records[4:])):
        (tmp_path / "in" / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), "utf-8")
    result = corpusclean("run", tmp_path / "in", "--jobs", "1", "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    expected = {r["id"]: r for r in jsonl(result.stdout)}

    config, summaries, logs = Config(), str(tmp_path / "summaries"), tmp_path / "logs"
    LocalPipelineExecutor([JsonlReader(str(tmp_path / "in")), Clean(config, summaries=summaries),
                           JsonlWriter(str(tmp_path / "cleaned"))], tasks=1, logging_dir=str(logs / "clean")).run()
    LocalPipelineExecutor([FitCorpus(summaries, config)], tasks=1, logging_dir=str(logs / "fit")).run()
    LocalPipelineExecutor([JsonlReader(str(tmp_path / "cleaned")), ApplyCorpus(summaries, config),
                           JsonlWriter(str(tmp_path / "out"), expand_metadata=True)],
                          tasks=1, logging_dir=str(logs / "apply")).run()
    written = {r["id"]: r for r in read_gz_folder(tmp_path / "out")}
    assert {i: r["text"] for i, r in written.items()} == {i: r["text"] for i, r in expected.items()}
    assert {(r["source"], r["path"]) for r in written.values()} == {("in", "in/a.jsonl"), ("in", "in/b.jsonl")}
    assert "南岭晚报" not in "".join(r["text"] for r in written.values())  # the site's template line went


def test_a_document_through_two_steps_keeps_its_fields_once():
    """Clean writes the record into the datatrove metadata; ApplyCorpus reads it back from there: the
    fields the tool does not use (datatrove's own) stay in metadata.extra once, nothing of ours lands there."""
    from datatrove.data import Document as DatatroveDocument

    from corpusclean.api import as_document
    from corpusclean.datatrove_step import _keep, _record

    doc = DatatroveDocument(text="全省秋粮收购进度过半。\n各地粮库延长收购时间。", id="d1",
                            metadata={"url": "https://a.example/1", "dump": "CC-MAIN-2024-10", "file_path": "x.warc"})
    for _ in range(2):
        _keep(doc, as_document(_record(doc, Config()), Config()))
    assert json.loads(doc.metadata["extra"]) == {"dump": "CC-MAIN-2024-10", "file_path": "x.warc"}
    assert doc.metadata["url"] == "https://a.example/1"


def test_fit_refuses_a_duplicate_whose_id_another_document_has(tmp_path):
    """datatrove's readers take a record's own id: two files of a crawl numbered from 1 give two documents
    'a1'. ApplyCorpus rejects by id, so the copy of a text and the one it copies, under one id, were both
    rejected as duplicates of themselves ('a1' duplicate of 'a1'): the text was lost from the output."""
    (tmp_path / "in").mkdir()
    records = input_records()[:3] + [{**input_records()[1], "source": "other"}]  # a copy of a1, its id too
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (tmp_path / "in" / "records.jsonl").write_text(data, "utf-8")
    config, summaries, logs = Config(template=False), str(tmp_path / "summaries"), tmp_path / "logs"
    LocalPipelineExecutor([JsonlReader(str(tmp_path / "in")), Clean(config, summaries=summaries),
                           JsonlWriter(str(tmp_path / "cleaned"))], tasks=1, logging_dir=str(logs / "clean")).run()
    with pytest.raises(ValueError, match="2 documents have the id 'a1', and one is a duplicate"):
        LocalPipelineExecutor([FitCorpus(summaries, config)], tasks=1, logging_dir=str(logs / "fit")).run()


def test_the_configs_source_is_the_source_as_run_source_gives_it(tmp_path):
    """Clean(Config(source='crawl')) wrote each document's folder for its source ('in'), where
    'run in --source crawl' and the Python API write 'crawl'; a record's own source is kept either way."""
    (tmp_path / "in").mkdir()
    records = [{key: value for key, value in r.items() if key != "source"} for r in input_records()[:3]]
    records.append({**input_records()[3], "source": "own"})
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (tmp_path / "in" / "records.jsonl").write_text(data, "utf-8")
    result = corpusclean("run", "in", "--source", "crawl", "--no-dedup", "--no-template", "--quiet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    expected = {r["id"]: (r["source"], r["metadata"]["path"]) for r in jsonl(result.stdout)}

    config = Config(source="crawl", dedup="none", template=False)
    LocalPipelineExecutor([JsonlReader(str(tmp_path / "in")), Clean(config), JsonlWriter(str(tmp_path / "out"),
                           expand_metadata=True)], tasks=1, logging_dir=str(tmp_path / "logs")).run()
    written = {r["id"]: (r["source"], r["path"]) for r in read_gz_folder(tmp_path / "out")}
    assert written == expected
    assert sorted(source for source, _ in written.values()) == ["crawl", "crawl", "crawl", "own"]


def test_a_document_with_an_integer_id_and_no_file_is_read_as_run_reads_it():
    """datatrove's HuggingFaceDatasetReader gives a dataset's integer id as is ({'id': 5}) and no file_path:
    Clean ended in a TypeError (the id joined as a name), where run reads {"id": 5} as the id '5'."""
    from datatrove.data import Document as DatatroveDocument

    doc = DatatroveDocument(text="全省秋粮收购进度过半。\n各地粮库延长收购时间。", id=5, metadata={"dataset": "json"})
    kept = list(Clean(Config(dedup="none", template=False)).run(iter([doc])))
    assert [(d.text, d.metadata["path"], d.metadata["source"]) for d in kept] == [(doc.text, "5", "5")]


def test_a_lone_surrogate_in_a_documents_file_path_or_id_is_replaced_as_run_reads_it():
    """A datatrove Document whose id or file_path held a lone surrogate ended Clean in a UnicodeEncodeError
    (the task killed), where run reads one in a record's fields as U+FFFD."""
    from datatrove.data import Document as DatatroveDocument

    docs = [DatatroveDocument(text="全省秋粮收购进度过半。", id="a\ud800"),
            DatatroveDocument(text="各地粮库延长收购时间。", id="b", metadata={"file_path": "in\ud800/x.jsonl"})]
    kept = list(Clean(Config(dedup="none", template=False)).run(iter(docs)))
    assert [(d.metadata["path"], d.metadata["source"]) for d in kept] == [("a\ufffd", "a\ufffd"),
                                                                          ("in\ufffd/x.jsonl", "in\ufffd")]


def test_a_document_with_a_null_id_gets_the_id_run_gives_a_record_without_one(tmp_path):
    """JsonlReader gives {"id": null, ...} as a Document of id None: Clean kept it, and the writer wrote
    "id": null (two such documents shared it, and dedup could not tell them apart), where run writes the id of
    the record's place, 'in/a.jsonl#1'."""
    (tmp_path / "in").mkdir()
    lines = ['{"id": null, "text": "全省秋粮收购进度过半，各地粮库延长收购时间。"}',
             '{"id": "own", "text": "各地粮库延长收购时间，农民售粮更方便了。"}',
             '{"id": null, "text": "今年全市新增就业岗位三万个，城镇登记失业率保持低位。"}']
    (tmp_path / "in" / "a.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    config = Config(dedup="none", template=False)
    LocalPipelineExecutor([JsonlReader(str(tmp_path / "in")), Clean(config), JsonlWriter(str(tmp_path / "out"))],
                          tasks=1, logging_dir=str(tmp_path / "logs")).run()
    ids = [r["id"] for r in read_gz_folder(tmp_path / "out")]
    run = corpusclean("run", "in", "-q", "--no-dedup", "--no-template", cwd=tmp_path)
    assert ids == [r["id"] for r in jsonl(run.stdout)] == ["in/a.jsonl#1", "own", "in/a.jsonl#3"]


def test_documents_without_ids_in_two_files_of_one_folder_and_file_name_get_ids_of_their_own(tmp_path):
    """p1/x/a.jsonl and p2/x/a.jsonl are both named x/a.jsonl (a folder's name and the file's): their
    documents without an id were both 'x/a.jsonl#1', where run, given the two files, names the second
    'x/a.jsonl#1~2'. The ids that do not collide stay as they were."""
    lines = {"p1": ['{"id": null, "text": "全省秋粮收购进度过半，各地粮库延长收购时间。"}',
                    '{"id": "own", "text": "各地粮库延长收购时间，农民售粮更方便了。"}'],
             "p2": ['{"id": null, "text": "今年全市新增就业岗位三万个，城镇登记失业率保持低位。"}',
                    '{"id": null, "text": "各区各部门要压实责任，做好隐患排查，确保安全度汛。"}']}
    for parent, texts in lines.items():
        (tmp_path / "in" / parent / "x").mkdir(parents=True)
        (tmp_path / "in" / parent / "x" / "a.jsonl").write_text("\n".join(texts) + "\n", "utf-8")
    config = Config(dedup="none", template=False)
    LocalPipelineExecutor([JsonlReader(str(tmp_path / "in")), Clean(config), JsonlWriter(str(tmp_path / "out"))],
                          tasks=1, logging_dir=str(tmp_path / "logs")).run()
    ids = [r["id"] for r in read_gz_folder(tmp_path / "out")]
    files = [tmp_path / "in" / parent / "x" / "a.jsonl" for parent in lines]
    run = corpusclean("run", *files, "-q", "--no-dedup", "--no-template", cwd=tmp_path)
    assert ids == [r["id"] for r in jsonl(run.stdout)] == ["x/a.jsonl#1", "own", "x/a.jsonl#1~2", "x/a.jsonl#2"]


def test_a_document_over_max_record_bytes_is_too_large_as_run_rejects_its_line():
    """Clean had no max_record_bytes: a 9 MB document was cleaned, or too_complex, where run says too_large."""
    from datatrove.data import Document as DatatroveDocument

    text = "\n".join(["全省秋粮收购进度过半，各地粮库延长收购时间。"] * 60)
    doc = DatatroveDocument(text=text, id="big", metadata={"file_path": "in/a.jsonl"})
    assert list(Clean(Config(max_record_bytes=2000)).run(iter([doc]))) == []
    assert doc.metadata["reject_detail"].endswith("bytes, over the 2000-byte limit (max_record_bytes)")


def test_fit_refuses_a_summaries_folder_that_clean_never_wrote(tmp_path):
    """FitCorpus over a folder without summaries (a typo, Clean run without summaries=) fitted models on nothing:
    ApplyCorpus then removed no duplicate and no template line, and every pipeline ended well. A Clean whose
    every document is rejected still writes its file, and the fit goes on."""
    from datatrove.data import Document as DatatroveDocument

    (tmp_path / "empty").mkdir()
    for folder in ("empty", "missing"):
        with pytest.raises(ValueError, match=f"^no summaries in {tmp_path / folder}: run Clean"):
            list(FitCorpus(str(tmp_path / folder), Config()).run(None))
    summaries = str(tmp_path / "summaries")
    assert list(Clean(Config(), summaries=summaries).run(iter([DatatroveDocument(text=" ", id="a")]))) == []
    list(FitCorpus(summaries, Config()).run(None))
    assert (tmp_path / "summaries" / "models.pickle").exists()


@pytest.mark.parametrize("clean_fit, apply", [(Config(), Config(template=False)),
                                              (Config(template=False), Config())])
def test_steps_given_other_corpus_stages_stop_with_one_sentence(tmp_path, clean_fit, apply):
    """FitCorpus or ApplyCorpus given a config of other corpus stages than Clean's ended in 'IndexError: tuple index
    out of range' or "KeyError: 'template'", or applied fewer models than were fitted, without a word."""
    from datatrove.data import Document as DatatroveDocument

    summaries = str(tmp_path / "summaries")
    docs = [DatatroveDocument(text=f"全省秋粮收购进度过半，各地粮库延长收购时间。第{n}篇。", id=str(n)) for n in range(3)]
    kept = list(Clean(clean_fit, summaries=summaries).run(iter(docs)))
    with pytest.raises(ValueError, match="^the summaries in .* were written by a Clean of other corpus stages"):
        list(FitCorpus(summaries, apply).run(None))
    list(FitCorpus(summaries, clean_fit).run(None))
    with pytest.raises(ValueError, match=r"^the models in .* are of other corpus stages \(.*\) than this config's"):
        list(ApplyCorpus(summaries, apply).run(iter(kept)))


def test_fit_reads_only_the_summaries_of_the_last_clean_run(tmp_path):
    """Clean run again with fewer tasks into the same folder left the earlier run's files of the higher ranks,
    and FitCorpus took them in: a line on 3 of the earlier pages and the 2 new ones became the site's template
    and was removed from the new pages (so could an earlier page take a new one for its duplicate). Now the
    fit reads the files of the last run (task 0's names how many tasks it had); a lower rank of another run, a
    missing task's file or one its task did not finish stop it with one sentence."""
    from datatrove.data import Document as DatatroveDocument

    line = "这个栏目每周三更新一次，内容都来自读者的投稿。"
    def docs(texts):
        return [DatatroveDocument(text=f"{line}\n{text}", id=f"d{n}", metadata={"file_path": "/data/site/a.jsonl"})
                for n, text in enumerate(texts)]
    summaries, config = str(tmp_path / "summaries"), Config()
    earlier = docs(ZH[:6])
    list(Clean(config, summaries=summaries).run(iter(earlier[:3]), rank=0, world_size=2))
    list(Clean(config, summaries=summaries).run(iter(earlier[3:]), rank=1, world_size=2))
    kept = list(Clean(config, summaries=summaries).run(iter(docs([EN[0], EN[1]])), rank=0, world_size=1))
    list(FitCorpus(summaries, config).run(None))
    assert [d.text.split("\n")[0] for d in ApplyCorpus(summaries, config).run(iter(kept))] == [line, line]

    list(Clean(config, summaries=summaries).run(iter(docs(ZH[:2])), rank=0, world_size=3))
    with pytest.raises(ValueError, match=r"are of two Clean runs \(00000.summaries of a run of 3 task\(s\), "
                                         r"00001.summaries of another\)"):
        list(FitCorpus(summaries, config).run(None))
    list(Clean(config, summaries=summaries).run(iter(docs(ZH[2:4])), rank=1, world_size=3))
    with pytest.raises(ValueError, match=r"summaries/00002.summaries is missing: Clean ran in 3 tasks"):
        list(FitCorpus(summaries, config).run(None))
    list(Clean(config, summaries=summaries).run(iter(docs(ZH[4:6])), rank=2, world_size=3))
    list(FitCorpus(summaries, config).run(None))
    cut = tmp_path / "summaries" / "00001.summaries"
    cut.write_bytes(cut.read_bytes()[:-20])
    with pytest.raises(ValueError, match=r"00001.summaries ends before its task finished"):
        list(FitCorpus(summaries, config).run(None))


def test_apply_refuses_the_models_of_an_earlier_corpus(tmp_path):
    """Clean run again into the summaries folder over another corpus, then ApplyCorpus without FitCorpus (a step
    left out, or skipped by datatrove as done in its logging folder): the models of the earlier fit were applied
    to the new documents, and one that no other copies ('d1', a duplicate in the earlier corpus) was rejected as
    a duplicate, without a word. A Clean run removes the earlier models; ApplyCorpus without any says so."""
    from datatrove.data import Document as DatatroveDocument

    def docs(texts):
        return [DatatroveDocument(text=text, id=f"d{n}") for n, text in enumerate(texts)]
    summaries, config = str(tmp_path / "summaries"), Config(template=False)
    kept = list(Clean(config, summaries=summaries).run(iter(docs([ZH[0], ZH[0], ZH[1]]))))
    list(FitCorpus(summaries, config).run(None))
    assert [d.id for d in ApplyCorpus(summaries, config).run(iter(kept))] == ["d0", "d2"]

    kept = list(Clean(config, summaries=summaries).run(iter(docs(ZH[:3]))))
    with pytest.raises(ValueError, match=r"^no models in .*summaries: run FitCorpus\("):
        list(ApplyCorpus(summaries, config).run(iter(kept)))
    list(FitCorpus(summaries, config).run(None))
    assert [d.id for d in ApplyCorpus(summaries, config).run(iter(kept))] == ["d0", "d1", "d2"]


def test_fit_refuses_other_settings_than_the_clean_that_wrote_the_summaries(tmp_path):
    """FitCorpus(summaries), its config left to the default, fitted with keep 'first' where Clean's config said
    keep the longest copy: the longer of two near copies was rejected and the shorter written, without a word
    (so a dedup_threshold or template_min_docs given to Clean alone was not used). The fit takes the settings
    of its corpus stages from its own config, and refuses ones that are not Clean's."""
    from datatrove.data import Document as DatatroveDocument

    short = "\n".join(ZH[:5])
    docs = [DatatroveDocument(text=short, id="short"), DatatroveDocument(text=f"{short}\n{ZH[5]}", id="long")]
    summaries, config = str(tmp_path / "summaries"), Config(keep="longest")
    kept = list(Clean(config, summaries=summaries).run(iter(docs)))
    with pytest.raises(ValueError, match=r"^the summaries in .* were written by a Clean of other settings \(keep "
                                         r"'longest' there, 'first' here\): give Clean, FitCorpus and ApplyCorpus one"):
        list(FitCorpus(summaries).run(None))
    list(FitCorpus(summaries, config).run(None))
    assert [d.id for d in ApplyCorpus(summaries, config).run(iter(kept))] == ["long"]


def test_numpy_scalars_in_metadata_are_the_numbers_they_hold():
    """A datatrove document whose metadata held np.float32(0.5), np.int64(3) or np.bool_(True) (a parquet
    reader's, a scorer's) was an invalid_record ('Type is not JSON serializable: numpy.float32'): the document
    was lost for a number. They are written as the Python values they hold; an array, bytes and a NaN stay
    invalid, as documented."""
    import numpy as np
    from datatrove.data import Document as DatatroveDocument

    from corpusclean import clean_records

    config = Config(dedup="none", template=False, jobs=1)
    numbers = {"score": np.float32(0.5), "n": np.int64(3), "ok": np.bool_(True), "list": [np.int32(1)]}
    doc = DatatroveDocument(text=ZH[0], id="a", metadata=dict(numbers))
    [kept] = list(Clean(config).run(iter([doc])))
    assert json.loads(kept.metadata["extra"]) == {"score": 0.5, "n": 3, "ok": True, "list": [1]}
    [record] = clean_records([{"id": "a", "text": ZH[0], **numbers}], config)
    assert json.loads(record["metadata"]["extra"]) == {"score": 0.5, "n": 3, "ok": True, "list": [1]}
    for value, why in [(np.array([1]), "numpy.ndarray"), (np.bytes_(b"x"), "numpy.bytes_"),
                       (np.float32("nan"), "it holds nan")]:
        doc = DatatroveDocument(text=ZH[0], id="a", metadata={"v": value})
        assert list(Clean(config).run(iter([doc]))) == [] and why in doc.metadata["reject_detail"]


def test_a_document_with_a_blank_text_and_its_page_under_html_is_read_as_run_reads_its_line(tmp_path):
    """A JSONL record whose extraction found nothing ('"text": " "') and whose page is under `html`: run reads the
    page, and JsonlReader gives the record's other fields as metadata, so Clean saw a blank text and rejected the
    document as empty. Clean reads a blank text's page from the metadata's html or raw_html, as run from the line."""
    (tmp_path / "in").mkdir()
    page = ("<html><head><title>秋粮收购</title></head><body><div class=content><p>全省秋粮收购进度过半，各地粮库延长收购时间，"
            "农民售粮更方便了。</p><p>今年全市新增就业岗位三万个，城镇登记失业率保持低位。</p></div></body></html>")
    lines = [{"id": "html", "text": " ", "html": page}, {"id": "raw", "text": "\n", "raw_html": page.replace("全省", "全市")}]
    (tmp_path / "in" / "a.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    config = Config(dedup="none", template=False)
    LocalPipelineExecutor([JsonlReader(str(tmp_path / "in")), Clean(config), JsonlWriter(str(tmp_path / "out"))],
                          tasks=1, logging_dir=str(tmp_path / "logs")).run()
    written = {r["id"]: r for r in read_gz_folder(tmp_path / "out")}
    run = corpusclean("run", "in", "-q", "--no-dedup", "--no-template", cwd=tmp_path)
    expected = {r["id"]: r for r in jsonl(run.stdout)}
    assert sorted(written) == sorted(expected) == ["html", "raw"]
    assert {i: (r["text"], r["metadata"]["title"]) for i, r in written.items()} == {
        i: (r["text"], r["metadata"]["title"]) for i, r in expected.items()}
