#!/usr/bin/python3
"""Offline training of the plain-text line model (data/text/line_model.txt).

Input: a JSONL dump, one page per line: {"id", "title", "with", "without", "lines", "x"} where
"x" holds each line's feature vector as computed by extract::line_model_features (the C++ code
is the only definition of the features; this script never recomputes them). Labels come from
the gold snippets of trafilatura-eval-text: a line holding a "with" snippet is body, one
holding a "without" snippet is not; other lines are unlabelled. Trained on the odd ids, the
even ids are held out. Needs numpy and scikit-learn; never run by recoupe itself.

The model is gradient-boosted decision trees (sklearn GradientBoostingClassifier, log-loss):
written as "bias" (the initial log-odds) and one "tree" block per tree, each node a line
"node FEATURE THRESHOLD LEFT RIGHT VALUE" (leaves: feature -1, the learning rate folded into
VALUE), which extract::TextLineModel sums into a log-odds.

A second stage (stacking, src/extract/text_line_context.h) reads the first stage's scores of
the lines around each line. It is trained on out-of-fold first-stage scores of the odd ids
(5 folds of pages, page k of the odd ids in fold k % 5), so that it learns how far the first
stage is to be trusted on pages it was not trained on; the even ids get the scores of the
first stage trained on all odd ids, as at run time. Its feature rows come from the C++ code
too: the script writes the scores and runs `TEXT_BENCH --context-features TEXT SCORES`.

The figures printed simulate TextLineModel::apply on the hand verdicts (x[0..2] are the hand
body / title / metadata flags); the chrome-blurb and author-note rules that follow it in
classify_lines are not simulated (the eval-extract figures are the reference).

Where the first stage is sure (below FIRST_SURE or above 1 - FIRST_SURE), the second stage may
only make it surer (see first_sure_ in src/extract/text_line_model.h: the second stage alone
carried runs of short lines beside the article into the body, which the snippets seldom test,
and cut sentences of clean wire texts).

usage: train_text_line_model.py DUMP.jsonl OUT_MODEL.txt [TREES DEPTH RATE THRESHOLD DEMOTE_BELOW
       [CONTEXT_TREES FIRST_SURE [TEXT_BENCH TEXT.jsonl.zst]]]
(defaults 60 3 0.15 0.55 0.3 40 0.3 build/text_bench
 ../shared/data/extraction/trafilatura-eval/trafilatura-eval-text.jsonl.zst; CONTEXT_TREES 0:
 no second stage). DUMP.jsonl is `TEXT_BENCH --features TEXT.jsonl.zst`.
"""
import json
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

SUBSAMPLE = 0.8
FOLDS = 5


def nw(s):
    return ' '.join(s.split())


def labels(d, lines):
    """Line index -> 1 (holds a "with" snippet) / 0 (holds only "without" snippets)."""
    y = {}
    for s in d['with']:
        i = next((i for i, t in enumerate(lines) if nw(s) in t), None)
        if i is not None:
            y[i] = 1
    for s in d['without']:
        i = next((i for i, t in enumerate(lines) if nw(s) in t), None)
        if i is not None:
            y.setdefault(i, 0)
    return y


def apply(x, p, th, demote_below):
    """The body lines after TextLineModel::apply (see its comments)."""
    n = len(x)
    body = [r[0] > 0.5 for r in x]
    out = list(body)
    for i in range(n):
        if body[i] and 0 < i < n - 1 and body[i - 1] and body[i + 1]:
            continue
        if x[i][1] > 0.5 or x[i][2] > 0.5:
            continue
        cued = x[i][17] > 0.5 or x[i][18] > 0.5 or x[i][19] > 0.5  # boilerplate/teaser/end cue
        if p[i] > th and not cued:
            out[i] = True
        elif body[i] and p[i] < demote_below:
            out[i] = False
    return out


def evaluate(pages, probs, th, demote_below):
    res = {0: [0, 0, 0, 0], 1: [0, 0, 0, 0]}
    for d in pages:
        h = int(d['id'][5:]) % 2
        keep = apply(d['x'], probs[d['id']], th, demote_below) if d['x'] else []
        text = '\n'.join(t for t, k in zip(d['lines'], keep) if k)
        for s in d['with']:
            res[h][0 if nw(s) in text else 1] += 1
        for s in d['without']:
            res[h][2 if nw(s) in text else 3] += 1
    for h in (1, 0):
        tp, fn, fp, tn = res[h]
        P, R = tp / (tp + fp), tp / (tp + fn)
        name = 'odd ids (training)' if h else 'even ids (held out)'
        print(f'threshold {th} {name}: P {P:.4f} R {R:.4f} F1 {2 * P * R / (P + R):.4f}')


def write_trees(o, clf):
    bias = float(clf._raw_predict_init(np.zeros((1, clf.n_features_in_)))[0, 0])
    o.write(f'bias {bias:.9g}\n')
    for est in clf.estimators_[:, 0]:
        t = est.tree_
        o.write('tree\n')
        for k in range(t.node_count):
            leaf = t.children_left[k] < 0
            f = -1 if leaf else int(t.feature[k])
            thr = 0.0 if leaf else float(t.threshold[k])
            val = clf.learning_rate * float(t.value[k][0][0]) if leaf else 0.0
            o.write(f'node {f} {thr:.9g} {int(t.children_left[k])} {int(t.children_right[k])} '
                    f'{val:.9g}\n')


def write_model(clf, context, out, th, demote_below, sure):
    with open(out, 'w') as o:
        o.write('# Plain-text line model: gradient-boosted trees over extract::line_model_features,\n'
                f'# {clf.n_estimators} trees of depth {clf.max_depth}, learning rate {clf.learning_rate}. '
                'Trained by\n# scripts/train_text_line_model.py on the odd ids of '
                'trafilatura-eval-text (Apache-2.0);\n# the even ids are held out. '
                f'Threshold {th}: chosen by 5-fold cross-validation on the odd ids\n'
                '# (pages kept whole in a fold), the more precise of the best F1s (0.5: P .876 R .894,\n'
                '# 0.55: P .881 R .891).\n')
        o.write(f'threshold {th}\n')
        o.write('# A line the hand rules call body is demoted only below demote_below: at 0.5 (a little\n'
                '# better in cross-validation) 105 of 772 ECB+ dev articles, whose text is clean, lost\n'
                '# real sentences, mostly their last, and the dev cross-check lost corroborations.\n')
        o.write(f'demote_below {demote_below}\n')
        write_trees(o, clf)
        if context is not None:
            o.write(f'# Second stage: {context.n_estimators} trees of depth {context.max_depth} over '
                    'the first stage\'s scores\n# around each line (src/extract/text_line_context.h), '
                    'trained on out-of-fold\n# first-stage scores of the odd ids.\n')
            o.write(f'first_sure {sure}\nstage context\n')
            write_trees(o, context)


def fit(xs, ys, trees, depth, rate):
    return GradientBoostingClassifier(n_estimators=trees, max_depth=depth, learning_rate=rate,
                                      subsample=SUBSAMPLE, random_state=0).fit(
                                          np.array(xs, dtype=np.float32), ys)


def training_rows(pages, key):
    xs, ys = [], []
    for d in pages:
        for i, v in labels(d, d['lines']).items():
            xs.append(d[key][i])
            ys.append(v)
    return xs, ys


def predict(clf, x):
    return clf.predict_proba(np.array(x, dtype=np.float32))[:, 1] if len(x) else np.zeros(0)


def first_stage_scores(pages, odd, model, trees, depth, rate):
    """Each page's first-stage probabilities: out of fold on the odd ids, else `model`'s."""
    p = {d['id']: predict(model, d['x']) for d in pages}
    for f in range(FOLDS):
        train = [d for k, d in enumerate(odd) if k % FOLDS != f]
        clf = fit(*training_rows(train, 'x'), trees, depth, rate)
        for d in odd[f::FOLDS]:
            p[d['id']] = predict(clf, d['x'])
    return p


def bounded(first, second, sure):
    """The second stage's probabilities where the first stage is unsure (TextLineModel)."""
    second = np.where(first < sure, np.minimum(first, second), second)
    return np.where(first > 1 - sure, np.maximum(first, second), second)


def context_rows(pages, scores, th, bench, text):
    """The second stage's rows of every page, from the C++ code (text_bench)."""
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl') as f:
        for d in pages:
            f.write(json.dumps({'id': d['id'], 'p': [float(v) for v in scores[d['id']]],
                                'threshold': th}) + '\n')
        f.flush()
        out = subprocess.run([bench, '--context-features', text, f.name], check=True,
                             capture_output=True, text=True).stdout.splitlines()
    rows = {r['id']: r['x'] for r in map(json.loads, out)}
    for d in pages:
        d['x2'] = rows[d['id']]


def main():
    dump, out = sys.argv[1], sys.argv[2]
    defaults = ['60', '3', '0.15', '0.55', '0.3', '40', '0.3', 'build/text_bench',
                '../shared/data/extraction/trafilatura-eval/trafilatura-eval-text.jsonl.zst']
    args = sys.argv[3:] + defaults[len(sys.argv) - 3:]
    trees, depth, rate = int(args[0]), int(args[1]), float(args[2])
    th, demote_below, context_trees = float(args[3]), float(args[4]), int(args[5])
    sure = float(args[6])
    pages = [json.loads(l) for l in open(dump)]
    for d in pages:
        d['lines'] = [nw(t) for t in d['lines']]
    odd = [d for d in pages if int(d['id'][5:]) % 2 == 1]
    clf = fit(*training_rows(odd, 'x'), trees, depth, rate)
    probs = {d['id']: predict(clf, d['x']) for d in pages}
    print('first stage alone:')
    evaluate(pages, probs, th, demote_below)
    context = None
    if context_trees > 0:
        scores = first_stage_scores(pages, odd, clf, trees, depth, rate)
        context_rows(pages, scores, th, args[7], args[8])
        context = fit(*training_rows(odd, 'x2'), context_trees, depth, rate)
        # As at run time: the rows of the first stage trained on all odd ids.
        context_rows(pages, probs, th, args[7], args[8])
        probs = {d['id']: bounded(probs[d['id']], predict(context, d['x2']), sure) for d in pages}
        print('with the second stage (odd ids: the first stage\'s training pages):')
        evaluate(pages, probs, th, demote_below)
    write_model(clf, context, out, th, demote_below, sure)


if __name__ == '__main__':
    main()
