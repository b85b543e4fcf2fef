#!/usr/bin/env python3
"""Rewrites a tagged NER corpus to the span convention recoupe's tagger is trained on.

    scripts/ner_harmonize.py IN.jsonl.zst OUT.jsonl.zst [--every K] [--drop-misc]

recoupe names an entity by its name alone, as Europeana and CoNLL annotate it ("M. [Dumas]",
"le président [Wilson]"). Some corpora put more inside a person span: titles and functions
("[M . Emile Laurent , avocat de l ' Union]" in NewsEye, "[madame de Rênal]", "[le cardinal]"
in romans7). Trained on as is, they teach the tagger to swallow titles, and mixed with
Europeana they contradict it. This script, for every person span:
  - drops leading titles, punctuation and lower-case words, but keeps a name particle ("de",
    "d'", "du", "van", "von", …) right before a capitalised word ("M. de Tréville" → "de
    Tréville", as Europeana tags it);
  - cuts the span at its first comma or parenthesis (an apposition follows);
  - drops trailing punctuation and lower-case words;
  - and clears it when no capitalised word is left ("le cardinal", "mon Dieu" keeps "Dieu").
Any span (any type) without a capitalised word is cleared. Elisions split off by the source
tokeniser ("l" "'" "état", "d" "'" "Artagnan") are joined ("l'" "état") as recoupe's tokenizer
cuts them. Other tokens and tags are kept. Reads and writes zstd JSONL (the `zstd` command);
other fields of each line are kept. --every K keeps every K-th sentence (the first, the
K+1-th…: a big corpus must not outweigh the others); --drop-misc clears MISC spans (for a
model whose main corpus has no MISC, such as Europeana).
"""
import argparse
import json
import subprocess
import sys

TITLES = {
    "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "dr", "mgr", "sr", "st", "ste",
    "mr", "mrs", "ms", "herr", "frau", "fräulein", "hr", "fr", "dr.", "prof", "prof.",
    "m.", "mm.", "mme.", "mlle.", "mr.", "mrs.", "ms.", "me.", "mgr.",
    "madame", "monsieur", "mademoiselle", "messieurs", "mesdames", "sir", "lord", "lady",
    "milady", "milord", "monseigneur", "sainte", "saint",
}
PARTICLES = {"de", "d'", "du", "des", "della", "van", "von", "zu", "der", "ten", "ter", "le", "la"}
ELIDED = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}
APOSTROPHES = {"'", "\u2019"}


def is_cap(tok):
    for ch in tok:
        if ch.isalpha():
            return ch.isupper()
    return False


def is_alpha(tok):
    return any(ch.isalpha() for ch in tok)


def join_elisions(tokens, tags):
    out_t, out_g = [], []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if i + 1 < len(tokens) and t.lower() in ELIDED and tokens[i + 1] in APOSTROPHES:
            out_t.append(t + tokens[i + 1])
            out_g.append(tags[i])
            if tags[i + 1].startswith("B-") and not tags[i].startswith(("B-", "I-")):
                out_g[-1] = tags[i + 1]
            i += 2
            continue
        out_t.append(t)
        out_g.append(tags[i])
        i += 1
    # A span may now start with I- after a joined token that was O: repair to strict IOB2.
    for k, g in enumerate(out_g):
        if g.startswith("I-") and (k == 0 or out_g[k - 1][2:] != g[2:] or out_g[k - 1] == "O"):
            out_g[k] = "B-" + g[2:]
    return out_t, out_g


def spans(tags):
    i = 0
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        typ = tags[i][2:]
        j = i + 1
        while j < len(tags) and tags[j] == "I-" + typ:
            j += 1
        yield i, j, typ
        i = j


def trim_person(tokens, b, e):
    # Cut at the first comma or parenthesis: an apposition follows.
    for k in range(b + 1, e):
        if tokens[k] in {",", "(", ";", ":"}:
            e = k
            break
    while b < e:
        t = tokens[b]
        low = t.lower()
        if (low in PARTICLES or low.endswith("'")) and b + 1 < e and is_cap(tokens[b + 1]) \
                and tokens[b + 1].lower().rstrip(".") not in TITLES:
            break
        if low in TITLES or low.rstrip(".") in TITLES or not is_alpha(t) or not is_cap(t):
            b += 1
            continue
        break
    while e > b and (not is_alpha(tokens[e - 1]) or not is_cap(tokens[e - 1])):
        e -= 1
    return b, e


def harmonize(tokens, tags):
    tokens, tags = join_elisions(tokens, tags)
    out = ["O"] * len(tags)
    for b, e, typ in spans(tags):
        if typ == "PER":
            b, e = trim_person(tokens, b, e)
        if b >= e or not any(is_cap(t) and is_alpha(t) for t in tokens[b:e]):
            continue
        out[b] = "B-" + typ
        for k in range(b + 1, e):
            out[k] = "I-" + typ
    return tokens, out


def main():
    parser = argparse.ArgumentParser(description="Rewrites a NER corpus to recoupe's spans.")
    parser.add_argument("src")
    parser.add_argument("dst")
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--drop-misc", action="store_true")
    args = parser.parse_args()
    data = subprocess.run(["zstd", "-dc", args.src], check=True, capture_output=True).stdout
    lines = []
    kept = 0
    for line in data.decode("utf-8").splitlines():
        if not line.strip():
            continue
        kept += 1
        if (kept - 1) % args.every:
            continue
        s = json.loads(line)
        s["tokens"], s["tags"] = harmonize(s["tokens"], s["tags"])
        if args.drop_misc:
            s["tags"] = ["O" if t.endswith("-MISC") else t for t in s["tags"]]
        lines.append(json.dumps(s, ensure_ascii=False))
    subprocess.run(["zstd", "-q", "-f", "-19", "-o", args.dst], input=("\n".join(lines) + "\n").encode(),
                   check=True)


if __name__ == "__main__":
    main()
