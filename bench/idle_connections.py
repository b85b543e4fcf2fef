#!/usr/bin/env python3
"""Idle and slow clients against `recoupe serve` (issue 13, Reliability): how long does a
normal request take while N connections sit idle, or while S clients send their request
one byte at a time?

    bench/idle_connections.py [--binary build/recoupe] [--idle 2000] [--slow 32]

Starts `recoupe serve` on an empty store in a temporary folder, opens the idle connections
(nothing sent), times GET /healthz on a new connection (timeout 30 s), then closes them;
opens the slow ones (a byte every 100 ms), times GET /healthz again; prints the figures.
"""
import argparse
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time


def timed_get(port, timeout=30.0):
    t0 = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.settimeout(timeout)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    except (socket.timeout, OSError):
        status = 0
    return status, time.monotonic() - t0


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(here, "..", "build", "recoupe"))
    ap.add_argument("--idle", type=int, default=2000)
    ap.add_argument("--slow", type=int, default=32)
    a = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    work = tempfile.mkdtemp(prefix="idle_")
    proc = subprocess.Popen([a.binary, "serve", "--db", os.path.join(work, "i.db"), "--port", "0"],
                            stdout=subprocess.PIPE, text=True)
    port = int(re.search(r":(\d+)/", proc.stdout.readline()).group(1))
    try:
        status, took = timed_get(port)
        print(f"alone: HTTP {status} in {took * 1000:.1f} ms")
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(a.idle)]
        status, took = timed_get(port)
        print(f"behind {a.idle} idle connections: HTTP {status} in {took * 1000:.1f} ms"
              + ("" if status else " (no answer: timed out)"))
        for s in idle:
            s.close()
        time.sleep(1)
        slow = []
        for _ in range(a.slow):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET /healthz HTTP/1.1\r\nX-Slow: ")
            slow.append(s)
        stop = threading.Event()

        def trickle():
            while not stop.is_set():
                for s in slow:
                    try:
                        s.send(b"a")
                    except OSError:
                        pass
                time.sleep(0.1)

        t = threading.Thread(target=trickle, daemon=True)
        t.start()
        time.sleep(0.5)
        status, took = timed_get(port)
        print(f"beside {a.slow} clients sending a byte every 100 ms: HTTP {status} in "
              f"{took * 1000:.1f} ms" + ("" if status else " (no answer: timed out)"))
        stop.set()
        t.join()
        for s in slow:
            s.close()
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
