"""The review page in a real browser: headless Chromium driven by Selenium.

A reviewer opens the page, goes to the doubtful link by keyboard, merges it with its
neighbour, edits a sentence, undoes and redoes; after a reload the changes are still
there (they were saved to the InterText file), and the memory written from the page
has the reviewed unit. ``.ci/run`` installs Debian's ``chromium`` and
``chromium-driver`` where apt-get is available; elsewhere the test is skipped. With
``TMKIT_REVIEW_SCREENSHOT=PATH`` set, the test also saves the screenshot the README shows.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from tests.review_helpers import write_sample
from tmkit.review.intertext import read_intertext
from tmkit.review.server import BackgroundServer
from tmkit.review.session import ReviewSession
from tmkit.review.terms import TermMarker
from tmkit.termbase.load import load_termbase
from tmkit.tmx import read_tmx

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

CHROMIUM = next((path for name in ("chromium", "chromium-browser", "google-chrome") if (path := shutil.which(name))), None)
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="no Chromium and chromedriver (apt-get install chromium chromium-driver; .ci/run installs them "
           "when apt-get and root are available)",
)
#: Chromium as this machine can run it: no sandbox as root, no GPU, no network of its own.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1200,560")


def start_chromium():
    """A fresh headless Chromium with its own profile (the caller quits it)."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='tmkit-chromium-')}")
    return webdriver.Chrome(options=options, service=Service(DRIVER))


@pytest.fixture(scope="module")
def browser():
    driver = start_chromium()
    yield driver
    driver.quit()


def wait_for(condition, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("the page did not get there in time")


def open_page(browser, url: str) -> None:
    browser.get(url)
    wait_for(lambda: browser.execute_script("return document.body.dataset.ready === 'true'"))


def press(browser, *keys: str) -> None:
    """Type ``keys`` into the page and wait until the page has sent and applied them."""
    browser.find_element(By.TAG_NAME, "body").send_keys(*keys)
    wait_for(lambda: browser.execute_script("return !window.tmkitBusy()"))


def current(browser) -> dict:
    return browser.execute_script("return window.tmkitCurrent()")


def missing_terms(browser, status: str) -> list[str]:
    """The highlighted terms of one status (ok, missing, deprecated) on the page."""
    return [element.text for element in browser.find_elements(By.CSS_SELECTOR, f"#links mark.term.{status}")]


def test_review_in_the_browser(browser, tmp_path: Path) -> None:
    file = write_sample(tmp_path)
    session = ReviewSession(file, TermMarker(load_termbase(None)))
    with BackgroundServer(session) as url:
        open_page(browser, url)
        # The page opens on the first doubtful link: the lone Chinese sentence.
        assert current(browser) == {"index": 2, "zh": [2], "en": [], "reviewed": False}
        assert browser.find_element(By.ID, "doubtful").text == "2 doubtful left"
        if os.environ.get("TMKIT_REVIEW_SCREENSHOT"):
            wait_for(lambda: browser.execute_script("return window.tmkitTimings.termsLoaded"))
            browser.save_screenshot(os.environ["TMKIT_REVIEW_SCREENSHOT"])
        press(browser, Keys.HOME)
        assert current(browser)["index"] == 0
        # A click low on the overview picture jumps to the last links.
        overview = browser.find_element(By.ID, "overview")
        ActionChains(browser).move_to_element_with_offset(overview, 0, overview.size["height"] * 0.45).click().perform()
        assert current(browser)["index"] == 6
        press(browser, Keys.HOME)
        press(browser, "n")
        assert current(browser)["index"] == 2
        press(browser, "m")  # merge with the next link: the lone English sentence
        assert current(browser) == {"index": 2, "zh": [2], "en": [2], "reviewed": True}
        # Terms: 安全理事会 with its equivalent, 维持和平行动 without.
        assert "安全理事会" in missing_terms(browser, "ok") and "Security Council" in missing_terms(browser, "ok")
        assert "维持和平行动" in missing_terms(browser, "missing")
        # Edit the English sentence of the next link by keyboard, undo, redo.
        press(browser, "j", Keys.ARROW_RIGHT)
        browser.find_element(By.TAG_NAME, "body").send_keys("e")  # the editor holds the queue until Enter
        editor = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "textarea.editor"))[0]
        editor.send_keys(Keys.CONTROL, "a")  # (clear() would blur it, and a blur saves)
        editor.send_keys("Peacekeeping operations face new challenges.", Keys.ENTER)
        wait_for(lambda: browser.execute_script("return !window.tmkitBusy()"))
        press(browser, Keys.CONTROL, "z")
        assert "missions face" in browser.find_elements(By.CSS_SELECTOR, ".link")[3].text
        press(browser, Keys.CONTROL, "y")
        assert "Peacekeeping operations" in browser.find_elements(By.CSS_SELECTOR, ".link")[3].text
        assert "维持和平行动" not in missing_terms(browser, "missing")
        # Reload: what the page shows comes from the saved file.
        open_page(browser, url)
        rows = browser.find_elements(By.CSS_SELECTOR, ".link")
        assert len(rows) == 6
        assert "秘书长介绍了报告。" in rows[2].text and "The Secretary-General introduced the report." in rows[2].text
        assert browser.find_element(By.ID, "progress-text").text == "2 / 6 reviewed"
        assert browser.find_element(By.ID, "doubtful").text == "no doubtful link left"
        browser.find_element(By.CSS_SELECTOR, "button[data-action=export]").click()
        wait_for(lambda: "units written" in browser.find_element(By.ID, "save").text)
    saved = read_intertext(file.path).review
    assert saved.links[2].zh == (2,) and saved.links[2].en == (2,) and saved.links[2].reviewed
    assert saved.en[3].text == "Peacekeeping operations face new challenges."
    assert saved.en[3].original == "The missions face new challenges."
    units = {unit.tuid: unit for unit in read_tmx(tmp_path / "meeting.zh.en.tmx")}
    merged = units["meeting:3"]
    assert (merged.zh, merged.en) == ("秘书长介绍了报告。", "The Secretary-General introduced the report.")
    assert merged.props["x-reviewed"].endswith("Z") and merged.props["x-score"] == "1.0000"
    edited = units["meeting:4"]
    assert edited.en == "Peacekeeping operations face new challenges." and edited.props["x-edited"] == "en"
    assert units["meeting:1"].props["x-score"] == "0.9800" and "x-reviewed" not in units["meeting:1"].props
