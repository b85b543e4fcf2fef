#!/usr/bin/env python3
"""The summary of bench/scale_faults.sh: reads its output folder and prints, in Markdown,
one column per run (clean1, clean2…, faults): what was lost or duplicated, and how the
partition compares with the first clean run (equal or not; B-cubed precision, recall and
F1; how many articles were placed out of its order, since the online grouper's partition
follows the order it is given); then, for the fault run, how
long storing took to resume after each fault.

    bench/scale_faults_report.py OUT
"""
import bisect
import json
import re
import sys
from collections import Counter
from pathlib import Path


def read_partition(path):
    """One frozenset of article ids per story."""
    return [frozenset(line.split()) for line in path.read_text().splitlines() if line]


def bcubed(test, reference):
    """B-cubed precision, recall and F1 of `test` against `reference`, over the articles
    both hold."""
    ref_of = {a: i for i, story in enumerate(reference) for a in story}
    test_of = {a: i for i, story in enumerate(test) for a in story}
    common = ref_of.keys() & test_of.keys()
    if not common:
        return 0.0, 0.0, 0.0
    both = Counter((test_of[a], ref_of[a]) for a in common)
    test_size = Counter(test_of[a] for a in common)
    ref_size = Counter(ref_of[a] for a in common)
    p = sum(n * n / test_size[t] for (t, _), n in both.items()) / len(common)
    r = sum(n * n / ref_size[s] for (_, s), n in both.items()) / len(common)
    return p, r, 2 * p * r / (p + r)


def moved(order, reference):
    """How many articles of `order` must move for the articles both hold to come in
    `reference`'s order: their number less the longest run already in that order."""
    rank = {a: i for i, a in enumerate(reference)}
    ranks = [rank[a] for a in order if a in rank]
    tails = []  # tails[k]: the smallest last rank of an increasing run of length k + 1
    for r in ranks:
        k = bisect.bisect_left(tails, r)
        tails[k:k + 1] = [r]
    return len(ranks) - len(tails)


def read_log(path):
    """(time, line) for each stamped line of a worker log."""
    out = []
    for line in path.read_text(errors="replace").splitlines():
        when, _, text = line.partition(" ")
        try:
            out.append((float(when), text))
        except ValueError:
            pass
    return out


def run_column(run, published, reference, reference_order):
    counts = json.loads((run / "counts.json").read_text())
    stored = (run / "placed.ids").read_text().split()
    partition = read_partition(run / "partition")
    in_stories = Counter(a for story in partition for a in story)
    bench = {}
    text = (run / "scale_bench.json").read_text().strip()
    if text:
        bench = json.loads(text.splitlines()[-1])
    loads = [float(re.search(r"load average: ([\d.]+)", l).group(1))
             for l in (run / "load").read_text().splitlines()]
    events = read_events(run)
    start = next(t for t, e in events if e == "publishing")
    batches = stored_batches(run)
    column = {
        "input articles": len(published),
        "articles rows / distinct ids": f"{counts['articles']} / {counts['distinct_ids']}",
        "lost (in the input, not stored)": len(set(published) - set(stored)),
        "stored, not in the input": len(set(stored) - set(published)),
        "ids stored twice": counts["articles"] - counts["distinct_ids"],
        "memberships / articles in 2+ stories": f"{counts['memberships']} / "
        f"{sum(1 for n in in_stories.values() if n > 1)}",
        "articles in no story": counts["without_story"],
        "revision rows / max revision": f"{counts['revisions']} / {counts['max_revision']}",
        "stories": counts["stories"],
        "stories left unchecked": counts.get("unchecked", "?"),
        "replay of the store: articles placed otherwise than stored":
            json.loads((run / "replay.json").read_text() or "{}").get("replay_mismatches", "?")
            if (run / "replay.json").exists() else "",
        "batches stored": counts["batches"],
        "last batch stored (s after the first publish)":
            round(batches[-1] - start, 1) if batches else "",
        "longest pause between stored batches (s)":
            round(max((b - a for a, b in zip(batches, batches[1:])), default=0), 1),
        "stored per s (first publish → last stored)": round(bench.get("stored_per_s", 0), 1),
        "lag publish → stored p50 / p99 / max (s)": "{:.1f} / {:.1f} / {:.1f}".format(
            *(bench.get("lag_ms", {}).get(k, 0) / 1000 for k in ("p50", "p99", "max"))),
        "load (1 min) before → after": " → ".join(f"{x:.2f}" for x in loads),
    }
    if reference is not None:
        same = set(partition) == set(reference)
        p, r, f1 = bcubed(partition, reference)
        missing = len(set(reference) - set(partition))
        column["partition equal to clean1"] = (
            "yes" if same else f"no ({missing} of clean1's stories are not in it)")
        column["B-cubed P / R / F1 vs clean1"] = f"{p:.4f} / {r:.4f} / {f1:.4f}"
        column["articles placed out of clean1's order"] = moved(stored, reference_order)
    return column


def read_events(run):
    events = []
    for line in (run / "events").read_text().splitlines():
        when, _, text = line.partition(" ")
        events.append((float(when), text))
    return events


def stored_batches(run):
    """When each batch was stored (its worker's line "position N: …")."""
    logs = [read_log(p) for p in run.glob("worker*.log")]
    return sorted(t for lines in logs for t, l in lines if l.startswith("position "))


def recovery(run):
    """One row per fault of the run: when; when the process was back (a worker: its first
    "standing by" or "holds the lead" line, after loading the store; a server: started
    again); the first batch stored after it; the longest pause between stored batches
    until the next fault (the last fault: the next 60 s), the first one after it included."""
    events = read_events(run)
    batches = stored_batches(run)
    start = next(t for t, e in events if e == "publishing")
    faults = [(t, e) for t, e in events
              if re.match(r"(analysis|clusterer|nats): killed|postgres: restart", e)]
    rows = []
    for i, (when, text) in enumerate(faults):
        kind = text.split(":")[0]
        worker = re.search(r"killed (worker\d)", text)
        if worker:
            lines = read_log(run / f"{worker.group(1)}.log")
            back = next((t for t, l in lines if t > when
                         and ("holds the lead" in l or "standing by" in l)), None)
        else:
            back = next((t for t, e in events if t > when and e.startswith(kind + ": ")), None)
        after = next((t for t in batches if t > when), None)
        until = faults[i + 1][0] if i + 1 < len(faults) else when + 60
        marks = [when] + [t for t in batches if when < t <= max(until, after or 0)]
        gap = max((b - a for a, b in zip(marks, marks[1:])), default=0)
        rows.append((kind, when - start, back and back - when, after and after - when, gap))
    return rows


def main():
    out = Path(sys.argv[1])
    published = (out / "published.ids").read_text().split()
    runs = sorted((d for d in out.iterdir() if (d / "counts.json").exists()),
                  key=lambda d: (d.name == "faults", d.name))
    if not runs:
        sys.exit(f"scale_faults_report: no run in {out}")
    reference = read_partition(runs[0] / "partition")
    reference_order = (runs[0] / "placed.ids").read_text().split()
    columns = [run_column(r, published, None if i == 0 else reference, reference_order)
               for i, r in enumerate(runs)]
    keys = list(dict.fromkeys(k for c in columns for k in c))
    print("| | " + " | ".join(r.name for r in runs) + " |")
    print("|---" * (len(runs) + 1) + "|")
    for k in keys:
        print(f"| {k} | " + " | ".join(str(c.get(k, "")) for c in columns) + " |")
    for run in runs:
        if not (run / "events").exists() or run.name != "faults":
            continue
        print("\n| fault | at (s after the first publish) | back up after (s) | next batch "
              "stored after (s) | longest pause between stored batches, until the next "
              "fault (s) |")
        print("|---|---|---|---|---|")
        fmt = lambda x: "" if x is None else f"{x:.1f}"
        for kind, at, back, after, gap in recovery(run):
            print(f"| {kind} | {at:.1f} | {fmt(back)} | {fmt(after)} | {gap:.1f} |")

if __name__ == "__main__":
    main()
