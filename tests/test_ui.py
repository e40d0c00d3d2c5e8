"""The progress bar: it moves while the files are read and through each later pass, not only when documents
leave the last stage."""

import io

from rich.console import Console

from corpusclean.ui import Progress


def state(progress: Progress) -> tuple:
    task = progress._bar.tasks[0]
    return task.description, task.completed, task.total, task.fields["detail"]


def test_the_bar_counts_files_read_then_the_documents_of_each_pass():
    progress = Progress(True, total_files=3, console=Console(file=io.StringIO(), force_terminal=True))
    progress.segment("cleaning", None)
    progress.file_read()
    progress.file_read()
    progress.batch(32)
    assert state(progress)[:3] == ("cleaning", 2, 3) and "32 docs" in state(progress)[3]
    progress.file_read()
    progress.segment("learning dedup, template", None)
    assert state(progress)[:3] == ("learning dedup, template", 3, 3)
    progress.segment("dedup, template", 40)
    progress.batch(32)
    assert state(progress)[:3] == ("dedup, template", 32, 40)
    progress.stop()


def test_no_bar_when_not_asked_or_not_on_a_terminal():
    for progress in (Progress(False, 3, console=Console(file=io.StringIO())), Progress(True, 3)):
        progress.segment("cleaning", None)
        progress.file_read()
        progress.batch(5)
        progress.stop()
        assert progress._bar is None
