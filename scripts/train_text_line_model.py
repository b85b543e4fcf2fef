#!/usr/bin/python3
"""Offline training of the plain-text line model (data/text/line_model.txt).

Input: a JSONL dump, one page per line: {"id", "title", "with", "without", "lines", "x"} where
"x" holds each line's feature vector as computed by extract::line_model_features (the C++ code
is the only definition of the features; this script never recomputes them). Labels come from
the gold snippets of trafilatura-eval-text: a line holding a "with" snippet is body, one
holding a "without" snippet is not; other lines are unlabelled. Trained on the odd ids, the
even ids are held out. Needs numpy and scikit-learn; never run by recoupe itself.

usage: train_text_line_model.py DUMP.jsonl OUT_MODEL.txt [C] [THRESHOLD]
"""
import json
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression


def nw(s):
    return ' '.join(s.split())


def main():
    dump, out = sys.argv[1], sys.argv[2]
    C = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    pages = [json.loads(l) for l in open(dump)]
    xs, ys = [], []
    for d in pages:
        if int(d['id'][5:]) % 2 == 0:
            continue
        lines = [nw(t) for t in d['lines']]
        y = {}
        for s in d['with']:
            i = next((i for i, t in enumerate(lines) if nw(s) in t), None)
            if i is not None:
                y[i] = 1
        for s in d['without']:
            i = next((i for i, t in enumerate(lines) if nw(s) in t), None)
            if i is not None:
                y.setdefault(i, 0)
        for i, v in y.items():
            xs.append(d['x'][i])
            ys.append(v)
    clf = LogisticRegression(C=C, max_iter=5000).fit(np.array(xs), np.array(ys))
    probs = {d['id']: clf.predict_proba(np.array(d['x']))[:, 1] for d in pages if d['x']}
    best = None
    for th in (0.4, 0.45, 0.5, 0.55, 0.6):
        res = {0: [0, 0, 0, 0], 1: [0, 0, 0, 0]}
        for d in pages:
            h = int(d['id'][5:]) % 2
            p = probs.get(d['id'], [])
            text = nw(' '.join(t for i, (t, q) in enumerate(zip(d['lines'], p))
                              if q > th and i != d['title']))
            for s in d['with']:
                res[h][0 if nw(s) in text else 1] += 1
            for s in d['without']:
                res[h][2 if nw(s) in text else 3] += 1
        f = {}
        for h in (1, 0):
            tp, fn, fp, tn = res[h]
            P, R = tp / (tp + fp), tp / (tp + fn)
            f[h] = 2 * P * R / (P + R)
            print(f'threshold {th} {"odd " if h else "even"} P {P:.4f} R {R:.4f} F1 {f[h]:.4f}')
        if best is None or f[1] > best[1]:  # chosen on the training (odd) half only
            best = (th, f[1])
    th = float(sys.argv[4]) if len(sys.argv) > 4 else best[0]
    with open(out, 'w') as o:
        o.write('# Plain-text line model: logistic regression, weights in extract::line_model_features\n')
        o.write('# order. Trained by scripts/train_text_line_model.py on the odd ids of\n')
        o.write('# trafilatura-eval-text (Apache-2.0), threshold chosen on the odd ids.\n')
        o.write(f'bias {clf.intercept_[0]:.6g}\nthreshold {th}\ndemote_below 0.3\n')
        for w in clf.coef_[0]:
            o.write(f'{w:.6g}\n')


if __name__ == '__main__':
    main()
