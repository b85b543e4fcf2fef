#!/usr/bin/env python3
"""Loopback news sites for bench/fetch_bench.sh: N sites (one port each, so the fetcher's
one-request-per-host rule lets them be fetched side by side), each with /feed.xml (RSS)
listing its pages, pages made from JSONL article records, and one hostile site.

  fetch_sites.py OUT_DIR SITES FILE.jsonl ...

Writes OUT_DIR/sources.txt (the good feeds, then one hostile source per line), prints
"ready" once listening, serves until killed. Only 127.0.0.1 is bound."""
import gzip
import html
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

out_dir, n_sites, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
records = []
for f in files:
    with open(f, encoding="utf-8") as fh:
        records += [json.loads(line) for line in fh if line.strip()]


def page(r):
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in r["text"].split("\n") if p.strip())
    title = html.escape(r.get("title") or r["text"][:80])  # the feed lists the same
    date = r.get("published") or "2018-04-17"
    return (f"<!doctype html><html lang=\"{r.get('lang', 'en')}\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title><meta property=\"article:published_time\" content=\"{date}\">"
            f"</head><body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>\n"
            f"{paragraphs}</article><footer>© site</footer></body></html>").encode()


def title(r):
    return html.escape(r.get("title") or r["text"][:80])


sites = [[] for _ in range(n_sites)]
titles = [[] for _ in range(n_sites)]
for i, r in enumerate(records):
    sites[i % n_sites].append(page(r))
    titles[i % n_sites].append(title(r))

BOMB = gzip.compress(b"\0" * (64 << 20))  # 64 MB of zeros in about 64 KB
HUGE = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>" +
        "".join(f"<item><link>/p/0.html#{i}</link></item>" for i in range(100000)) +
        "</channel></rss>").encode()


class Site(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    pages = []
    titles = []

    def log_message(self, *args):
        pass

    def send(self, status, body, ctype, extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("#")[0]
        if path == "/robots.txt":
            return self.send(404, b"", "text/plain")
        if path == "/feed.xml":
            items = "".join(f"<item><title>{t}</title><link>/p/{i}.html</link></item>"
                            for i, t in enumerate(self.titles))
            return self.send(200, f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                             f"<title>Site</title>{items}</channel></rss>".encode(),
                             "application/rss+xml")
        if path.startswith("/p/"):
            i = int(path[3:].split(".")[0])
            if i < len(self.pages):
                return self.send(200, self.pages[i], "text/html; charset=utf-8")
        return self.hostile(path)

    def hostile(self, path):
        if path == "/slow":  # one byte a second, for ever
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                return
        if path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.end_headers()
            chunk = b"x" * 65536
            try:
                while True:
                    self.wfile.write(chunk)
            except OSError:
                return
        if path == "/loop":
            return self.send(302, b"", "text/plain", [("Location", "/loop")])
        if path == "/bomb":
            return self.send(200, BOMB, "text/html", [("Content-Encoding", "gzip")])
        if path == "/invalid.xml":
            return self.send(200, b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item>"
                             b"<title>Unclosed</title></channel>", "application/rss+xml")
        if path == "/huge.xml":
            return self.send(200, HUGE, "application/rss+xml")
        if path == "/pdf-feed.xml":
            return self.send(200, b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item>"
                             b"<title>Report</title><link>/report.pdf</link></item></channel></rss>",
                             "application/rss+xml")
        if path == "/report.pdf":
            return self.send(200, b"%PDF-1.4\n" + b"0" * 4096, "application/pdf")
        return self.send(404, b"", "text/plain")


CASES = ["slow", "endless", "loop", "bomb", "invalid.xml", "huge.xml", "pdf-feed.xml"]


def serve(pages, titles=()):
    handler = type("SiteN", (Site,), {"pages": pages, "titles": list(titles)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


good = [serve(pages, t) for pages, t in zip(sites, titles)]
# One site per hostile case (the fetcher takes one request at a time per site: on one site
# the cases would wait for each other and their times would add up).
hostile = [serve(sites[0][:1]) for _ in CASES]

with open(f"{out_dir}/sources.txt", "w") as out:
    for i, s in enumerate(good):
        out.write(f"http://127.0.0.1:{s.server_port}/feed.xml  Site {i}\n")
with open(f"{out_dir}/hostile.txt", "w") as out:
    out.write(f"http://127.0.0.1:{good[0].server_port}/feed.xml  good feed beside them\n")
    for case, s in zip(CASES, hostile):
        out.write(f"http://127.0.0.1:{s.server_port}/{case}\n")
print("ready", sum(len(s) for s in sites), flush=True)
threading.Event().wait()
