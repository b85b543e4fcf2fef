#!/usr/bin/env python3
"""Writes the hostile-scale inputs of bench/cross_check_scale.sh from real article texts.

  make_scale_inputs.py big OUT.txt MEGABYTES [SOURCE.jsonl]
      One plain-text article of about MEGABYTES MB: a title, a "Publié le" line, then the
      paragraphs of every article of SOURCE (default ../shared/data/clustering/rpm2-fr-dev.jsonl)
      in file order, repeated until the size is reached. Real sentences, names, dates and
      numbers, so every stage of the cross-check has its usual work per byte.

  make_scale_inputs.py copies OUT.jsonl COUNT [ARTICLE.txt]
      COUNT copies of one article (default examples/vostochny/000_*.txt) as JSON Lines with
      distinct ids and outlets: a reprinted dispatch, the near-duplicate case.
"""
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def big(out, megabytes, source):
    paragraphs = []
    with open(source, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            paragraphs.extend(p.strip() for p in rec.get("text", "").split("\n") if p.strip())
    target = int(float(megabytes) * 1_000_000)
    with open(out, "w", encoding="utf-8") as f:
        head = "Un très long article reprenant des dépêches\n\nPublié le 13-09-2023 par example.fr\n\n"
        f.write(head)
        written = len(head.encode("utf-8"))
        i = 0
        while written < target:
            p = paragraphs[i % len(paragraphs)] + "\n\n"
            f.write(p)
            written += len(p.encode("utf-8"))
            i += 1


def copies(out, count, article):
    with open(article, encoding="utf-8") as f:
        text = f.read()
    with open(out, "w", encoding="utf-8") as f:
        for i in range(int(count)):
            rec = {"id": f"copy-{i:05d}", "source": f"outlet{i}.example", "text": text}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("big", "copies"):
        sys.exit(__doc__)
    kind, out, amount = sys.argv[1:4]
    if kind == "big":
        src = sys.argv[4] if len(sys.argv) > 4 else os.path.join(
            ROOT, "..", "shared", "data", "clustering", "rpm2-fr-dev.jsonl")
        big(out, amount, src)
    else:
        art = sys.argv[4] if len(sys.argv) > 4 else sorted(
            glob.glob(os.path.join(ROOT, "examples", "vostochny", "000_*.txt")))[0]
        copies(out, amount, art)


if __name__ == "__main__":
    main()
