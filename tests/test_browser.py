"""The workbench in headless Chromium: search, open an entity, read its evidence, stay safe.

Set REGWATCH_SCREENSHOT=docs/explore.png to run the Explore test on the real sample corpus and
keep its screenshot for the README; otherwise it runs on the small hand-made store.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_fixtures import EVIL, ROOT, build_corpus_store, build_store, running_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (run .ci/install-browser.sh)"),
]
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def small_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("browser")
    with running_app(build_store(tmp / "store"), tmp / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def explore_app(small_app: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real corpus when a README screenshot is asked for, else the small store."""
    if not os.environ.get("REGWATCH_SCREENSHOT"):
        yield small_app
        return
    tmp = tmp_path_factory.mktemp("browser-corpus")
    with running_app(build_corpus_store(tmp / "regwatch-store"), tmp / "streamlit.log") as url:
        yield url


@pytest.fixture()
def page() -> Iterator[tuple[object, list[str], list[str]]]:
    """A fresh page; yields (page, dialogs seen, requests that left the machine)."""
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1700})
        dialogs: list[str] = []
        outside: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.on(
            "request",
            lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else outside.append(r.url),
        )
        try:
            yield pg, dialogs, outside
        finally:
            browser.close()


def wait_idle(pg: object) -> None:
    """Streamlit shows a status widget while the script runs; wait until the run is over."""
    pg.wait_for_load_state("networkidle")
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )


def test_search_open_entity_and_screenshot(explore_app: str, page: tuple, tmp_path: Path) -> None:
    pg, dialogs, outside = page
    pg.goto(explore_app + "/explore")
    box = pg.get_by_label("Search entities by name or alias")
    box.wait_for(timeout=60_000)
    box.fill("Anthropic")
    box.press("Enter")
    pg.get_by_role("button", name=re.compile(r"^Anthropic · Company")).click()
    pg.get_by_role("heading", name="Anthropic", exact=True).wait_for(timeout=60_000)
    pg.get_by_text("Investors", exact=True).wait_for()
    pg.get_by_role("heading", name="Timeline").wait_for(timeout=60_000)  # the last section
    wait_idle(pg)
    assert "entity=anthropic" in pg.url
    body = pg.inner_text("body")
    assert "Relations" in body and "Evidence" in body and "Timeline" in body
    investors = pg.get_by_text("Investors", exact=True).locator("xpath=ancestor::div[@data-testid='stColumn'][1]")
    assert "Amazon" in investors.inner_text()
    title = re.compile(r"^Amazon → invests in → Anthropic")
    pg.get_by_text(title).first.click()
    expander = pg.locator("[data-testid='stExpander']").filter(has=pg.get_by_text(title)).first
    expander.get_by_text(re.compile(r"confidence \d\.\d\d")).first.wait_for()
    assert re.search(r"\binvest", expander.inner_text())  # an evidence sentence is shown
    pg.wait_for_selector("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg",
                         timeout=30_000)
    target = os.environ.get("REGWATCH_SCREENSHOT")
    shot = (ROOT / target) if target and not Path(target).is_absolute() else Path(target or tmp_path / "explore.png")
    shot.parent.mkdir(parents=True, exist_ok=True)
    pg.mouse.wheel(0, -5000)
    pg.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 20_000
    assert dialogs == []
    assert outside == [], outside  # nothing fetched from the internet
    assert pg.get_by_text("Page not found").count() == 0


def test_hostile_entity_renders_as_text(small_app: str, page: tuple) -> None:
    pg, dialogs, outside = page
    pg.goto(small_app + "/explore?entity=evil")
    pg.get_by_role("heading", name=EVIL, exact=True).wait_for(timeout=60_000)
    wait_idle(pg)
    pg.get_by_text(re.compile(r"invests in → Anthropic")).first.click()
    pg.get_by_text("invests in Anthropic.", exact=False).first.wait_for()
    assert pg.locator("img[src='x']").count() == 0
    assert pg.locator("a[href^='javascript']").count() == 0
    assert EVIL in pg.inner_text("body")
    pg.goto(small_app + "/explore?entity=anthropic")
    pg.get_by_role("heading", name="Anthropic", exact=True).wait_for(timeout=60_000)
    wait_idle(pg)
    assert pg.locator("img[src='x']").count() == 0
    assert EVIL in pg.inner_text("body")
    for name in ("", "patterns", "review"):  # the Overview is the default page, at "/"
        pg.goto(f"{small_app}/{name}")
        pg.locator("h1").first.wait_for(timeout=60_000)
        wait_idle(pg)
        assert pg.locator("img[src='x']").count() == 0
        assert pg.locator("script:has-text('alert')").count() == 0
        assert pg.get_by_text("Page not found").count() == 0
    assert dialogs == []
    assert outside == [], outside
