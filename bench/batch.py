"""Benchmark: ``tmkit batch`` throughput with 1 and 2 workers and with Dask (figures printed).

Usage: python bench/batch.py [--chunk N] [--runs local1,local2,dask2,resume,single]
                             [--keep DIR]

Issue 7 asks whether batch throughput scales with workers and whether the one-time
cost of a worker (start-up, dictionary and rule loading) is paid once per worker rather
than once per document. The corpus is TICO-19's memory (``../shared/corpora/tico19``)
cut into documents of ``--chunk`` sentences (default 10: about 300 document pairs),
written as ``NAME_C.txt``/``NAME_E.txt`` in a temporary folder, one paragraph a sentence.

Each run is a fresh ``python -m tmkit batch`` process, timed from start to exit (start-up,
pairing, manifest, TMX writing, report and merge included). Peak memory is the largest
sum of resident memory over the batch process and all its descendants (workers, Dask
scheduler and nannies), sampled every 0.1 s with psutil; ``cores`` is the CPU time of that
tree over the wall time, i.e. how many cores the run actually got. Runs:

* ``local1``: ``--jobs 1``, documents one after another in the batch process;
* ``local2``: ``--jobs 2``, two persistent worker processes;
* ``dask2``: ``--executor dask --jobs 2``, a local Dask cluster of two worker processes;
* ``resume``: ``local2`` again on the finished output: every document skipped;
* ``single``: for comparison, one ``tmkit align`` process per document on 10 documents,
  which pays the start-up and loading for every document.

All runs pin ``--creation-date``, so their memories must be byte-identical; the benchmark
checks that.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure  # noqa: E402  (bench/measure.py)
from align import read_tico_documents  # noqa: E402  (bench/align.py)

TICO = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tico19" / "all.en-zh.tmx"
DATE = "2024-01-01T00:00:00Z"
RUNS = ("local1", "local2", "dask2", "resume", "single")
SINGLE_SAMPLE = 10


@dataclass
class Result:
    name: str
    documents: int
    sentences: int
    seconds: float
    peak_mb: float
    cpu: float
    summary: str


def build_corpus(folder: Path, chunk: int) -> int:
    """TICO-19 documents cut into ``chunk``-sentence pieces; returns how many pairs."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for d, units in enumerate(read_tico_documents(TICO), start=1):
        for k in range(0, len(units), chunk):
            piece = units[k:k + chunk]
            name = f"TICO_{d:02d}_{k // chunk:03d}"
            (folder / f"{name}_C.txt").write_text("\n\n".join(zh for zh, _ in piece) + "\n", encoding="utf-8")
            (folder / f"{name}_E.txt").write_text("\n\n".join(en for _, en in piece) + "\n", encoding="utf-8")
            count += 1
    return count


def run_measured(command: Sequence[str]) -> tuple[float, float, float, str]:
    """Wall seconds, peak MB and CPU seconds over the process tree, and stderr of one command."""
    measured = measure.run_measured(command)
    if measured.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({measured.returncode}):\n{measured.stderr}")
    return measured.seconds, measured.peak_mb, measured.cpu, measured.stderr


def sentences_in(report: Path, status: str = "done") -> tuple[int, int]:
    """Documents with ``status`` and their zh+en sentences, from report.tsv."""
    lines = [line.split("\t") for line in report.read_text(encoding="utf-8").splitlines()]
    header = lines[0]
    rows = [row for row in lines[1:] if row[header.index("status")] == status]
    return len(rows), sum(int(row[header.index("zh_sentences")]) + int(row[header.index("en_sentences")])
                          for row in rows)


def batch_run(name: str, corpus: Path, out: Path, extra: Sequence[str]) -> Result:
    command = [sys.executable, "-m", "tmkit", "batch", str(corpus), "-o", str(out), "--progress", "none",
               "--creation-date", DATE, "--merge", *extra]
    seconds, peak, cpu, text = run_measured(command)
    status = "skipped" if name == "resume" else "done"
    documents, sentences = sentences_in(out / "report.tsv", status)
    summary = "\n".join(line for line in text.splitlines() if line.startswith(("time:", "start-up:")))
    return Result(name, documents, sentences, seconds, peak, cpu, summary)


def single_run(corpus: Path, out: Path) -> Result:
    """One ``tmkit align`` process per document, on a sample."""
    out.mkdir(parents=True, exist_ok=True)
    pairs = sorted(corpus.glob("*_C.txt"))[:SINGLE_SAMPLE]
    seconds = peak = cpu = 0.0
    sentences = 0
    for zh in pairs:
        en = zh.with_name(zh.name.replace("_C.txt", "_E.txt"))
        s, p, c, text = run_measured([sys.executable, "-m", "tmkit", "align", str(zh), str(en), "-o",
                                   str(out / f"{zh.stem}.tmx")])
        seconds += s
        cpu += c
        peak = max(peak, p)
        first = text.split(";")[0].split()  # "N zh / M en sentences"
        sentences += int(first[0]) + int(first[3])
    return Result("single", len(pairs), sentences, seconds, peak, cpu, "")


def identical_outputs(folders: list[Path]) -> str:
    """Whether every run wrote the same bytes for every document."""
    if len(folders) < 2:
        return "only one run"
    base = {path.name: path.read_bytes() for path in (folders[0] / "tmx").iterdir()}
    for folder in folders[1:]:
        other = {path.name: path.read_bytes() for path in (folder / "tmx").iterdir()}
        if other != base:
            differing = sorted(name for name in base if base.get(name) != other.get(name))
            return f"NO: {folder.name} differs from {folders[0].name} in {len(differing)} documents"
    return f"yes ({len(base)} memories compared across {', '.join(f.name for f in folders)})"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunk", type=int, default=10, help="sentences per document (default 10)")
    parser.add_argument("--runs", default=",".join(RUNS), help=f"comma-separated, from {', '.join(RUNS)}")
    parser.add_argument("--keep", type=Path, help="build the corpus and outputs here and keep them")
    args = parser.parse_args(argv)
    if not TICO.exists():
        raise SystemExit(f"{TICO} is not available (../shared is absent)")
    runs = [run for run in args.runs.split(",") if run]
    with tempfile.TemporaryDirectory(prefix="tmkit-bench-batch-") as temp:
        root = args.keep or Path(temp)
        corpus = root / "corpus"
        pairs = build_corpus(corpus, args.chunk)
        print(f"corpus: {pairs} document pairs of up to {args.chunk} TICO-19 sentences ({corpus})")
        results: list[Result] = []
        outputs: list[Path] = []
        for run in runs:
            out = root / f"out-{run}"
            if run == "local1":
                results.append(batch_run(run, corpus, out, ["--jobs", "1"]))
            elif run == "local2":
                results.append(batch_run(run, corpus, out, ["--jobs", "2"]))
            elif run == "dask2":
                results.append(batch_run(run, corpus, out, ["--jobs", "2", "--executor", "dask"]))
            elif run == "resume":
                out = root / "out-local2"
                if not (out / "manifest.jsonl").exists():
                    batch_run("local2", corpus, out, ["--jobs", "2"])
                results.append(batch_run(run, corpus, out, ["--jobs", "2"]))
            elif run == "single":
                results.append(single_run(corpus, out))
                continue
            else:
                raise SystemExit(f"unknown run {run!r}")
            if run != "resume":
                outputs.append(out)
        print(f"{'run':8} {'docs':>5} {'sentences':>9} {'seconds':>8} {'docs/min':>9} {'sent/s':>7} {'peak MB':>8} {'cores':>6}")
        for r in results:
            print(f"{r.name:8} {r.documents:>5} {r.sentences:>9,} {r.seconds:>8.1f} "
                  f"{r.documents / r.seconds * 60:>9.1f} {r.sentences / r.seconds:>7.0f} {r.peak_mb:>8.0f} "
                  f"{r.cpu / r.seconds:>6.2f}")
        for r in results:
            if r.summary:
                print(f"[{r.name}] " + r.summary.replace("\n", f"\n[{r.name}] "))
        print(f"identical memories: {identical_outputs(outputs)}")


if __name__ == "__main__":
    main()
