#!/usr/bin/env python3
"""kill -9 of the ingesting `recoupe serve`, many times in a row (issue 13, Reliability).

    bench/crash_loop.py [--binary build/recoupe] [--data FILE.jsonl] [--rounds 50]
                        [--batch 2] [--seed 13] [--keep DIR]

Each round starts `recoupe serve` on one store (with a token), POSTs the batches in order
from the first one not yet acknowledged, and kills it with SIGKILL at a random moment: after
0, 1 or 2 more batches were acknowledged, at a random point of the next POST (so most kills
land while a batch is being cleaned, cross-checked or committed). After each restart:

  - every article whose POST was acknowledged (200) is served (GET /api/articles/ID; a
    record without text is refused, one sharing an earlier record's URL is its revision);
  - PRAGMA integrity_check says ok;
  - ingest resumes from the first batch not acknowledged (it may have been committed before
    the kill: posting it again changes nothing, the store is idempotent).

After the rounds the rest is posted and the server stopped with SIGTERM (exit 0). Then a
clean run posts the same batches, in the same order, to a fresh store without any kill, and
the two stores must hold the same partition: each article's story and reprint mark in ingest
order, and each story's id, article list and report document, once every story is
cross-checked (the server checks stories after answering: docs/api.md, "Two steps"; a
story's version counts its writes, which depend on timing, and is not compared). Batch boundaries
matter (the new articles of a batch are placed in publication order), so "the same articles"
means the same batches in the same order. Exit status 0 when every check held.
"""
import argparse
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

TOKEN = "crash-loop"


def start(binary, db):
    """Starts `recoupe serve` on db; returns (process, port, seconds to the serving line)."""
    t0 = time.monotonic()
    env = dict(os.environ)
    env.pop("RECOUPE_TOKEN", None)
    proc = subprocess.Popen([binary, "serve", "--db", db, "--port", "0", "--token", TOKEN],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    line = proc.stdout.readline()
    m = re.search(r"on http://[^ ]+:(\d+)/", line)
    if not m:
        proc.kill()
        sys.exit(f"serve did not start: {line!r} {proc.stderr.read()}")
    return proc, int(m.group(1)), time.monotonic() - t0


def post(port, body, timeout=600):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/articles", data=body.encode(),
                                 method="POST",
                                 headers={"Authorization": f"Bearer {TOKEN}",
                                          "Content-Type": "application/x-ndjson"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status


def wait_all_checked(port, timeout=300):
    """Until /metrics says no story waits for its cross-check."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30) as r:
            if re.search(r"^recoupe_stories_unchecked 0$", r.read().decode(), re.M):
                return True
        time.sleep(0.1)
    return False


def article_served(port, article_id):
    url = f"http://127.0.0.1:{port}/api/articles/" + urllib.parse.quote(article_id, safe="")
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status == 200
    except urllib.error.HTTPError:
        return False


def integrity(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return "; ".join(row[0] for row in con.execute("PRAGMA integrity_check"))
    finally:
        con.close()


def partition(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        members = con.execute(
            "SELECT a.id, m.story_id, d.id FROM articles a JOIN memberships m "
            "ON m.article_seq = a.seq LEFT JOIN articles d ON d.seq = m.duplicate_of "
            "ORDER BY a.seq").fetchall()
        stories = con.execute(
            "SELECT id, checked, articles, report FROM stories ORDER BY id").fetchall()
        return members, stories
    finally:
        con.close()


class Poster(threading.Thread):
    """Posts batches[next...] until all are acknowledged or the server goes away."""

    def __init__(self, port, batches, first):
        super().__init__(daemon=True)
        self.port, self.batches, self.next = port, batches, first
        self.acked = []          # indexes of the batches acknowledged by this poster
        self.in_flight = False   # a POST was sent and not answered
        self.last_duration = 0.5
        self.changed = threading.Condition()

    def run(self):
        while self.next < len(self.batches):
            t0 = time.monotonic()
            self.in_flight = True
            try:
                status = post(self.port, self.batches[self.next][0])
            except (urllib.error.URLError, ConnectionError, OSError):
                return  # killed: the batch in flight is not acknowledged
            with self.changed:
                self.in_flight = False
                if status != 200:
                    sys.exit(f"batch {self.next}: HTTP {status}")
                self.last_duration = time.monotonic() - t0
                self.acked.append(self.next)
                self.next += 1
                self.changed.notify_all()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(here, "..", "build", "recoupe"))
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data",
                                                   "clustering", "rpm2-fr-dev.jsonl"))
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--keep", help="keep the stores in this folder")
    a = ap.parse_args()
    rng = random.Random(a.seed)

    records = [line for line in open(a.data, encoding="utf-8") if line.strip()]
    batches = []
    for i in range(0, len(records), a.batch):
        chunk = records[i:i + a.batch]
        batches.append(("".join(chunk), [json.loads(r)["id"] for r in chunk]))
    # Where an acknowledged record is served: under its own id, or under the id of the first
    # record of its URL (a later text under one URL is a revision of that article); a record
    # without text is refused (the POST's answer says so), never stored.
    served_as, first_of_url = {}, {}
    for line in records:
        r = json.loads(line)
        if not (r.get("text") or r.get("html") or "").strip():
            served_as[r["id"]] = None
            continue
        served_as[r["id"]] = first_of_url.setdefault(r.get("url") or r["id"], r["id"])

    work = a.keep or tempfile.mkdtemp(prefix="crash_loop_")
    os.makedirs(work, exist_ok=True)
    db, clean_db = os.path.join(work, "crash.db"), os.path.join(work, "clean.db")
    for f in (db, clean_db):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(f + suffix):
                os.remove(f + suffix)

    t_start = time.monotonic()
    next_batch, acked_ids = 0, []
    kills, in_flight_kills, restarts, failures = 0, 0, [], []
    for rnd in range(a.rounds + 1):
        proc, port, took = start(a.binary, db)
        restarts.append(took)
        check = integrity(db)
        if check != "ok":
            failures.append(f"round {rnd}: integrity_check: {check}")
        lost = [i for i in acked_ids
                if served_as.get(i, i) is not None and not article_served(port, served_as.get(i, i))]
        if lost:
            failures.append(f"round {rnd}: {len(lost)} acknowledged articles lost: {lost[:5]}")
        if rnd == a.rounds:  # the last run finishes the ingest and stops cleanly
            p = Poster(port, batches, next_batch)
            p.run()
            for b in p.acked:
                acked_ids += batches[b][1]
            next_batch = p.next
            if not wait_all_checked(port):
                failures.append("stories still unchecked after 300 s")
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=120)
            if code != 0:
                failures.append(f"SIGTERM: exit {code}: {proc.stderr.read()}")
            break
        p = Poster(port, batches, next_batch)
        p.start()
        more = rng.randint(0, 2)
        with p.changed:
            p.changed.wait_for(lambda: len(p.acked) >= more or not p.is_alive(), timeout=120)
        time.sleep(rng.uniform(0.0, 1.2) * p.last_duration)
        in_flight = p.in_flight
        proc.kill()
        proc.wait()
        p.join()
        kills += 1
        in_flight_kills += int(in_flight)
        for b in p.acked:
            acked_ids += batches[b][1]
        next_batch = p.next
        print(f"round {rnd + 1}: restart {took:.2f} s, {len(acked_ids)} acknowledged, "
              f"killed {'during a POST' if in_flight else 'between POSTs'}", flush=True)
    t_crash = time.monotonic() - t_start

    if next_batch != len(batches):
        failures.append(f"only {next_batch} of {len(batches)} batches acknowledged")
    t0 = time.monotonic()
    proc, port, _ = start(a.binary, clean_db)
    p = Poster(port, batches, 0)
    p.run()
    if not wait_all_checked(port):
        failures.append("clean run: stories still unchecked after 300 s")
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=120)
    t_clean = time.monotonic() - t0
    crashed, clean = partition(db), partition(clean_db)
    same = crashed == clean
    if not same:
        diff = [(x, y) for x, y in zip(crashed[0], clean[0]) if x != y]
        failures.append(f"partitions differ: {len(diff)} memberships, e.g. {diff[:3]}; "
                        f"{len(crashed[1])} vs {len(clean[1])} stories")

    print(f"\n{a.rounds} kills (-9) in {t_crash:.1f} s, {in_flight_kills} with a POST in flight; "
          f"{len(records)} articles in {len(batches)} batches of {a.batch}, all acknowledged: "
          f"{next_batch == len(batches)}")
    print(f"restart to serving: median {sorted(restarts)[len(restarts) // 2]:.2f} s, "
          f"max {max(restarts):.2f} s; integrity_check ok after every restart: "
          f"{not any('integrity' in f for f in failures)}")
    print(f"partition equal to a clean run of the same batches ({t_clean:.1f} s): {same} "
          f"({len(crashed[0])} articles, {len(crashed[1])} stories)")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAILED:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
