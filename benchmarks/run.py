"""Benchmarks: start-up, throughput at scale, the process pool, and table memory.

    python benchmarks/run.py            # ~2-4 minutes; prints a table, writes benchmarks/results.md
    python benchmarks/run.py --quick    # fewer repeats and no 5,000-document run (a smoke test)
    python benchmarks/run.py --profile 1000   # a pyinstrument profile on 1,000 documents

What is measured (see benchmarks/README.md for the method and the targets):

1. Start-up, in fresh processes: ``import idlibkit``; and ``load_corpus()`` with every
   table built, imports included.
2. Scale: synthetic corpora of 100, 1,000 and 5,000 documents (``benchmarks/synth.py``),
   each run in a fresh process after a one-document warm-up (imports, compiled regexes and
   reference tables are start-up costs, measured in 1): documents per second for parsing
   plus every table, per-document cost and its growth, peak memory (the process's maximum
   resident set). The floor is a plain regex sentence split of the same files.
3. The pool: ``idlibkit.parallel.read_all(paths, workers=2)`` against ``workers=1`` on
   the same 1,000 documents, parsing alone and end to end, and whether the tables are
   identical (compared as CSV digests).
4. Memory per table at 5,000 documents, with what categoricals would save.

CPU time (``time.process_time``) is reported next to wall time: on a shared machine the
wall clock also counts other people's work. Targets are judged on CPU time, which is what
one core would need.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

SIZES = (100, 1000, 5000)
REPEATS = {100: 5, 1000: 3, 5000: 1}
PARALLEL_SIZE = 1000
HEAVY = ("pandas", "numpy", "geopandas", "matplotlib", "networkx", "sentencex", "shapely",
         "dateutil", "yaml", "rapidfuzz", "ipywidgets", "tqdm")
TARGETS = {
    "import_s": 0.3, "load_s": 1.5, "docs_per_s": 100.0, "growth": 1.1, "peak_mb": 1024.0,
}
# A plain regex sentence split: the floor no splitter can beat by much.
_FLOOR_SPLIT = re.compile(r"(?<=[.!?])\s+")


# -- child processes ----------------------------------------------------------------------

def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.setdefault("PYTHONHASHSEED", "0")  # same set orders in every child (see README)
    return env


def _child(*args: str, env: dict[str, str] | None = None) -> dict:
    """Run this file as a child process and return the JSON it prints last."""
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                         capture_output=True, text=True, env=env or _env(), check=False)
    if out.returncode != 0:
        raise RuntimeError(f"child {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# Contract tables that may exist before they are listed in Corpus.TABLES.
_EXTRA_TABLES = ("places", "control")


def _table_names(corpus_cls) -> list[str]:
    """Every table the Corpus class offers: its TABLES, and places/control if defined."""
    names = list(corpus_cls.TABLES)
    names += [t for t in _EXTRA_TABLES if t not in names and hasattr(corpus_cls, t)]
    return names


def _digest(df) -> str:
    return hashlib.sha1(df.to_csv(index=False).encode()).hexdigest()[:12]


# Free text: not categorical material (synthetic documents repeat their seeds' sentences,
# which would flatter categoricals on these columns).
_FREE_TEXT = {"notes", "text", "title", "result", "date_text", "part_of", "place", "raw_name",
              "strength_1", "strength_2", "casualties_1", "casualties_2", "casualties_3",
              "commanders.role", "commanders.name"}


def _column_bytes(series, seen: set[int]) -> int:
    """Memory a column really holds: its array, plus every Python object it refers to
    counted once (a string shared by many rows costs one pointer per row, not one copy),
    list cells with their items. ``seen`` carries objects already counted in the table."""
    values = series.array
    if not (series.dtype == object or getattr(series.dtype, "storage", None) == "python"):
        return int(series.memory_usage(deep=True, index=False))
    total = 8 * len(values)
    stack = list(values)
    while stack:
        v = stack.pop()
        if v is None or isinstance(v, float) or id(v) in seen:
            continue
        seen.add(id(v))
        total += sys.getsizeof(v)
        if isinstance(v, list | tuple):
            stack.extend(v)
    return total


def _table_memory(name: str, df) -> dict:
    """A table's size three ways: pandas' deep count (``df.info(memory_usage="deep")``,
    which counts a shared string once per row), the objects it really holds, and with
    categoricals for the columns of repeated labels."""
    import pandas as pd

    pandas_deep = int(df.memory_usage(deep=True, index=False).sum())
    seen: set[int] = set()
    cols = {c: _column_bytes(df[c], seen) for c in df.columns}
    actual = sum(cols.values())
    with_cat = actual
    cat_cols = []
    for c in df.columns:
        s = df[c]
        if c in _FREE_TEXT or f"{name}.{c}" in _FREE_TEXT or c == "geometry" or not len(s):
            continue
        if not isinstance(s.dtype, pd.StringDtype) and not (
            s.dtype == object and all(isinstance(v, str) or v is None for v in s.array)
        ):
            continue
        cat = int(s.astype("category").memory_usage(deep=True, index=False))
        if cat < cols[c] * 0.8:
            with_cat += cat - cols[c]
            cat_cols.append(c)
    lists = [c for c in df.columns if df[c].dtype == object
             and any(isinstance(v, list) for v in df[c].array[:50])]
    top = sorted(cols.items(), key=lambda kv: -kv[1])[:3]
    return {"rows": len(df), "pandas_deep": pandas_deep, "bytes": actual,
            "bytes_categorical": with_cat, "categorical_columns": cat_cols,
            "list_columns": lists, "list_bytes": sum(cols[c] for c in lists),
            "top": [(c, b) for c, b in top]}


def child_startup(kind: str) -> dict:
    t0 = time.perf_counter()
    import idlibkit as ik

    t_import = time.perf_counter() - t0
    if kind == "import":
        heavy = sorted(m for m in HEAVY if m in sys.modules)
        return {"import_s": t_import, "heavy_loaded": heavy}
    corpus = ik.load_corpus()
    for name in _table_names(type(corpus)):
        getattr(corpus, name)
    return {"import_s": t_import, "load_s": time.perf_counter() - t0}


def _build(paths: list[Path], workers: int, digests: bool) -> tuple[object, dict]:
    """Read *paths* (with *workers*) and build every table; timings per stage."""
    import inspect

    import idlibkit as ik
    from idlibkit.corpus import Corpus
    from idlibkit.errors import ParseError
    from idlibkit.parallel import read_all

    times: dict[str, float] = {}
    c0, w0 = time.process_time(), time.perf_counter()
    if "workers" in inspect.signature(ik.load_corpus).parameters:
        corpus = ik.load_corpus(paths, workers=workers, progress=False)
    else:  # before load_corpus learns workers=: the same thing by hand
        results = read_all(paths, workers=workers, progress=False)
        corpus = Corpus([r for r in results if not isinstance(r, ParseError)],
                        [r.problem for r in results if isinstance(r, ParseError)])
    times["read"] = time.process_time() - c0
    times["read_wall"] = time.perf_counter() - w0
    for name in _table_names(type(corpus)):
        c1 = time.process_time()
        getattr(corpus, name)
        times[name] = time.process_time() - c1
    times["cpu"] = time.process_time() - c0
    times["wall"] = time.perf_counter() - w0
    out = {"times": times, "docs": len(corpus.articles), "problems": len(corpus.problems),
           "tables": _table_names(type(corpus))}
    if digests:
        out["digests"] = {n: _digest(getattr(corpus, n)) for n in out["tables"]}
    return corpus, out


def _warm_up() -> None:
    """Pay the one-off costs (imports, compiled patterns, reference tables) on the seeds,
    one document of every format."""
    import synth

    from idlibkit.corpus import Corpus
    from idlibkit.readers import read_document

    corpus = Corpus([read_document(p) for p in synth.seed_paths()])
    for name in _table_names(Corpus):
        getattr(corpus, name)


def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_scale(folder: str, workers: int, digests: bool, memory: bool, bracket: int) -> dict:
    """Build every table from the documents in *folder*, timed, after a warm-up.

    With *bracket* > 0, the first *bracket* documents are also built just before and just
    after the whole folder, in the same process: the per-document cost of the two sizes
    is then compared under the same load on a shared machine.
    """
    paths = sorted(p for p in Path(folder).iterdir() if p.is_file())
    _warm_up()
    rss_before = _rss_mb()
    bracketing = []
    if bracket:
        bracketing.append(_build(paths[:bracket], workers, False)[1]["times"]["cpu"])
    corpus, out = _build(paths, workers, digests)
    out["peak_mb"] = _rss_mb()
    out["baseline_mb"] = rss_before
    if bracket:
        bracketing.append(_build(paths[:bracket], workers, False)[1]["times"]["cpu"])
        out["bracket"] = {"n": bracket, "cpu": bracketing}
    if memory:
        out["memory"] = {n: _table_memory(n, getattr(corpus, n)) for n in out["tables"]}
    # The floor: the same files' text split with a plain regex (in memory, no reading).
    texts = [p.read_text(encoding="utf-8") for p in paths]
    c0 = time.process_time()
    for t in texts:
        _FLOOR_SPLIT.split(t)
    out["floor_cpu"] = time.process_time() - c0
    out["mb"] = sum(len(t.encode()) for t in texts) / 1e6
    # The splitters on what the pipeline splits: the cleaned paragraphs.
    paragraphs = list(corpus.sections.text)
    out["splitters_cpu"] = {name: _time_splitter(fn, paragraphs)
                            for name, fn in _splitters().items()}
    out["paragraph_mb"] = sum(len(t.encode()) for t in paragraphs) / 1e6
    return out


def _splitters() -> dict:
    import sentencex

    from idlibkit.sentences import split_sentences

    return {
        "plain regex": _FLOOR_SPLIT.split,
        "sentencex": lambda t: list(sentencex.segment("en", t)),
        "split_sentences (sentencex + repairs)": split_sentences,
    }


def _time_splitter(fn, texts: list[str]) -> float:
    c0 = time.process_time()
    for t in texts:
        fn(t)
    return time.process_time() - c0


def splitter_validation() -> dict[str, tuple[int, int]]:
    """Hand-split gold sentences (tests/gold) each splitter reproduces exactly."""
    import idlibkit as ik

    sets = [(ROOT / "tests" / "gold", None), (ROOT / "tests" / "gold" / "new",
                                               ROOT / "tests" / "golden" / "new")]
    found: dict[str, set[str]] = {name: set() for name in _splitters()}
    gold: list[str] = []
    for gold_dir, docs in sets:
        corpus = ik.load_corpus(docs)
        for name, fn in _splitters().items():
            found[name] |= {x.strip() for t in corpus.sections.text for x in fn(t)}
        for path in sorted(gold_dir.glob("*.events.json")):
            g = json.loads(path.read_text(encoding="utf-8"))
            gold += [e["sentence"] for e in g["events"]] + g.get("non_events", [])
    return {name: (sum(x in f for x in gold), len(gold)) for name, f in found.items()}


def child_parse(folder: str, repeats: int) -> dict:
    """read_all alone, workers=1 and workers=2 alternately, after a warm-up."""
    from idlibkit.parallel import read_all

    paths = sorted(p for p in Path(folder).iterdir() if p.is_file())
    read_all(paths[:20])
    res: dict[str, list[float]] = {"1": [], "2": [], "2_parent_cpu": []}
    for _ in range(repeats):
        for w in (1, 2):
            c0, w0 = time.process_time(), time.perf_counter()
            read_all(paths, workers=w, progress=False)
            res[str(w)].append(time.perf_counter() - w0)
            if w == 2:
                res["2_parent_cpu"].append(time.process_time() - c0)
    return res


def child_main(argv: list[str]) -> None:
    kind = argv[0]
    if kind in ("import", "load"):
        out = child_startup(kind)
    elif kind == "scale":
        out = child_scale(argv[1], int(argv[2]), argv[3] == "1", argv[4] == "1",
                          int(argv[5]) if len(argv) > 5 else 0)
    elif kind == "parse":
        out = child_parse(argv[1], int(argv[2]))
    else:
        raise SystemExit(f"unknown child {kind}")
    print(json.dumps(out))


# -- the parent: run, tabulate, write -------------------------------------------------------

def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        ncpu = len(os.sched_getaffinity(0))
    except AttributeError:
        ncpu = os.cpu_count() or 1
    mem = "unknown"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, AttributeError):
        pass
    import pandas

    try:
        from importlib.metadata import version

        sx = version("sentencex")
    except Exception:
        sx = "?"
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "cpu": model, "nproc": str(ncpu), "memory": mem,
        "python": platform.python_version(), "platform": platform.platform(terse=True),
        "pandas": pandas.__version__, "sentencex": sx, "load_before": load,
    }


def _median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def _fmt_ok(ok: bool | None) -> str:
    return "—" if ok is None else ("met" if ok else "NOT met")


def run(quick: bool, out_md: Path) -> int:
    t_start = time.perf_counter()
    info = machine()
    print(f"# machine: {info['cpu']}, {info['nproc']} cores, Python {info['python']}, "
          f"load {info['load_before']}", flush=True)
    rows: list[tuple[str, str, str, str]] = []  # (measure, value, target, verdict)
    notes: list[str] = []

    # 1. Start-up --------------------------------------------------------------------
    n_start = 3 if quick else 5
    imp = [_child("import") for _ in range(n_start)]
    load = [_child("load") for _ in range(n_start)]
    import_s = _median([r["import_s"] for r in imp])
    load_s = _median([r["load_s"] for r in load])
    heavy = imp[0]["heavy_loaded"]
    rows.append(("import idlibkit (fresh process)", f"{import_s * 1000:.0f} ms",
                 "≤ 300 ms", _fmt_ok(import_s <= TARGETS["import_s"])))
    rows.append(("heavy libraries loaded by the import", ", ".join(heavy) or "none", "none",
                 _fmt_ok(not heavy)))
    rows.append(("load_corpus() + every table (fresh process, imports incl.)",
                 f"{load_s:.2f} s", "≤ 1.5 s", _fmt_ok(load_s <= TARGETS["load_s"])))
    print(f"start-up: import {import_s * 1000:.0f} ms, load {load_s:.2f} s", flush=True)

    # 2. Scale -------------------------------------------------------------------------
    import synth

    sizes = (100, 1000) if quick else SIZES
    tmp = Path(tempfile.mkdtemp(prefix="idlibkit-bench-"))
    scale: dict[int, dict] = {}
    try:
        for n in sizes:
            folder = synth.write_corpus(n, tmp / f"n{n}")
            reps = 1 if quick and n > 100 else REPEATS[n]
            bracket = str(1000) if n == 5000 else "0"
            runs = [_child("scale", str(folder), "1", "1" if n == PARALLEL_SIZE else "0",
                           "1" if n == max(sizes) else "0", bracket) for _ in range(reps)]
            cpu = _median([r["times"]["cpu"] for r in runs])
            wall = _median([r["times"]["wall"] for r in runs])
            scale[n] = {
                "runs": runs, "cpu": cpu, "wall": wall, "docs": runs[0]["docs"],
                "problems": runs[0]["problems"], "mb": runs[0]["mb"],
                "peak_mb": max(r["peak_mb"] for r in runs),
                "baseline_mb": runs[0]["baseline_mb"],
                "stage": {k: _median([r["times"][k] for r in runs]) for k in runs[0]["times"]},
                "floor": _median([r["floor_cpu"] for r in runs]),
                "splitters_cpu": {k: _median([r["splitters_cpu"][k] for r in runs])
                                  for k in runs[0]["splitters_cpu"]},
                "paragraph_mb": runs[0]["paragraph_mb"],
            }
            s = scale[n]
            print(f"scale {n}: {n / cpu:.0f} docs/s cpu ({n / wall:.0f} wall), "
                  f"peak {s['peak_mb']:.0f} MB, {reps} run(s)", flush=True)
        tables = scale[sizes[0]]["runs"][0]["tables"]

        # 3. The pool ----------------------------------------------------------------------
        folder = tmp / f"n{PARALLEL_SIZE}"
        parse = _child("parse", str(folder), "2" if quick else "3")
        par = _child("scale", str(folder), "2", "1", "0")
        # Determinism across processes: the serial run again with another hash seed.
        env = _env()
        env["PYTHONHASHSEED"] = "1"
        other_seed = _child("scale", str(tmp / "n100"), "1", "1", "0", env=env)
        small = _child("scale", str(tmp / "n100"), "1", "1", "0")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # -- tabulate ---------------------------------------------------------------------------
    for n in sizes:
        s = scale[n]
        rates = [n / r["times"]["cpu"] for r in s["runs"]]
        spread = (f"; {len(rates)} runs {min(rates):.0f}–{max(rates):.0f}"
                  if len(rates) > 1 else "; 1 run")
        rows.append((f"{n:,} documents: full pipeline (CPU)",
                     f"{n / s['cpu']:.0f} docs/s ({s['cpu'] / n * 1000:.1f} ms/doc{spread})",
                     "≥ 100 docs/s", _fmt_ok(n / s["cpu"] >= TARGETS["docs_per_s"])))
    for n in sizes:
        s = scale[n]
        rows.append((f"{n:,} documents: full pipeline (wall)",
                     f"{n / s['wall']:.0f} docs/s", "", ""))
    if 1000 in scale and 5000 in scale:
        # Judged on the same-process bracketing (1,000, 5,000, 1,000 again): separate
        # processes minutes apart see different loads from other users of the machine.
        run5 = scale[5000]["runs"][0]
        per1000 = statistics.mean(run5["bracket"]["cpu"]) / 1000
        growth = (run5["times"]["cpu"] / 5000) / per1000
        growth_sep = (scale[5000]["cpu"] / 5000) / (scale[1000]["cpu"] / 1000)
        before, after = run5["bracket"]["cpu"]  # s per 1,000 documents = ms per document
        rows.append(("per-document cost, 5,000 vs 1,000 (CPU, same process)",
                     f"{growth:.2f}× (1,000: {before:.2f} and {after:.2f} ms/doc, before and "
                     f"after; 5,000: {run5['times']['cpu'] / 5:.2f} ms/doc; separate processes "
                     f"{growth_sep:.2f}×)", "≤ 1.10×", _fmt_ok(growth <= TARGETS["growth"])))
    big = max(sizes)
    peak, base = scale[big]["peak_mb"], scale[big]["baseline_mb"]
    rows.append((f"peak memory at {big:,} documents (max RSS)",
                 f"{peak:.0f} MB (after warm-up {base:.0f} MB)",
                 "≤ 1 GB" if big == 5000 else "",
                 _fmt_ok(peak <= TARGETS["peak_mb"]) if big == 5000 else ""))
    s = scale[PARALLEL_SIZE]
    floor_rate = PARALLEL_SIZE / s["floor"]
    rows.append((f"floor: regex sentence split, {PARALLEL_SIZE:,} documents",
                 f"{floor_rate:,.0f} docs/s; pipeline is {s['cpu'] / s['floor']:,.0f}× the floor",
                 "", ""))
    valid = splitter_validation()
    for name, cpu in s["splitters_cpu"].items():
        hits, total = valid[name]
        rows.append((f"splitter: {name}, on the paragraphs",
                     f"{s['paragraph_mb'] / cpu:.1f} MB/s; {hits}/{total} gold sentences",
                     "", ""))
    p1, p2 = _median(parse["1"]), _median(parse["2"])
    rows.append((f"parsing only, {PARALLEL_SIZE:,} docs: workers=2 vs 1 (wall)",
                 f"{p1:.2f} s → {p2:.2f} s: {p1 / p2:.2f}× (parent CPU "
                 f"{_median(parse['2_parent_cpu']):.2f} s)", "", ""))
    e1, e2 = s["wall"], par["times"]["wall"]
    rows.append((f"end to end, {PARALLEL_SIZE:,} docs: workers=2 vs 1 (wall)",
                 f"{e1:.1f} s → {e2:.1f} s: {e1 / e2:.2f}×", "", ""))
    serial_digests = s["runs"][0]["digests"]
    same = par["digests"] == serial_digests
    differing = [t for t in tables if par["digests"].get(t) != serial_digests.get(t)]
    rows.append(("tables identical, workers=2 vs serial", "yes" if same else
                 f"NO: {', '.join(differing)}", "identical", _fmt_ok(same)))
    det = other_seed["digests"] == small["digests"]
    rows.append(("tables identical across hash seeds (100 docs)", "yes" if det else
                 "NO: " + ", ".join(t for t in tables
                                     if other_seed["digests"][t] != small["digests"][t]),
                 "", ""))

    stage_rows = []
    for n in sizes:
        st = scale[n]["stage"]
        stage_rows.append((n, {k: v for k, v in st.items() if k not in ("cpu", "wall",
                                                                          "read_wall")}))
    memory = scale[big]["runs"][0].get("memory", {})

    if "places" not in tables:
        notes.append("`corpus.places` does not exist yet, so it is not among the tables built.")
    info["load_after"] = (" / ".join(f"{x:.2f}" for x in os.getloadavg())
                          if hasattr(os, "getloadavg") else "?")
    info["runtime"] = f"{time.perf_counter() - t_start:.0f} s"
    text = render(info, rows, stage_rows, memory, tables, scale, notes)
    print()
    print(text)
    if not quick:
        out_md.write_text(text, encoding="utf-8")
        print(f"\nwritten to {out_md.relative_to(ROOT)}")
    return 0


def render(info, rows, stage_rows, memory, tables, scale, notes) -> str:
    lines = [
        "# idlibkit benchmarks",
        "",
        "Generated by `python benchmarks/run.py`; do not edit by hand "
        "(method and targets: `benchmarks/README.md`).",
        "",
        f"- date: {info['date']}; run time {info['runtime']}",
        f"- machine: {info['cpu']}, {info['nproc']} cores, {info['memory']} RAM, "
        f"{info['platform']}",
        f"- Python {info['python']}, pandas {info['pandas']}, sentencex {info['sentencex']}",
        f"- load average before / after: {info['load_before']} — {info['load_after']} "
        "(1/5/15 min; above 0 means other work shared the cores)",
        f"- tables built: {', '.join(tables)}",
        "",
        "| measure | value | target | verdict |",
        "|---|---|---|---|",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    if stage_rows:
        keys = list(stage_rows[0][1])
        lines += ["", "CPU milliseconds per document, by stage (median run; `read` is parsing;",
                  "a table's time includes the tables it is built from the first time):", "",
                  "| documents | " + " | ".join(keys) + " | total |",
                  "|---:|" + "---:|" * (len(keys) + 1)]
        for n, st in stage_rows:
            total = scale[n]["cpu"]
            lines.append(f"| {n:,} | " + " | ".join(f"{st[k] / n * 1000:.2f}" for k in keys)
                         + f" | {total / n * 1000:.2f} |")
    if memory:
        n = max(scale)
        lines += ["", f"Memory per table at {n:,} documents, in MB. *pandas deep* is what "
                  "`df.info(memory_usage='deep')` says (a string shared by many rows counted "
                  "once per row); *held* counts every object once, list cells with their "
                  "items; *categoricals* is *held* with the label columns named as "
                  "`category` (free text left alone):", "",
                  "| table | rows | pandas deep | held | of which lists | with categoricals "
                  "| biggest columns (held) |", "|---|---:|---:|---:|---:|---|---|"]
        tot = {"pandas_deep": 0, "bytes": 0, "bytes_categorical": 0, "list_bytes": 0}
        for name, m in memory.items():
            for k in tot:
                tot[k] += m[k]
            top = ", ".join(f"{c} {b / 1e6:.1f}" for c, b in m["top"])
            cats = ", ".join(m["categorical_columns"]) or "—"
            lists = (f"{m['list_bytes'] / 1e6:.1f} ({', '.join(m['list_columns'])})"
                     if m["list_columns"] else "—")
            lines.append(f"| {name} | {m['rows']:,} | {m['pandas_deep'] / 1e6:.1f} | "
                         f"{m['bytes'] / 1e6:.1f} | {lists} | "
                         f"{m['bytes_categorical'] / 1e6:.1f} ({cats}) | {top} |")
        lines.append(f"| **all** | | **{tot['pandas_deep'] / 1e6:.1f}** | "
                     f"**{tot['bytes'] / 1e6:.1f}** | **{tot['list_bytes'] / 1e6:.1f}** | "
                     f"**{tot['bytes_categorical'] / 1e6:.1f}** | |")
    if notes:
        lines += ["", *[f"- {n}" for n in notes]]
    return "\n".join(lines) + "\n"


def profile(n: int) -> int:
    """Profile the pipeline on *n* synthetic documents with pyinstrument (or cProfile)."""
    import synth

    tmp = Path(tempfile.mkdtemp(prefix="idlibkit-prof-"))
    try:
        folder = synth.write_corpus(n, tmp)
        paths = sorted(folder.iterdir())
        _warm_up()
        try:
            from pyinstrument import Profiler
        except ImportError:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.runcall(_build, paths, 1, False)
            pstats.Stats(prof).sort_stats("tottime").print_stats(30)
            return 0
        profiler = Profiler()
        profiler.start()
        _build(paths, 1, False)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--child":
        child_main(argv[1:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="fewer repeats, no 5,000-document run, results.md not written")
    ap.add_argument("--profile", type=int, metavar="N",
                    help="profile the pipeline on N synthetic documents instead")
    ap.add_argument("--out", type=Path, default=HERE / "results.md")
    args = ap.parse_args(argv)
    if args.profile:
        return profile(args.profile)
    return run(args.quick, args.out)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
