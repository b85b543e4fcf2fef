#!/usr/bin/python3
"""Helpers of bench/serve_load.sh (standard library only; every run stops by itself).

  serve_load.py ids URL OUT.lua
      writes a wrk script that asks GET /api/stories/{id} over every story id of the server
  serve_load.py post URL TOKEN FILE.jsonl --rate 100 --seconds 12 [--batch 1] [--connections 1]
      offers the records of FILE at `rate` articles/s for `seconds`: POST k (`batch` records)
      is due at k * batch / rate s, sent by the first free of `connections` senders (one:
      each POST waits for the answer to the previous; more: an open-loop offer whose POSTs
      queue at the server), while an SSE subscriber listens on /api/events; prints the rate
      reached, POST latency, how far behind schedule POSTs went out, and the SSE delay of each
      post's story events from its due time, its sending and its answer (p50/p99)
  serve_load.py batches URL TOKEN FILE.jsonl --batch 500
      posts FILE in batches of `batch` records, one after the other; prints articles/s
"""

import argparse
import bisect
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse


def connect(url, timeout=60):
    u = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)


def get_json(url, target):
    conn = connect(url)
    conn.request("GET", target)
    res = conn.getresponse()
    body = res.read()
    conn.close()
    if res.status != 200:
        raise RuntimeError(f"GET {target}: {res.status} {body[:200]!r}")
    return json.loads(body)


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def story_ids(url):
    ids, cursor = [], None
    while True:
        target = "/api/stories?limit=500" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
        page = get_json(url, target)
        ids += [s["id"] for s in page["stories"]]
        cursor = page["next_cursor"]
        if not cursor:
            return ids


def write_ids_script(url, out):
    ids = story_ids(url)
    with open(out, "w") as f:
        f.write("-- GET /api/stories/{id} over %d story ids, in turn (bench/serve_load.py)\n" % len(ids))
        f.write("ids = {\n")
        for i in ids:
            f.write('  "%s",\n' % i)
        f.write("}\ncounter = 0\n")
        # READ_RATE in the environment paces the run (bench/paced.lua); unset: flat out.
        f.write("dofile(\"%s\")\n" % os.path.join(os.path.dirname(os.path.abspath(__file__)), "paced.lua"))
        f.write("request = function()\n  counter = counter + 1\n"
                "  return wrk.format(\"GET\", \"/api/stories/\" .. ids[(counter % #ids) + 1])\nend\n")
    print(f"{len(ids)} story ids")


class Subscriber(threading.Thread):
    """Reads /api/events and notes when each story's events arrive."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.conn = connect(url, timeout=120)
        self.conn.request("GET", "/api/events")
        self.res = self.conn.getresponse()
        if self.res.status != 200:
            raise RuntimeError(f"/api/events: {self.res.status}")
        self.lock = threading.Lock()
        # story id → arrival times (monotonic) of the events of batches that placed articles
        # in it (not those of checks), in order
        self.arrivals = {}
        self.event_ids = {}  # story id → the SSE ids of those events, in the same order
        # story id → (arrival time, "through") of its events from a step of cross-checks: the
        # story's report then covers every batch told up to event "through" (docs/api.md)
        self.checks = {}
        self.merges = {}  # story id → (the story it was merged into, the merge's SSE id)
        self.stop = False

    def run(self):
        event = {}
        while not self.stop:
            try:
                line = self.res.fp.readline()
            except OSError:
                return
            if not line:
                return
            now = time.monotonic()
            line = line.decode("utf-8").rstrip("\r\n")
            if line == "":
                if "data" in event:
                    data = json.loads(event["data"])
                    ids = [data["id"]] if "id" in data else [data.get("into")]
                    event_id = int(event.get("id", 0))
                    # Two steps (docs/api.md): "checked": false when the story's articles
                    # are stored; a check's event says "through" (its report covers every
                    # batch told up to that event), "checked" true when nothing waits.
                    # Without "through" (another process's batch): checked in its batch.
                    through = data.get("through")
                    if through is None and data.get("checked", "id" in data):
                        through = event_id - 1
                    with self.lock:
                        if "from" in data:
                            self.merges[data["from"]] = (data.get("into"), event_id)
                        for i in ids:
                            if "through" not in data:  # a batch placed articles in it
                                self.arrivals.setdefault(i, []).append(now)
                                self.event_ids.setdefault(i, []).append(event_id)
                            if through is not None:
                                self.checks.setdefault(i, []).append((now, through))
                event = {}
            elif not line.startswith(":"):
                k, _, v = line.partition(":")
                event[k] = v[1:] if v.startswith(" ") else v

    def take(self, story, sent, deadline):
        """(arrival time, SSE id) of `story`'s first event after `sent` (when the POST naming
        it was sent), waiting until `deadline`; None if none came. Not consumed: POSTs stored
        together in one batch (group commit) name the same story, which gets one event per
        batch."""
        while True:
            with self.lock:
                times = self.arrivals.get(story, [])
                # Events of batches committed before this POST was sent do not count.
                i = bisect.bisect_left(times, sent)
                if i < len(times):
                    return times[i], self.event_ids[story][i]
            if time.monotonic() > deadline:
                return None
            time.sleep(0.001)

    def take_checked(self, story, stored_id, deadline):
        """The arrival time of the first event saying that `story`'s report covers the batch
        told by event `stored_id`, waiting until `deadline`; None if none came. A story
        merged away before that is followed: the articles are then in the story it went
        into, whose report covers them once it covers the merge."""
        while True:
            with self.lock:
                s, since = story, stored_id
                while s is not None:
                    found = [a for a, through in self.checks.get(s, []) if through >= since]
                    if found:
                        return found[0]
                    into, merged_at = self.merges.get(s, (None, 0))
                    s, since = (into, merged_at) if merged_at > since else (None, 0)
            if time.monotonic() > deadline:
                return None
            time.sleep(0.001)


def read_records(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def post(url, token, body, conn=None):
    """POSTs `body`; returns (status, summary or None, connection to reuse)."""
    for attempt in range(2):
        try:
            if conn is None:
                conn = connect(url)
            conn.request("POST", "/api/articles", body=body.encode("utf-8"),
                         headers={"Authorization": "Bearer " + token,
                                  "Content-Type": "application/x-ndjson"})
            res = conn.getresponse()
            data = res.read()
            return res.status, (json.loads(data) if res.status == 200 else data[:200]), conn
        except (OSError, http.client.HTTPException):
            conn = None  # the server closed a kept connection: open a new one once
            if attempt == 1:
                raise


class Offer:
    """The schedule of an offered article rate: POST k (of `batch` records) is due at
    start + k * batch / rate, whatever the answers to the earlier ones (open loop: a slow
    server does not slow the offer down, its POSTs queue). `connections` senders share it;
    one sender is the closed-loop pacing of a single client."""

    def __init__(self, records, rate, batch, seconds):
        self.records, self.rate, self.batch, self.seconds = records, rate, batch, seconds
        self.lock = threading.Lock()
        self.next = 0
        self.start = time.monotonic()

    def take(self):
        """(k, due time, body) of the next POST, or None when the offer is over."""
        with self.lock:
            k = self.next
            first = k * self.batch
            due = self.start + k * self.batch / self.rate
            # Over when the schedule or the clock reaches `seconds`: a server that falls
            # behind is not given its backlog after the time is up.
            if (first >= len(self.records) or due - self.start >= self.seconds
                    or time.monotonic() - self.start >= self.seconds):
                return None
            self.next += 1
        return k, due, "\n".join(self.records[first:first + self.batch]) + "\n"


def sender(url, token, offer, sub, results):
    conn = None
    while True:
        job = offer.take()
        if job is None:
            return
        k, due, body = job
        now = time.monotonic()
        if due > now:
            time.sleep(due - now)
        t_send = time.monotonic()
        try:
            status, summary, conn = post(url, token, body, conn)
        except (OSError, http.client.HTTPException):
            status, summary, conn = 0, None, None
        t_ack = time.monotonic()
        n = body.count("\n")
        r = {"n": n, "status": status, "due": due, "send": t_send, "ack": t_ack}
        if status == 200:
            r["stored"] = summary["added"] + summary["revised"]
            touched = summary["created"] + summary["updated"] + [m["into"] for m in summary["merged"]]
            arrived = [sub.take(s, t_send, t_ack + 5.0) for s in touched]
            r["touched"] = bool(touched)
            r["last_event"] = (max(a[0] for a in arrived)
                               if touched and None not in arrived else None)
            # Cross-checked: read once every POST is sent (waiting for it here would hold
            # the next POST back), from the story's stored event on (checked_times).
            r["stories"] = list(zip(touched, arrived))
        results.append(r)


def checked_times(sub, results):
    """Sets each POST's "last_checked": when the last of its stories was told cross-checked
    with the POST's articles in its report, the first check event whose "through" reaches
    the POST's stored event (a check taken before the POST's batch does not hold its
    articles); None when one did not come within 10 s of the answer."""
    for r in results:
        stories = r.get("stories")
        if not stories:
            continue
        checked = [sub.take_checked(s, a[1], r["ack"] + 10.0) if a is not None else None
                   for s, a in stories]
        r["last_checked"] = max(checked) if None not in checked else None


def paced_posts(url, token, path, rate, seconds, batch, connections=1, details=None):
    records = read_records(path)
    sub = Subscriber(url)
    sub.start()
    offer = Offer(records, rate, batch, seconds)
    results = []
    threads = [threading.Thread(target=sender, args=(url, token, offer, sub, results))
               for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = max([r["ack"] for r in results] + [time.monotonic()]) - offer.start
    checked_times(sub, results)
    sub.stop = True
    sent = sum(r["n"] for r in results)
    ok = [r for r in results if r["status"] == 200]
    stored = sum(r["stored"] for r in ok)
    failed = sum(r["n"] for r in results if r["status"] != 200)
    post_ms = [(r["ack"] - r["send"]) * 1000 for r in results]
    behind_ms = [(r["send"] - r["due"]) * 1000 for r in results]
    with_events = [r for r in ok if r.get("last_event") is not None]
    missing = sum(1 for r in ok if r.get("touched") and r.get("last_event") is None)
    sse_from_send_ms = [(r["last_event"] - r["send"]) * 1000 for r in with_events]
    sse_from_due_ms = [(r["last_event"] - r["due"]) * 1000 for r in with_events]
    sse_from_ack_ms = [max(0.0, r["last_event"] - r["ack"]) * 1000 for r in with_events]
    print(f"posted {sent} articles in {elapsed:.1f} s ({sent / elapsed:.1f} articles/s, offered "
          f"{rate}/s as {batch} a POST over {connections} connection(s)): {stored} stored, "
          f"{failed} failed")
    print(f"POST latency ms: p50 {percentile(post_ms, 50):.1f} p99 {percentile(post_ms, 99):.1f} "
          f"max {max(post_ms):.1f}; sent behind schedule ms: p50 {percentile(behind_ms, 50):.1f} "
          f"p99 {percentile(behind_ms, 99):.1f}")
    with_checks = [r for r in ok if r.get("last_checked") is not None]
    unchecked = sum(1 for r in ok if r.get("touched") and r.get("last_checked") is None)
    checked_from_send_ms = [(r["last_checked"] - r["send"]) * 1000 for r in with_checks]
    checked_from_due_ms = [(r["last_checked"] - r["due"]) * 1000 for r in with_checks]
    print(f"SSE latency ms over {len(with_events)} posts ({missing} without their events "
          f"within 5 s): from POST due p50 {percentile(sse_from_due_ms, 50):.1f} p99 "
          f"{percentile(sse_from_due_ms, 99):.1f}; from POST sent p50 "
          f"{percentile(sse_from_send_ms, 50):.1f} p99 {percentile(sse_from_send_ms, 99):.1f}; "
          f"from POST acknowledged p50 {percentile(sse_from_ack_ms, 50):.1f} p99 "
          f"{percentile(sse_from_ack_ms, 99):.1f}")
    print(f"SSE cross-checked ms over {len(with_checks)} posts ({unchecked} without it within "
          f"10 s of the answer): from POST due p50 {percentile(checked_from_due_ms, 50):.1f} "
          f"p99 {percentile(checked_from_due_ms, 99):.1f}; from POST sent p50 "
          f"{percentile(checked_from_send_ms, 50):.1f} p99 "
          f"{percentile(checked_from_send_ms, 99):.1f}")
    if details:
        # One line a POST, times in seconds from the offer's start, for a closer look (which
        # stories the slowest checks were of, how the delays move during the run).
        with open(details, "w") as out:
            for r in sorted(results, key=lambda r: r["due"]):
                row = {k: (r[k] - offer.start if r.get(k) is not None else None)
                       for k in ("due", "send", "ack", "last_event", "last_checked")}
                row["stories"] = [s for s, _ in r.get("stories") or []]
                out.write(json.dumps(row) + "\n")
    return 0 if failed == 0 and missing == 0 else 1


def split_by_size(details, db, large):
    """Prints the delay from each POST's sending to a report holding its articles, apart for
    the POSTs into stories of `large` articles or more (as the store holds them now): the
    server checks those on threads of their own (serve.large_story_articles)."""
    import sqlite3
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    size = dict(con.execute("SELECT id, article_count FROM stories"))
    moved = dict(con.execute("SELECT old_id, new_id FROM story_redirects"))
    groups = {"small": [], "large": []}
    for line in open(details):
        r = json.loads(line)
        if r["last_checked"] is None or not r["stories"]:
            continue
        biggest = max(size.get(moved.get(s, s), 0) for s in r["stories"])
        groups["large" if biggest >= large else "small"].append(
            (r["last_checked"] - r["send"]) * 1000)
    for name, ms in groups.items():
        if ms:
            print(f"report holding the POST's articles, {name} stories ({len(ms)} posts): "
                  f"p50 {percentile(ms, 50):.1f} p99 {percentile(ms, 99):.1f} ms, "
                  f"{sum(1 for x in ms if x > 1000)} over 1 s")
    return 0


def batch_posts(url, token, path, batch):
    records = read_records(path)
    start = time.monotonic()
    conn = None
    stored = 0
    for k in range(0, len(records), batch):
        t = time.monotonic()
        status, summary, conn = post(url, token, "\n".join(records[k:k + batch]) + "\n", conn)
        if status != 200:
            print(f"batch at {k}: {status} {summary!r}")
            return 1
        stored += summary["added"] + summary["revised"]
        print(f"  batch of {min(batch, len(records) - k)}: {time.monotonic() - t:.2f} s, "
              f"{summary['stories_touched']} stories touched")
    elapsed = time.monotonic() - start
    print(f"POSTed {len(records)} articles in batches of {batch}: {elapsed:.1f} s, "
          f"{len(records) / elapsed:.0f} articles/s ({stored} stored)")
    return 0


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("ids")
    a.add_argument("url")
    a.add_argument("out")
    a = sub.add_parser("post")
    a.add_argument("url")
    a.add_argument("token")
    a.add_argument("file")
    a.add_argument("--rate", type=float, default=100)
    a.add_argument("--seconds", type=float, default=12)
    a.add_argument("--batch", type=int, default=1)
    a.add_argument("--connections", type=int, default=1)
    a.add_argument("--details", help="write one JSON line a POST to this file")
    a = sub.add_parser("split")
    a.add_argument("details")
    a.add_argument("db")
    a.add_argument("--large", type=int, default=40)
    a = sub.add_parser("batches")
    a.add_argument("url")
    a.add_argument("token")
    a.add_argument("file")
    a.add_argument("--batch", type=int, default=500)
    args = p.parse_args()
    if args.command == "ids":
        write_ids_script(args.url, args.out)
        return 0
    if args.command == "post":
        return paced_posts(args.url, args.token, args.file, args.rate, args.seconds, args.batch,
                           args.connections, args.details)
    if args.command == "split":
        return split_by_size(args.details, args.db, args.large)
    return batch_posts(args.url, args.token, args.file, args.batch)


if __name__ == "__main__":
    sys.exit(main())
