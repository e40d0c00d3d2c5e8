"""Ctrl-C (SIGINT), SIGTERM and SIGHUP: the run unwinds, so that workers stop and temporary files and spools go.

The handler raises where the signal finds the main process. Python drops an exception raised inside a
finalizer or a weakref callback ('Exception ignored in: <function _get_module_lock.<locals>.cb>', when the
signal lands in an import), and the run went on to its end, exit 0: so the signal is also noted, and the run
asks for it between the records it writes and before its outputs take their place (so a second signal,
which is not raised, still stops a run whose first one was dropped).
"""

from __future__ import annotations


class Stopped(BaseException):
    """A stop signal. Not KeyboardInterrupt, which typer turns into exit 130 before main can say a word."""


_received: list[int] = []


def stop(signum: int, frame: object) -> None:
    """The handler of the stop signals. One that finds the run already stopping (a second Ctrl-C while it
    unwinds) is noted, not raised: raised, it cut the cleanup short, and left temporary outputs and a spool
    behind, or a traceback at exit."""
    _received.append(signum)
    if len(_received) == 1:
        raise Stopped(signum)


def raise_if_stopped() -> None:
    """Stopped for a stop signal received whose exception was dropped."""
    if _received:
        raise Stopped(_received[0])
