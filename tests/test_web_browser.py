"""The page in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium),
served by uvicorn on a free loopback port over the store `sitrep demo` makes: the markers are
there, the type filter filters them, an event opens with its evidence highlighted.

Skipped, saying why, when /usr/bin/chromium or /usr/bin/chromedriver is missing (install them with
scripts/install-browser.sh) or the page's assets are not built (scripts/build-web-assets.sh).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.web.assets import missing_assets

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT = 30

pytestmark = [
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="needs /usr/bin/chromium and /usr/bin/chromedriver: run scripts/install-browser.sh as root",
    ),
    pytest.mark.skipif(
        bool(missing_assets()), reason="the page's assets are not built: run scripts/build-web-assets.sh"
    ),
]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, default_gazetteer) -> Path:
    path = tmp_path_factory.mktemp("browser") / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(path), "--no-progress"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def server(demo_store) -> Iterator[str]:
    import uvicorn

    from sitrep.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(demo_store, allowed_hosts=["127.0.0.1"], must_exist=True)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not instance.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tmp_path_factory.mktemp("chromium-profile")
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        f"--user-data-dir={profile}", "--window-size=1400,950",
    ):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_window_size(1400, 950)
    yield driver
    driver.quit()


def _wait(driver, condition, what: str):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # The page redraws its lists and markers on every filter change, so elements go stale meanwhile.
    waiting = WebDriverWait(
        driver, WAIT, poll_frequency=0.1, ignored_exceptions=(StaleElementReferenceException,)
    )
    return waiting.until(lambda d: condition(d), message=what)


def _markers_shown(driver) -> int:
    """Single markers plus the events inside cluster bubbles: every event on the map, once."""
    from selenium.webdriver.common.by import By

    single = len(driver.find_elements(By.CSS_SELECTOR, "path.sitrep-marker"))
    clustered = sum(
        int(e.get_attribute("data-count"))
        for e in driver.find_elements(By.CSS_SELECTOR, ".sitrep-cluster span")
    )
    return single + clustered


def _map_ready(driver) -> bool:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, "map").get_attribute("data-state") == "ready"


def _save(driver, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    driver.save_screenshot(str(shot))
    extra = os.environ.get("SITREP_SCREENSHOT_DIR")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(extra) / name)
    return shot


def test_the_page_shows_the_demo_events_filters_them_and_opens_one_with_its_evidence(
    browser, server, demo_store, tmp_path
):
    import httpx
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    listing = httpx.get(f"{server}/api/events", params={"limit": 1000}).json()["events"]
    located = [e for e in listing if e["latitude"] is not None]
    assert located, "the demo should code located events"

    browser.get(server + "/")
    _wait(browser, _map_ready, "the map never became ready")
    _wait(browser, lambda d: _markers_shown(d) == len(located), f"expected {len(located)} events on the map")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".event-link")) == len(listing)
    assert browser.find_elements(By.CSS_SELECTOR, ".leaflet-overlay-pane path.leaflet-interactive")
    assert browser.find_elements(By.CSS_SELECTOR, ".timeline svg g.week rect")
    logs = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not [e for e in logs if "favicon" not in e["message"]], logs

    # Filter by one event type: only its events remain on the map and in the list.
    chosen = located[0]["event_type"]
    expected = [e for e in located if e["event_type"] == chosen]
    Select(browser.find_element(By.ID, "f-event-type")).select_by_value(chosen)
    _wait(browser, lambda d: _map_ready(d) and _markers_shown(d) == len(expected), f"only {chosen} events")
    _wait(
        browser,
        lambda d: (
            len(d.find_elements(By.CSS_SELECTOR, ".event-link"))
            == len([e for e in listing if e["event_type"] == chosen])
        ),
        "the list follows the filter",
    )

    # Open the event with the most evidence from the list.
    target = max(expected, key=lambda e: len(e["evidence"]))
    browser.execute_script(
        "document.querySelector('.event-link[data-event-id=\"' + arguments[0] + '\"]').click()",
        target["event_id"],
    )
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "mark.evidence"), "no evidence highlighted")
    heading = browser.find_element(By.ID, "event-title").text
    assert target["sub_event_type"] in heading
    marks = browser.find_elements(By.CSS_SELECTOR, "#panel-detail mark.evidence")
    marked = "".join(m.text for m in marks)
    for evidence in target["evidence"]:
        assert (
            evidence["text"].strip() in marked
            or evidence["text"].strip()
            in browser.find_element(By.CSS_SELECTOR, "#panel-detail .article-text").text
        )
    labels = {e.text for e in browser.find_elements(By.CSS_SELECTOR, "#panel-detail .evidence-label")}
    assert {e["field"] for e in target["evidence"]} <= labels
    _save(browser, tmp_path, "serve-event.png")

    # A marker click opens an event too.
    browser.find_element(By.CSS_SELECTOR, "#panel-detail .back").click()
    Select(browser.find_element(By.ID, "f-event-type")).select_by_value("")
    _wait(browser, lambda d: _map_ready(d) and _markers_shown(d) == len(located), "all events back")
    single = browser.find_elements(By.CSS_SELECTOR, "path.sitrep-marker")
    assert single, "at least one event stands alone on the map"
    clicked = single[0].get_attribute("data-event-id")
    single[0].click()
    _wait(
        browser,
        lambda d: d.find_element(By.ID, "panel-detail").get_attribute("data-event-id") == clicked,
        "the clicked marker's event opens",
    )
    assert _save(browser, tmp_path, "serve-marker.png").stat().st_size > 10_000


def test_selecting_weeks_on_the_timeline_filters_by_date(browser, server):
    import httpx
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    def listed(driver) -> set[str]:
        return {
            e.get_attribute("data-event-id") for e in driver.find_elements(By.CSS_SELECTOR, ".event-link")
        }

    browser.get(server + "/")
    _wait(browser, _map_ready, "the map never became ready")
    weeks = browser.find_elements(By.CSS_SELECTOR, ".timeline g.week")
    busy = next(w for w in weeks if w.find_elements(By.TAG_NAME, "rect"))
    week = busy.get_attribute("data-week")
    ActionChains(browser).click(busy.find_element(By.TAG_NAME, "rect")).perform()
    _wait(browser, lambda d: d.find_element(By.ID, "f-since").get_attribute("value"), "since is set")
    since = browser.find_element(By.ID, "f-since").get_attribute("value")
    until = browser.find_element(By.ID, "f-until").get_attribute("value")
    assert since == week and since < until
    expected = httpx.get(f"{server}/api/events", params={"since": since, "until": until}).json()["events"]
    assert expected
    _wait(
        browser, lambda d: listed(d) == {e["event_id"] for e in expected}, "the list shows that week's events"
    )

    # An empty week at the left edge of the timeline: nothing is left on the map.
    timeline = browser.find_element(By.CSS_SELECTOR, ".timeline svg")
    left = -timeline.size["width"] // 2 + 3
    ActionChains(browser).move_to_element_with_offset(timeline, left, 0).click().perform()
    _wait(
        browser, lambda d: d.find_element(By.ID, "f-since").get_attribute("value") < since, "an earlier week"
    )
    _wait(browser, lambda d: _map_ready(d) and _markers_shown(d) == 0, "no markers for an empty week")
    assert not listed(browser)
    browser.find_element(By.ID, "timeline-clear").click()
    _wait(
        browser,
        lambda d: len(listed(d)) == len(httpx.get(f"{server}/api/events").json()["events"]),
        "all back",
    )
