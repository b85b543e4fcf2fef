#!/usr/bin/env python3
"""Writes docs/config.md from the config structs' own comments, so the page says what the
code says. Run after changing a config struct:  python3 scripts/config_doc.py > docs/config.md
tests/engine_config_test.cc checks that every key `recoupe config --defaults` prints is here."""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = [  # (JSON path, header, struct, what the section tunes)
    ("ingest", "src/ingest/reader.h", "ReadLimits",
     "Input limits: what is refused before it is parsed."),
    ("extract.html", "src/extract/html_content.h", "ContentConfig",
     "Main-content selection of HTML pages (readability-style scoring, jusText fallback)."),
    ("extract.text", "src/extract/text_classifier.h", "TextCleanerConfig",
     "Line classifier of scraped plain text (body, title, metadata, boilerplate)."),
    ("analyze.quotes", "src/analyze/quotes.h", "QuoteConfig",
     "Quotation classification and speaker attribution."),
    ("cluster", "src/cluster/cluster_config.h", "ClusterConfig",
     "Near-duplicates and event clustering (batch and live)."),
    ("synth", "src/synth/synth_config.h", "SynthConfig",
     "The cross-check: claims, alignment, corroboration, disagreements, quotes, timeline, "
     "summary, framing, and the limits of each list."),
    ("fetch", "src/fetch/fetch_config.h", "FetchConfig",
     "The web fetcher of recoupe fetch, watch and serve --sources: politeness, limits, retries."),
    ("watch", "src/feeds/watch_config.h", "WatchConfig",
     "recoupe watch and serve --sources: how often sources are polled and how much is read."),
    ("serve", "src/server/serve_config.h", "ServeConfig",
     "recoupe serve: POSTs stored together while the writer is busy (group commit)."),
]
# A default is a quoted string (which may hold ';') or anything up to the ';'.
FIELD = re.compile(r'^\s*(?:[\w:]+(?:<[^>]*>)?)\s+(\w+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]+);\s*(?://\s*(.*))?$')


def struct_body(text, name):
    start = text.index(f"struct {name} {{")
    depth = 0
    for i in range(start, len(text)):
        depth += text[i] == "{"
        depth -= text[i] == "}"
        if text[i] == "}" and depth == 0:
            return text[text.index("{", start) + 1:i]
    raise ValueError(name)


def fields(body):
    comment = []
    for line in body.splitlines():
        s = line.strip()
        if s.startswith("//"):
            c = s[2:].strip()
            if c.startswith("──") or c.startswith("---"):
                comment = []
                continue
            comment.append(c)
            continue
        m = FIELD.match(line)
        if m:
            doc = " ".join(comment + ([m.group(3)] if m.group(3) else []))
            yield m.group(1), m.group(2).strip(), doc
            comment = []
        elif not s:
            comment = []


def main():
    out = ["# Configuration",
           "",
           "Every tuning number of every stage. `recoupe config --defaults` prints them all as "
           "JSON; a file with any subset of them, given as `--config FILE` to `report`, "
           "`stream`, `extract`, `analyze` or an `eval` command, overrides the defaults. "
           "Unknown keys, wrong types and out-of-range values are refused with the key's name "
           "(`recoupe config --check FILE`). Defaults were chosen on the dev sets "
           "(`bench/README.md`); one default serves every language and data set.",
           "",
           "```json",
           '{"threads": 2, "cluster": {"relative_threshold": 0.55}, "synth": {"max_quotes": 40}}',
           "```",
           "",
           "## `threads`",
           "",
           "| key | default | meaning |",
           "|---|---|---|",
           "| `threads` | `0` | Worker threads of the parallel steps (extraction, features, "
           "refinement, cross-check); 0: all cores. Results are the same for any count. "
           "`--threads N` overrides it. |",
           ""]
    for path, header, struct, about in SECTIONS:
        body = struct_body((ROOT / header).read_text(), struct)
        out += [f"## `{path}`", "", about + f" (`{header}`, `{struct}`)", "",
                "| key | default | meaning |", "|---|---|---|"]
        for name, default, doc in fields(body):
            doc = doc.replace("|", "\\|")
            out.append(f"| `{path}.{name}` | `{default}` | {doc} |")
        out.append("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
