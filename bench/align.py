"""Benchmark: alignment quality and speed of tmkit against Gale-Church (figures printed, not asserted).

Usage: python bench/align.py [--datasets mac,aca,mag,tico,bible] [--skip-baseline] [--jobs N]
                             [--time-limit S] [--scales 1,2,4] [--bible-verses N] [--seed N]

Issue 4 asks how good and how fast tmkit's aligner is on public Chinese-English gold
alignments, next to the baseline every paper reports (``bench/gale_church.py``). Data come from
``../shared/corpora`` beside the repository:

* ``mac``: MAC-Dev, Bertalign's literary development set (one chapter each of six novels and
  their published translations, gold ``[zh]:[en]`` made by hand; 2 links in 5 are not 1-1);
* ``aca``, ``mag``: aligner-eval's academic and magazine texts (English ``.src``, Chinese
  ``.tgt``, gold ``[src]:[tgt]``, turned round here so Chinese comes first);
* ``tico``: TICO-19's test/dev memory, one unit a sentence, grouped into its documents and
  scored per document (micro-average). Five variants: the plain 1-1 text; ``2-1`` with ~15 % of
  adjacent English sentences merged; ``1-2`` with ~15 % of adjacent Chinese sentences merged;
  ``1-0/0-1`` with ~10 % of sentences deleted on one side; and half the documents with a run of
  3 to 8 consecutive sentences deleted on one side. The edits are drawn from a seeded
  random generator, so every run sees the same texts;
* ``bible``: Genesis to Numbers 33 (5,000 English, 6,301 Chinese sentences). Its gold is at
  verse level, so gold and test links are both turned into verse links before scoring (see
  :func:`verse_links`). The Bible is also repeated 2 and 4 times to check that time grows
  linearly with length.

Each aligner runs in a fresh process per dataset, so its peak memory (``ru_maxrss``, the
whole process; ``+MB`` is the growth during alignment) is its own and a run that exceeds
``--time-limit`` is stopped and reported instead of stalling the benchmark. ``--jobs 2`` (the
default) runs two such processes at once, which keeps the whole benchmark near ten minutes on
two cores; ``--jobs 1`` gives the quietest timings. Seconds are the alignment calls alone (no
start-up, reading or scoring; ``start s`` is the first call, on a two-sentence text, which loads
the dictionaries), best of up to three runs when a run is shorter than a few
seconds; sentences/s counts Chinese plus English sentences.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from lxml import etree

from tmkit.align.evaluate import Scores, score_links
from tmkit.align.link import Link
from tmkit.align.links_format import parse_links

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
ALL_DATASETS = ("mac", "aca", "mag", "tico", "bible")
# tmkit as installed (sentence embeddings on), tmkit --no-semantic, and the baseline.
ALIGNERS = ("tmkit", "tmkit-lexical", "gale-church")
TICO_MERGE_RATE = 0.15
TICO_DROP_RATE = 0.10
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
QUICK_SECONDS = 5.0
QUICK_REPEATS = 3

Doc = tuple[list[str], list[str]]  # (Chinese sentences, English sentences)


@dataclass
class Dataset:
    """Documents to align, their gold links, and how links are made comparable for scoring.

    ``to_units`` maps a document's links to the units the gold is judged in (identity for
    sentence-level gold; verse links for the Bible).
    """

    name: str
    docs: list[Doc]
    gold: list[list[Link]]
    to_units: list[Callable[[Sequence[Link]], list[Link]]] = field(default_factory=list)

    def units(self, doc: int, links: Sequence[Link]) -> list[Link]:
        return self.to_units[doc](links) if self.to_units else list(links)

    @property
    def sentences(self) -> int:
        return sum(len(zh) + len(en) for zh, en in self.docs)


@dataclass
class Run:
    """One aligner on one dataset: links per document, or None with the reason it has none."""

    links: list[list[Link]] | None
    seconds: float
    peak_mb: float = float("nan")
    growth_mb: float = float("nan")
    failure: str = ""  # why there are no links: stopped at the time limit, or the error raised
    startup: float = 0.0  # the first call on a two-sentence text: dictionaries loaded, caches built


# --------------------------------------------------------------------------- reading


def read_lines(path: Path) -> list[str]:
    """One sentence a line; split on ``\\n`` only (``str.splitlines`` also splits on U+2028)."""
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def read_gold(path: Path, *, swap: bool) -> list[Link]:
    """Gold links; ``swap`` when the file lists English ids first (aligner-eval, the Bible)."""
    links = parse_links(read_lines(path), source=str(path))
    return [Link(zh=link.en, en=link.zh) for link in links] if swap else links


def load_mac() -> Dataset:
    """MAC-Dev: ``zh/NNN`` and ``en/NNN`` one sentence a line, gold ``gold/NNN.align`` as ``[zh]:[en]``."""
    base = CORPORA / "mac-dev"
    names = sorted(path.name for path in (base / "zh").iterdir())
    docs = [(read_lines(base / "zh" / name), read_lines(base / "en" / name)) for name in names]
    gold = [read_gold(base / "gold" / f"{name}.align", swap=False) for name in names]
    return Dataset("mac-dev", docs, gold)


def load_aligner_eval(genre: str, stem: str) -> Dataset:
    """An aligner-eval text: ``.src`` is English, ``.tgt`` Chinese, gold ``[src]:[tgt]``."""
    base = CORPORA / "aligner-eval" / genre / stem
    en = read_lines(base.with_suffix(".src"))
    zh = read_lines(base.with_suffix(".tgt"))
    return Dataset(f"{genre}/{stem}", [(zh, en)], [read_gold(base.with_suffix(".align"), swap=True)])


# --------------------------------------------------------------------------- Bible, verse level


def run_ids(labels: Sequence[str]) -> list[int]:
    """Each sentence's verse number: consecutive sentences with the same label share one."""
    ids: list[int] = []
    for k, label in enumerate(labels):
        ids.append(0 if k == 0 else ids[-1] + (label != labels[k - 1]))
    return ids


def verse_links(links: Sequence[Link], zh_verse: Sequence[int], en_verse: Sequence[int]) -> list[Link]:
    """Sentence links turned into verse links, for scoring against verse-level gold.

    Each link's sentences become the set of their verses; links that share a verse on either
    side are then merged (connected components), so the sentences of one verse end up in one
    link even when they were aligned in pieces, and a link spanning a verse boundary joins the
    verses on both sides. A sentence alignment that respects the verses therefore maps to
    exactly the gold verse links, and scores 1.0.
    """
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for link in links:
        nodes = [("zh", zh_verse[i]) for i in link.zh] + [("en", en_verse[j]) for j in link.en]
        for node in nodes[1:]:
            parent[find(node)] = find(nodes[0])
        if nodes:
            find(nodes[0])
    groups: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for node in parent:
        zh_set, en_set = groups.setdefault(find(node), (set(), set()))
        (zh_set if node[0] == "zh" else en_set).add(node[1])
    merged = [Link(tuple(sorted(zh)), tuple(sorted(en))) for zh, en in groups.values()]
    return sorted(merged, key=lambda link: (link.zh, link.en))


def _truncate(gold: list[Link], verses: int | None) -> tuple[list[Link], int, int]:
    """The first ``verses`` gold links and the sentence counts they cover (all when None)."""
    kept = gold if verses is None else gold[:verses]
    zh_count = max((i + 1 for link in kept for i in link.zh), default=0)
    en_count = max((j + 1 for link in kept for j in link.en), default=0)
    return kept, zh_count, en_count


def _repeat(gold: list[Link], zh_count: int, en_count: int, scale: int) -> list[Link]:
    """Gold links of the text repeated ``scale`` times."""
    return [
        Link(tuple(i + k * zh_count for i in link.zh), tuple(j + k * en_count for j in link.en))
        for k in range(scale)
        for link in gold
    ]


def load_bible(scale: int = 1, verses: int | None = None) -> Dataset:
    """The Bible sample, optionally cut to its first ``verses`` gold links and repeated."""
    base = CORPORA / "bible" / "001"
    gold, zh_count, en_count = _truncate(read_gold(base.with_suffix(".align"), swap=True), verses)
    zh = read_lines(base.with_suffix(".zh"))[:zh_count] * scale
    en = read_lines(base.with_suffix(".en"))[:en_count] * scale
    zh_verse = run_ids(read_lines(Path(f"{base}.zh.verse"))[:zh_count] * scale)
    en_verse = run_ids(read_lines(Path(f"{base}.en.verse"))[:en_count] * scale)
    gold = _repeat(gold, zh_count, en_count, scale)

    def to_verses(links: Sequence[Link]) -> list[Link]:
        return verse_links(links, zh_verse, en_verse)

    name = "bible" + (f" {scale}x" if scale != 1 else "") + (f" ({verses} verses)" if verses else "")
    return Dataset(name, [(zh, en)], [gold], [to_verses])


# --------------------------------------------------------------------------- TICO-19


def _seg_text(tuv: etree._Element) -> str:
    """The text of a variant's ``<seg>``, inline markup flattened."""
    seg = tuv.find("seg")
    return "" if seg is None else "".join(seg.itertext()).strip()


def read_tico_documents(path: Path) -> list[list[tuple[str, str]]]:
    """(Chinese, English) units grouped by document (the part of ``tuid`` before ``:``), in order."""
    documents: dict[str, list[tuple[str, str]]] = {}
    for tu in etree.parse(str(path)).getroot().iter("tu"):
        segs = {tuv.get(XML_LANG, "").lower(): _seg_text(tuv) for tuv in tu.iter("tuv")}
        zh = next((text for lang, text in segs.items() if lang.startswith("zh")), None)
        en = next((text for lang, text in segs.items() if lang.startswith("en")), None)
        if zh is None or en is None:
            raise SystemExit(f"{path}: unit {tu.get('tuid')} lacks a zh or en variant ({sorted(segs)})")
        documents.setdefault(tu.get("tuid", "").rpartition(":")[0], []).append((zh, en))
    return list(documents.values())


def tico_plain(units: Sequence[tuple[str, str]], rng: random.Random) -> tuple[Doc, list[Link]]:
    """The document as it is: one unit is one 1-1 link."""
    return ([zh for zh, _ in units], [en for _, en in units]), [Link((k,), (k,)) for k in range(len(units))]


def _merged(units: Sequence[tuple[str, str]], rng: random.Random, side: str) -> tuple[Doc, list[Link]]:
    """Merge ~TICO_MERGE_RATE of adjacent sentence pairs on one ``side`` into one sentence."""
    zh: list[str] = []
    en: list[str] = []
    gold: list[Link] = []
    k = 0
    while k < len(units):
        if k + 1 < len(units) and rng.random() < TICO_MERGE_RATE:
            (zh1, en1), (zh2, en2) = units[k], units[k + 1]
            if side == "en":
                gold.append(Link((len(zh), len(zh) + 1), (len(en),)))
                zh += [zh1, zh2]
                en.append(f"{en1} {en2}")
            else:
                gold.append(Link((len(zh),), (len(en), len(en) + 1)))
                zh.append(zh1 + zh2)
                en += [en1, en2]
            k += 2
        else:
            gold.append(Link((len(zh),), (len(en),)))
            zh.append(units[k][0])
            en.append(units[k][1])
            k += 1
    return (zh, en), gold


def tico_merge_en(units: Sequence[tuple[str, str]], rng: random.Random) -> tuple[Doc, list[Link]]:
    """Two English sentences made one: gold 2-1 links."""
    return _merged(units, rng, "en")


def tico_merge_zh(units: Sequence[tuple[str, str]], rng: random.Random) -> tuple[Doc, list[Link]]:
    """Two Chinese sentences made one: gold 1-2 links."""
    return _merged(units, rng, "zh")


def _one_side_only(units: Sequence[tuple[str, str]], kept: Sequence[str | None]) -> tuple[Doc, list[Link]]:
    """The units with ``kept[k]`` ("zh" or "en") the only side left of unit k (None: both)."""
    zh: list[str] = []
    en: list[str] = []
    gold: list[Link] = []
    for (zh_text, en_text), side in zip(units, kept):
        gold.append(Link((len(zh),) if side != "en" else (), (len(en),) if side != "zh" else ()))
        if side != "en":
            zh.append(zh_text)
        if side != "zh":
            en.append(en_text)
    return (zh, en), gold


def tico_drop(units: Sequence[tuple[str, str]], rng: random.Random) -> tuple[Doc, list[Link]]:
    """~TICO_DROP_RATE of units lose their sentence on one side (chosen at random): gold 1-0/0-1."""
    kept = [("zh" if rng.random() < 0.5 else "en") if rng.random() < TICO_DROP_RATE else None for _ in units]
    return _one_side_only(units, kept)


def tico_drop_run(units: Sequence[tuple[str, str]], rng: random.Random) -> tuple[Doc, list[Link]]:
    """Half the documents lose a run of 3-8 consecutive sentences on one side (a paragraph left
    untranslated, a truncated file): gold 1-0/0-1 runs, which a merging aligner swallows."""
    length = min(rng.randint(3, 8), len(units) // 3)
    start = rng.randrange(len(units) - length + 1) if length and rng.random() < 0.5 else len(units)
    side = rng.choice(("zh", "en"))
    return _one_side_only(units, [side if start <= k < start + length else None for k in range(len(units))])


VariantBuilder = Callable[[Sequence[tuple[str, str]], random.Random], tuple[Doc, list[Link]]]
TICO_VARIANTS: dict[str, VariantBuilder] = {
    "1-1": tico_plain,
    "2-1 merged en": tico_merge_en,
    "1-2 merged zh": tico_merge_zh,
    "1-0/0-1 dropped": tico_drop,
    "run of 3-8 dropped": tico_drop_run,
}


def load_tico(seed: int) -> list[Dataset]:
    """The TICO-19 variants; each document's edits come from its own seeded generator."""
    documents = read_tico_documents(CORPORA / "tico19" / "all.en-zh.tmx")
    datasets = []
    for variant, build in TICO_VARIANTS.items():
        built = [build(units, random.Random(f"{seed}:{variant}:{k}")) for k, units in enumerate(documents)]
        datasets.append(Dataset(f"tico {variant}", [doc for doc, _ in built], [gold for _, gold in built]))
    return datasets


# --------------------------------------------------------------------------- running


def _aligner(name: str) -> Callable[[Sequence[str], Sequence[str]], list[Link]]:
    """The alignment function by name (resolved in the worker, so nothing unpicklable travels)."""
    if name in ("tmkit", "tmkit-lexical"):
        from functools import partial

        from tmkit.align import align

        return partial(align, semantic=name == "tmkit")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gale_church import gale_church_align

    return gale_church_align


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _worker(name: str, docs: list[Doc], conn: Connection) -> None:
    """Align every document in this fresh process and send back links, time and memory.

    Runs shorter than QUICK_SECONDS in all are repeated (best of up to QUICK_REPEATS): on a
    shared machine a few seconds of timing are mostly noise.
    """
    align = _aligner(name)
    start = time.perf_counter()
    align(["联合国。"], ["United Nations."])  # load dictionaries once, outside the timed runs
    startup = time.perf_counter() - start
    start_mb = _max_rss_mb()
    conn.send("ready")
    times: list[float] = []
    try:
        while True:
            start = time.perf_counter()
            links = [align(zh, en) for zh, en in docs]
            times.append(time.perf_counter() - start)
            if len(times) >= QUICK_REPEATS or sum(times) >= QUICK_SECONDS:
                break
    except Exception as exc:  # noqa: BLE001 - one failing aligner must not end the benchmark
        conn.send(Run(None, time.perf_counter() - start, failure=f"failed: {type(exc).__name__}: {exc}"))
        return
    peak_mb = _max_rss_mb()
    conn.send(Run(links, min(times), peak_mb, peak_mb - start_mb, startup=startup))
    conn.close()


@dataclass
class _Job:
    """A worker process running one (dataset, aligner) task."""

    index: int
    process: BaseProcess
    receiver: Connection
    ready_at: float | None = None  # when imports and data were done and the clock started


def _launch(index: int, dataset: Dataset, aligner: str) -> _Job:
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_worker, args=(aligner, dataset.docs, sender), daemon=True)
    process.start()
    sender.close()
    return _Job(index, process, receiver)


def _collect(job: _Job, time_limit: float) -> Run | None:
    """The job's result if it has finished or overrun the limit (then it is stopped), else None."""
    try:
        while job.receiver.poll():
            message = job.receiver.recv()
            if message == "ready":
                job.ready_at = time.perf_counter()
                continue
            job.process.join()
            return message
    except EOFError:
        job.process.join()
        return Run(None, 0.0, failure=f"crashed (exit code {job.process.exitcode})")
    if job.ready_at is not None and time.perf_counter() - job.ready_at > time_limit:
        job.process.terminate()
        job.process.join()
        return Run(None, time_limit, failure=f"stopped after {time_limit:.0f} s (over --time-limit)")
    return None


def run_all(
    tasks: Sequence[tuple[Dataset, str]],
    jobs: int,
    time_limit: float,
    on_done: Callable[[int, Run], None] = lambda index, run: None,
) -> list[Run]:
    """Run (dataset, aligner) tasks, ``jobs`` processes at a time, the biggest datasets first.

    Each task gets a fresh process, so its peak memory is its own and an aligner that
    overruns ``time_limit`` (counted from when its data are loaded) can be stopped and reported.
    """
    order = sorted(range(len(tasks)), key=lambda k: (-tasks[k][0].sentences, tasks[k][1] != "tmkit"))
    running: list[_Job] = []
    results: dict[int, Run] = {}
    while order or running:
        while order and len(running) < jobs:
            index = order.pop(0)
            running.append(_launch(index, *tasks[index]))
        wait([job.receiver for job in running], timeout=1.0)
        for job in list(running):
            run = _collect(job, time_limit)
            if run is not None:
                running.remove(job)
                results[job.index] = run
                on_done(job.index, run)
    return [results[k] for k in range(len(tasks))]


def score(dataset: Dataset, run: Run) -> Scores:
    """Micro-averaged scores, after mapping gold and test to the dataset's units."""
    assert run.links is not None
    gold = [dataset.units(k, links) for k, links in enumerate(dataset.gold)]
    test = [dataset.units(k, links) for k, links in enumerate(run.links)]
    return score_links(gold, test)


# --------------------------------------------------------------------------- printing

HEADER = (
    f"{'dataset':<22} {'aligner':<14} {'strict P':>8} {'R':>6} {'F1':>6}   {'lax P':>6} {'R':>6} {'F1':>6}"
    f" {'sent/s':>9} {'seconds':>8} {'peak MB':>8} {'(+MB)':>7} {'start s':>8}"
)


def row(dataset: Dataset, aligner: str, run: Run) -> str:
    """One table line; a run without links says why instead of showing scores."""
    if run.links is None:
        return f"{dataset.name:<22} {aligner:<14} {run.failure}"
    s = score(dataset, run)
    rate = dataset.sentences / run.seconds if run.seconds > 0 else float("inf")
    return (
        f"{dataset.name:<22} {aligner:<14}"
        f" {s.precision_strict:>8.3f} {s.recall_strict:>6.3f} {s.f1_strict:>6.3f}"
        f"   {s.precision_lax:>6.3f} {s.recall_lax:>6.3f} {s.f1_lax:>6.3f}"
        f" {rate:>9,.0f} {run.seconds:>8.2f} {run.peak_mb:>8.0f} {run.growth_mb:>7.0f} {run.startup:>8.2f}"
    )


def describe(dataset: Dataset) -> str:
    """Size and gold link types, so odd data shows up next to the figures."""
    kinds = Counter(link.kind for gold in dataset.gold for link in gold)
    zh = sum(len(doc[0]) for doc in dataset.docs)
    en = sum(len(doc[1]) for doc in dataset.docs)
    top = ", ".join(f"{kind} {count}" for kind, count in kinds.most_common(6))
    return f"  {dataset.name}: {len(dataset.docs)} doc(s), {zh:,} zh / {en:,} en sentences; gold {top}"


def self_check(dataset: Dataset) -> str:
    """Gold scored against itself after unit mapping: must be 1.0, or the mapping is wrong."""
    s = score(dataset, Run([list(gold) for gold in dataset.gold], 0.0))
    return (f"  {dataset.name}: gold against itself after verse mapping: "
            f"strict F1 {s.f1_strict:.3f}, lax F1 {s.f1_lax:.3f}")


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--datasets", default=",".join(ALL_DATASETS), help="comma-separated: " + ",".join(ALL_DATASETS))
    add("--skip-baseline", action="store_true", help="run tmkit only")
    add("--time-limit", type=float, default=300.0, help="stop an aligner after this many seconds (300)")
    add("--scales", default="1,2,4", help="Bible repetitions for the linear-time check (1,2,4)")
    add("--bible-verses", type=int, default=None, help="use only the first N Bible verses")
    add("--seed", type=int, default=0, help="seed of the TICO-19 merges and deletions")
    add("--unrelated", action=argparse.BooleanOptionalAction, default=True,
        help="also align unrelated document pairs and print their scores (default: on)")
    add("--jobs", type=int, default=2, help="aligner processes at a time (2; 1 for the quietest timings)")
    args = parser.parse_args(argv)
    args.datasets = [name.strip() for name in args.datasets.split(",") if name.strip()]
    unknown = sorted(set(args.datasets) - set(ALL_DATASETS))
    if unknown:
        parser.error(f"unknown dataset(s) {', '.join(unknown)}; choose from {', '.join(ALL_DATASETS)}")
    args.scales = sorted({int(k) for k in args.scales.split(",")} | {1})
    args.jobs = max(1, args.jobs)
    return args


def load(name: str, seed: int, verses: int | None) -> list[Dataset]:
    """The dataset(s) behind a ``--datasets`` name; a missing file ends the run with its path."""
    try:
        return _load(name, seed, verses)
    except FileNotFoundError as exc:
        raise SystemExit(f"{name}: missing {exc.filename}") from None


def _load(name: str, seed: int, verses: int | None) -> list[Dataset]:
    if name == "mac":
        return [load_mac()]
    if name == "aca":
        return [load_aligner_eval("aca", "001")]
    if name == "mag":
        return [load_aligner_eval("mag", "003")]
    if name == "tico":
        return load_tico(seed)
    return [load_bible(1, verses)]


def _skip_reason(previous: tuple[int, Run], scale: int, time_limit: float) -> str | None:
    """Why ``scale`` is not run: the previous scale was stopped or, even growing only
    linearly, this one would pass the time limit."""
    last_scale, last = previous
    if last.links is None:
        return f"{last_scale}x {last.failure.split(' (')[0]}"
    if last.seconds * scale / last_scale > time_limit:
        return f"{last_scale}x took {last.seconds:.1f} s, so {scale}x would exceed {time_limit:.0f} s"
    return None


def _scale_line(aligner: str, scale: int, dataset: Dataset, run: Run, base: Run) -> str:
    if run.links is None:
        return f"{aligner:<14} {scale:>4}x {dataset.sentences:>10,} {run.failure}"
    return (
        f"{aligner:<14} {scale:>4}x {dataset.sentences:>10,} {run.seconds:>8.2f}"
        f" {dataset.sentences / run.seconds:>9,.0f} {run.seconds / base.seconds:>8.2f}"
        f" {score(dataset, run).f1_strict:>9.3f}"
    )


def linear_check(args: argparse.Namespace, first: dict[str, Run]) -> list[str]:
    """Seconds on the Bible repeated 1, 2, 4... times: linear aligners keep sent/s constant."""
    lines = [
        f"{'aligner':<14} {'scale':>5} {'sentences':>10} {'seconds':>8} {'sent/s':>9} {'s/(1x s)':>8} {'strict F1':>9}"
    ]
    previous = {aligner: (1, run) for aligner, run in first.items()}
    one = load_bible(1, args.bible_verses)
    for aligner, run in first.items():
        lines.append(_scale_line(aligner, 1, one, run, run))
        print(lines[-1], flush=True)
    for scale in args.scales[1:]:
        dataset = load_bible(scale, args.bible_verses)
        going = []
        for aligner in list(previous):
            reason = _skip_reason(previous[aligner], scale, args.time_limit)
            if reason is None:
                going.append(aligner)
                continue
            lines.append(f"{aligner:<14} {scale:>4}x skipped: {reason}")
            print(lines[-1], flush=True)
            del previous[aligner]
        runs = run_all([(dataset, aligner) for aligner in going], args.jobs, args.time_limit)
        for aligner, run in zip(going, runs):
            lines.append(_scale_line(aligner, scale, dataset, run, first[aligner]))
            print(lines[-1], flush=True)
            previous[aligner] = (scale, run)
    return lines


REPO = Path(__file__).resolve().parents[1]


def unrelated_pairs(seed: int) -> list[tuple[str, list[str], list[str]]]:
    """Pairs of texts that are not translations of each other, to check that scores say so."""
    from tmkit.pipeline import load_sentences

    pairs = []
    seeds = sorted((CORPORA.parent / "seeds").glob("002_*.txt"))
    if seeds and (REPO / "examples" / "sdg16.en.txt").exists():
        zh = [s.text for s in load_sentences(seeds[0], "zh", False)]
        en = [s.text for s in load_sentences(REPO / "examples" / "sdg16.en.txt", "en", False)]
        pairs.append(("seed 002 zh / SDG 16 en", zh, en))
    documents = read_tico_documents(CORPORA / "tico19" / "all.en-zh.tmx")
    for k in (0, 5, 10):
        pairs.append((f"TICO doc {k} zh / doc {k + 1} en", [zh for zh, _ in documents[k]],
                      [en for _, en in documents[k + 1]]))
    mac = load_mac()
    pairs.append(("MAC 001 zh / 002 en", mac.docs[0][0], mac.docs[1][1]))
    return pairs


def unrelated_check(seed: int) -> list[str]:
    """Mean link score and the verdict of tmkit.align.verdict on unrelated pairs (and MAC-Dev's real ones)."""
    from tmkit.align import align
    from tmkit.align.verdict import translation_doubt

    lines = [f"{'pair':<30} {'mode':<9} {'links':>6} {'>= 0.8':>7} {'mean':>6}  verdict"]
    real = [(f"MAC-Dev {k + 1:03d} (a translation)", zh, en) for k, (zh, en) in enumerate(load_mac().docs[:2])]
    for name, zh, en in unrelated_pairs(seed) + real:
        for semantic in (True, False):
            links = [link for link in align(zh, en, semantic=semantic) if link.zh and link.en]
            mean = sum(link.score for link in links) / max(1, len(links))
            high = sum(1 for link in links if link.score >= 0.8)
            doubt = translation_doubt(links)
            lines.append(f"{name:<30} {'semantic' if semantic else 'lexical':<9} {len(links):>6} {high:>7} "
                         f"{mean:>6.3f}  {'not a translation' if doubt else 'translation'}")
            print(lines[-1], flush=True)
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if not CORPORA.is_dir():
        raise SystemExit(f"no corpora at {CORPORA}: the benchmark needs ../shared/corpora beside the repository")
    aligners = ["tmkit"] if args.skip_baseline else list(ALIGNERS)
    print(f"corpora: {CORPORA}; aligners: {', '.join(aligners)}; "
          f"{args.jobs} job(s) at a time; time limit {args.time_limit:.0f} s per run", flush=True)
    datasets = [dataset for name in args.datasets for dataset in load(name, args.seed, args.bible_verses)]
    for dataset in datasets:
        print(describe(dataset), flush=True)
        if dataset.to_units:
            print(self_check(dataset), flush=True)
    tasks = [(dataset, aligner) for dataset in datasets for aligner in aligners]
    rows = [""] * len(tasks)

    def done(index: int, run: Run) -> None:
        rows[index] = row(*tasks[index], run)
        print(rows[index], flush=True)

    runs = run_all(tasks, args.jobs, args.time_limit, done)
    print("\n" + HEADER)
    print("\n".join(rows))
    bible = {aligner: run for (dataset, aligner), run in zip(tasks, runs) if dataset.name.startswith("bible")}
    if bible and len(args.scales) > 1:
        print("\nLinear-time check (Bible repeated; verse-level strict F1):", flush=True)
        print("\n" + "\n".join(linear_check(args, bible)))
    if args.unrelated:
        print("\nUnrelated documents (every link is wrong; scores should say so):", flush=True)
        unrelated_check(args.seed)


if __name__ == "__main__":
    main()
