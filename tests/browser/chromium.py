"""Headless Chromium (Debian's package) driven by Playwright, with the network cut off.

Set KG_CHROMIUM to use another Chromium binary; by default /usr/bin/chromium or whatever
`chromium`/`chromium-browser` is on PATH. Playwright's own browser downloads are not used.
"""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("KG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def browser_session():
    """A headless Chromium for a test module (the ``browser`` fixtures): skips where none is found."""
    import pytest
    from playwright import sync_api

    if chromium_path() is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set KG_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        b = launch(playwright)
        yield b
        b.close()


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)


def drawn(page) -> tuple[int, int]:
    """How many nodes and edges the network draws now."""
    counts = page.evaluate("kg.drawn()")
    return counts["nodes"], counts["edges"]


def screenshot(page, name: str) -> Path:
    """Save a screenshot under tests/artifacts/ (kept for a person to look at; no test compares pixels)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path


@dataclass
class PageLog:
    """What the page did that a test may want to fail on."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.console_errors + self.page_errors + [f"network request: {u}" for u in self.blocked] + [
            f"dialog: {d}" for d in self.dialogs]


def open_offline(browser, path: Path, *, bypass_csp: bool = False, viewport=(1400, 900)):
    """Open ``path`` from file:// in a fresh context where every non-file request is aborted and logged."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, bypass_csp=bypass_csp)
    context.set_offline(True)
    log = PageLog()

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            log.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and log.console_errors.append(m.text))
    page.on("pageerror", lambda e: log.page_errors.append(str(e)))

    def on_dialog(d):
        log.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.resolve().as_uri())
    return page, log


def wait_for(page, expression: str, *, timeout: float = 60.0, interval: float = 0.1):
    """Poll a JS expression until truthy. (Playwright's wait_for_function needs eval, which kg's CSP forbids.)"""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{expression} still false after {timeout:.0f} s")
        time.sleep(interval)


def wait_stabilised(page, *, timeout: float = 60.0):
    wait_for(page, "!!(window.kg && window.kg.state.stabilised)", timeout=timeout)


def node_point(page, node_id: str) -> tuple[float, float]:
    """Page coordinates of a node's centre."""
    return tuple(page.evaluate(
        """(id) => { const net = kg.network, p = net.canvasToDOM(net.getPositions([id])[id]);
                     const r = document.getElementById('mynetwork').getBoundingClientRect();
                     return [r.left + p.x, r.top + p.y]; }""", node_id))


def edge_point(page, edge_id: str) -> tuple[float, float]:
    """Page coordinates of an edge's midpoint (where vis draws its label), from vis-network's edge geometry."""
    return tuple(page.evaluate(
        """(id) => { const net = kg.network, edge = net.body.edges[id];
                     const p = net.canvasToDOM(edge.edgeType.getPoint(0.5));
                     const r = document.getElementById('mynetwork').getBoundingClientRect();
                     return [r.left + p.x, r.top + p.y]; }""", edge_id))
