"""Faults for the Dask tests, installed in every worker process by a worker plugin (workers import this module:
they start with the test process's sys.path). Markers in a document's text choose the fault: ``【故障】`` its
analysis raises; ``【终止一次:PATH】`` the worker process kills itself (SIGKILL) the first time, creating PATH so
that the retry lives; ``【总是终止】`` it kills itself every time."""
import os
import re
import signal

from distributed import WorkerPlugin

FAIL, ALWAYS = "【故障】", "【总是终止】"
_ONCE = re.compile(r"【终止一次:([^】]+)】")


def once(path) -> str:
    return f"【终止一次:{path}】"


def install(mapper, *, kill: bool) -> None:
    """Wrap ``mapper.analyze_document`` (once) so that the markers above take effect (the kills only if ``kill``)."""
    real = mapper.analyze_document
    if getattr(real, "faulty", False):
        return

    def analyze_document(doc, **kw):
        if FAIL in doc.text:
            raise ValueError("boom")
        m = _ONCE.search(doc.text)
        if kill and m and not os.path.exists(m.group(1)):
            open(m.group(1), "w").close()
            os.kill(os.getpid(), signal.SIGKILL)
        if kill and ALWAYS in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, **kw)

    analyze_document.faulty = True
    mapper.analyze_document = analyze_document


class Faults(WorkerPlugin):
    idempotent = True

    def setup(self, worker):
        import kg.mapper

        install(kg.mapper, kill=True)
