#!/usr/bin/env python3
"""Builds data/gazetteer/places.tsv.zst, the compact place gazetteer recoupe ships.

Source: ../shared/data/gazetteer/places.tsv.zst (GeoNames CC BY 4.0, i18n-iso-countries MIT,
Debian iso-codes LGPL-2.1+; see that folder's SOURCE.md). Kept:
  - every country and region name (any language) that is written with an upper-case initial;
  - every name of a city with population >= 100,000 (GeoNames alternate names included);
  - the primary and ASCII names of cities with population >= 15,000;
  - the primary name only of smaller cities (population >= 1,000, typed 'town').
Dropped: names shorter than 3 characters, longer than 4 words, containing digits, names
without an upper-case first letter (codes, romanised lowercase), and names that are a stop
word in any language under data/*/stopwords*.txt; a country name of five letters or more is
dropped only when it is a stop word of a language recoupe reads news in (KEPT_NAMES_LANGS): the
Malay list holds "china", "india" and "indonesia", the Russian one "россия", which made those
countries unknown. (Region names stay filtered: "Store", "Selatan" are words.)
Output columns (no header): name, type (country|region|city|town), id, population (0 if unknown).
Usage: python3 scripts/build_gazetteer.py ../shared/data/gazetteer/places.tsv.zst data
"""
import glob
import os
import subprocess
import sys


# Languages whose stop words also drop country names (see above).
KEPT_NAMES_LANGS = {"en", "fr", "de", "es", "it", "pt", "nl"}


def main():
    src, data = sys.argv[1], sys.argv[2]
    stop = set()
    main_stop = set()  # stop words of KEPT_NAMES_LANGS
    for path in glob.glob(os.path.join(data, "*", "stopwords*.txt")):
        lang = os.path.basename(os.path.dirname(path))
        with open(path, encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if w and not w.startswith("#"):
                    stop.add(w.lower())
                    if lang in KEPT_NAMES_LANGS:
                        main_stop.add(w.lower())
    ent = subprocess.run(["zstd", "-dc", src.replace("places.tsv", "entities.tsv")], check=True,
                         capture_output=True).stdout.decode("utf-8").split("\n")
    primary = set()
    for line in ent[1:]:
        if line:
            f = line.split("\t")
            primary.add((f[2], f[0]))
    raw = subprocess.run(["zstd", "-dc", src], check=True, capture_output=True).stdout
    rows = {}
    for i, line in enumerate(raw.decode("utf-8").split("\n")):
        if i == 0 or not line:
            continue
        name, typ, cid, lang, pop, source = line.split("\t")
        pop = int(pop) if pop else 0
        if len(name) < 3 or len(name.split()) > 4 or any(c.isdigit() for c in name):
            continue
        if not name[0].isupper():
            continue
        if name.lower() in (main_stop if typ == "country" and len(name) >= 5 else stop):
            continue
        if name.isupper() and len(name) <= 4:
            continue  # codes such as "RUS", "KP"
        if typ == "city":
            if "cities15000" in source and pop >= 100000:
                pass  # big cities: every alternate name
            elif "cities15000" in source and (pop >= 15000) and ((name, cid) in primary or name.isascii()):
                pass  # mid-size cities: primary and ASCII names
            elif (name, cid) in primary:
                typ = "town" if pop < 15000 else typ
            else:
                continue
        key = (name, cid)
        if key not in rows:
            rows[key] = (typ, pop)
    out = []
    for (name, cid), (typ, pop) in sorted(rows.items()):
        out.append(f"{name}\t{typ}\t{cid}\t{pop}")
    os.makedirs(os.path.join(data, "gazetteer"), exist_ok=True)
    dst = os.path.join(data, "gazetteer", "places.tsv.zst")
    subprocess.run(["zstd", "-19", "-q", "-f", "-o", dst], input=("\n".join(out) + "\n").encode(),
                   check=True)
    print(f"{len(out)} names -> {dst} ({os.path.getsize(dst)} bytes)")


if __name__ == "__main__":
    main()
