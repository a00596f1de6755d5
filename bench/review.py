"""How fast the review page is at 1,000 and 10,000 links, in headless Chromium.

The alignment is MAC-Dev's six literary chapters (``../shared/corpora/mac-dev``, aligned
by tmkit, about 1,700 links) repeated until it has the number of links asked for, so the
texts, link types, scores and termbase terms are those of real review work; without
../shared, numbered synthetic sentences stand in. For each size it prints:

* ``state``: the server building the page's data (links, texts, term positions), and its size;
* ``first paint``: from navigation to the links drawn (the page's own timer: the frame
  after every row is in the DOM, ``performance.now()``);
* ``all terms shown``: from navigation until the term highlighting of every link has
  arrived (it comes after the first paint, in slices, the ones in view first);
* ``edit``: from a key press to the changed links redrawn, the operation sent, applied,
  saved atomically (alignment file, and the document for a text edit) and answered;
  median and maximum over the repetitions, for merge (``m``), mark reviewed (``r``) and undo.

Run: ``python bench/review.py [--sizes 1000 10000] [--repeat 15]``. Needs chromium and
chromedriver (Debian: ``apt-get install chromium chromium-driver``) and selenium.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.test_review_browser import start_chromium, wait_for  # noqa: E402
from tmkit.review.intertext import write_intertext  # noqa: E402
from tmkit.review.model import Review, Sentence  # noqa: E402
from tmkit.review.server import BackgroundServer  # noqa: E402
from tmkit.review.session import ReviewSession  # noqa: E402
from tmkit.review.terms import TermMarker  # noqa: E402
from tmkit.termbase.load import load_termbase  # noqa: E402

MAC_DEV = REPO.parent / "shared" / "corpora" / "mac-dev"


def base_review() -> Review:
    """MAC-Dev aligned by tmkit (all six chapters in a row), or synthetic sentences."""
    from tmkit.pipeline import align_files
    from tmkit.review.model import review_from_pair

    if not MAC_DEV.exists():
        from tmkit.review.model import ReviewLink

        zh = [Sentence(f"这是第{i}句，安全理事会审议了报告。", i) for i in range(1000)]
        en = [Sentence(f"This is sentence {i}; the Security Council considered the report.", i) for i in range(1000)]
        return Review(zh, en, [ReviewLink((i,), (i,), 0.5 + (i % 50) / 100) for i in range(1000)])
    reviews = [review_from_pair(align_files(MAC_DEV / "zh" / name, MAC_DEV / "en" / name, presegmented=True))
               for name in sorted(p.name for p in (MAC_DEV / "zh").iterdir())]
    return concatenate(reviews, sum(len(r.links) for r in reviews))


def concatenate(reviews: list[Review], links: int) -> Review:
    """One review of ``links`` links: the given ones one after another, repeated as needed."""
    zh: list[Sentence] = []
    en: list[Sentence] = []
    out = []
    while len(out) < links:
        for review in reviews:
            dz, de, paragraph = len(zh), len(en), len(zh)
            zh += [replace(s, paragraph=s.paragraph + paragraph) for s in review.zh]
            en += [replace(s, paragraph=s.paragraph + paragraph) for s in review.en]
            for link in review.links:
                out.append(replace(link, zh=tuple(i + dz for i in link.zh), en=tuple(j + de for j in link.en)))
                if len(out) == links:
                    last_zh = max((i for l in out for i in l.zh[-1:]), default=-1)
                    last_en = max((j for l in out for j in l.en[-1:]), default=-1)
                    return Review(zh[:last_zh + 1], en[:last_en + 1], out)
    return Review(zh, en, out)


def measure(size: int, base: Review, marker: TermMarker, repeat: int, folder: Path) -> dict:
    review = concatenate([base], size)
    links, sentences = len(review.links), len(review.zh) + len(review.en)
    file = write_intertext(review, folder / f"bench{size}.zh.en.xml")
    session = ReviewSession(file, marker)
    start = time.perf_counter()
    state = json.dumps(session.state(), ensure_ascii=False).encode()
    state_seconds = time.perf_counter() - start
    browser = start_chromium()
    try:
        with BackgroundServer(session) as url:
            paints, terms = [], []
            for _ in range(3):
                browser.get(url)
                wait_for(lambda: browser.execute_script("return document.body.dataset.ready === 'true'"), 120)
                paints.append(browser.execute_script("return window.tmkitTimings.firstPaint"))
                wait_for(lambda: browser.execute_script("return window.tmkitTimings.termsLoaded"), 300)
                terms.append(browser.execute_script("return window.tmkitTimings.termsLoaded"))
            edits: dict[str, list[float]] = {"merge (m)": [], "reviewed (r)": [], "undo (Ctrl+Z)": []}
            body = browser.find_element("tag name", "body")
            from selenium.webdriver.common.keys import Keys

            for _ in range(repeat):
                for name, keys in (("merge (m)", ("m",)), ("reviewed (r)", ("r",)), ("undo (Ctrl+Z)", (Keys.CONTROL, "z"))):
                    count = len(browser.execute_script("return window.tmkitTimings.operations"))
                    body.send_keys(*keys)
                    wait_for(lambda: len(browser.execute_script("return window.tmkitTimings.operations")) > count
                             and not browser.execute_script("return window.tmkitBusy()"), 60)
                    edits[name].append(browser.execute_script("return window.tmkitTimings.lastOperation"))
                body.send_keys("j")
    finally:
        browser.quit()
    return {"links": links, "sentences": sentences, "state_s": state_seconds,
            "state_mb": len(state) / 1e6, "paint_ms": paints, "terms_ms": terms, "edits": edits}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    base = base_review()
    marker = TermMarker(load_termbase(None))
    print("| links | sentences | state (server) | first paint | all terms shown | merge (m) | reviewed (r) | undo |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            r = measure(size, base, marker, args.repeat, Path(folder))
            edits = [f"{statistics.median(v):.0f} ms (max {max(v):.0f})" for v in r["edits"].values()]
            print(f"| {r['links']:,} | {r['sentences']:,} | {r['state_s']:.2f} s, {r['state_mb']:.1f} MB | "
                  f"{statistics.median(r['paint_ms']):.0f} ms (of {', '.join(f'{p:.0f}' for p in r['paint_ms'])}) | "
                  f"{statistics.median(r['terms_ms']) / 1000:.1f} s | "
                  + " | ".join(edits) + " |", flush=True)


if __name__ == "__main__":
    main()
