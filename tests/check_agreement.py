#!/usr/bin/env python3
"""Checks spanmark's agreement figures against the field's own implementations.

    .venv/bin/python tests/check_agreement.py      (make test-agreement; tools/setup.sh python makes .venv)

1. Generates cases in target/agreement-check/cases/<case>/: a text (ASCII, or with emoji, accents,
   Arabic and CRLF line ends), 2-4 annotators each written as a spanmark file, with nested,
   crossing, shifted, relabelled and missing spans, and the edge cases of issue 17: identical
   files, disjoint files, an annotator with no spans, a label only one annotator used, a text
   without words, no spans at all.
2. Has spanmark write each case's report (`cargo test --test agreement_report`, which reads the
   files as the Compare view does): report.json, report.csv, tokens.json, groups.json.
3. Recomputes every figure here: span precision/recall/F1 by a plain count (exact; overlap with
   each span matched at most once, in text order), Cohen's kappa with scikit-learn's
   cohen_kappa_score, Krippendorff's alpha (nominal) with the krippendorff package, and compares
   them with the report to 1e-9; an undefined figure (null) must be undefined here too (NaN, or
   the package refusing). The tokens come from tokens.json, so that the figures are what is
   tested; for the ASCII texts the tokens themselves are checked against a plain regex. Each
   report is also checked against schema/spanmark-agreement.schema.json, and the CSV against it.

Ends with `N passed, N failed` (one check per case); exits 1 if any failed.
"""
import csv
import hashlib
import io
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

try:
    import jsonschema
    import krippendorff
    import numpy as np
    from sklearn.metrics import cohen_kappa_score
except ImportError as e:
    sys.exit(f"check_agreement: {e}; run `tools/setup.sh python` (a .venv with scikit-learn, krippendorff and jsonschema)")

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schema" / "spanmark-agreement.schema.json").read_text(encoding="utf-8"))
CASES = ROOT / "target" / "agreement-check" / "cases"
LABELS = ["actor", "location", "claim", "event"]
EXTRA = "quote"  # a label the files bring that the document's tag set does not have
TOL = 1e-9

# ASCII words, some of which UAX #29 keeps whole across punctuation (can't, U.S, 3.5, 1,000).
ASCII_WORDS = ["the", "minister", "said", "talks", "in", "Paris", "can't", "U.S", "3.5", "1,000", "ceasefire",
               "July", "2025", "a1b2", "e.g", "x", "de", "escalation"]
ASCII_GAPS = [" ", " ", " ", ", ", ". ", " - ", "-", " (", ") ", "\r\n", "\n", "; ", "! ", " \"", "\" "]
WORLD_WORDS = ["Syria’s", "Café", "naïve", "أسعد", "الشيباني", "שר", "החוץ", "über", "东京", "👍🏽", "👩‍👩‍👦",
               "🇮🇱", "e\u0301", "Zoë", "talks", "2026"]
WORLD_GAPS = [" ", " ", "\r\n", "\r\n\r\n", " — ", "… ", " 🙂 ", ", ", "\u00a0"]
# A word by UAX #29 in ASCII text: letters and digits, joined across ' : . between letters and
# ' , . ; between digits.
ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+(?:(?:(?<=[A-Za-z])[':.](?=[A-Za-z])|(?<=[0-9])[',.;](?=[0-9]))[A-Za-z0-9]+)*")


def text_of(rng, words, gaps, n):
    out = []
    for i in range(n):
        out.append(rng.choice(words))
        if i < n - 1:
            out.append(rng.choice(gaps))
    return "".join(out)


def random_spans(rng, text, n, labels):
    """Spans at random code points (inside words, across line ends, nested, crossing)."""
    spans = set()
    length = len(text)
    if length < 2:
        return []
    for _ in range(n):
        start = rng.randrange(0, length - 1)
        end = min(length, start + rng.randint(1, max(1, min(40, length // 3))))
        spans.add((start, end, rng.choice(labels)))
    return sorted(spans)


def perturb(rng, text, base, labels):
    """Another annotator's version of `base`: spans kept, shifted, relabelled, dropped, added."""
    out = set()
    length = len(text)
    for (s, e, l) in base:
        r = rng.random()
        if r < 0.5:
            out.add((s, e, l))
        elif r < 0.65:
            ns = max(0, min(e - 1, s + rng.randint(-3, 3)))
            ne = max(ns + 1, min(length, e + rng.randint(-3, 3)))
            out.add((ns, ne, l))
        elif r < 0.8:
            out.add((s, e, rng.choice(labels)))
        elif r < 0.9:
            pass
        else:
            out.add((s, e, l))
            inner_s = rng.randint(s, e - 1)
            out.add((inner_s, rng.randint(inner_s + 1, e), l))  # nested
    for span in random_spans(rng, text, rng.randint(0, 3), labels):
        out.add(span)
    return sorted(out)


def generated(seed):
    rng = random.Random(seed)
    ascii_text = seed % 2 == 0
    if ascii_text:
        text = text_of(rng, ASCII_WORDS, ASCII_GAPS, rng.randint(15, 70))
    else:
        text = text_of(rng, WORLD_WORDS, WORLD_GAPS, rng.randint(15, 70))
    labels = LABELS[: rng.randint(1, 4)]
    base = random_spans(rng, text, rng.randint(3, 14), labels)
    coders = [perturb(rng, text, base, labels) for _ in range(rng.randint(2, 4))]
    if seed % 3 == 0:
        coders[-1] = sorted(set(coders[-1]) | {(0, min(len(text), 5), EXTRA)})  # one annotator's own label
    return f"seed-{seed:02d}", text, coders


def edge_cases():
    rng = random.Random(7)
    text = text_of(rng, ASCII_WORDS, ASCII_GAPS, 40)
    world = text_of(rng, WORLD_WORDS, WORLD_GAPS, 40)
    base = random_spans(rng, text, 10, LABELS)
    wbase = random_spans(rng, world, 10, LABELS)
    half = len(text) // 2
    yield "identical", text, [base, base, base]
    yield "identical-world", world, [wbase, wbase]
    yield "disjoint", text, [[(0, 5, "actor"), (10, 20, "claim")], [(30, 35, "actor"), (40, 50, "claim")]]
    yield "one-without-spans", text, [base, []]
    yield "no-spans-at-all", text, [[], [], []]
    yield "nested-crossing", text, [
        [(0, half, "actor"), (2, 6, "actor"), (5, 12, "location"), (20, 40, "claim")],
        [(1, 4, "actor"), (3, half + 5, "actor"), (8, 15, "location"), (25, 30, "claim"), (28, 45, "claim")],
        [(0, half, "actor"), (5, 12, "actor"), (20, 40, "claim"), (22, 24, "event")],
    ]
    yield "label-of-one", text, [[(0, 5, "actor"), (6, 9, "event")], [(0, 5, "actor")]]
    yield "no-words", "👍🏽 — 🙂\r\n!!! 🇮🇱 …", [[(0, 2, "actor")], [(0, 3, "actor")]]
    yield "emoji-crlf", "Ana 👩‍👩‍👦 met\r\nBen 🇮🇱 in Café\r\n\r\nend 👍🏽", [
        [(0, 3, "actor"), (4, 12, "event"), (15, 18, "actor"), (26, 30, "location")],
        [(0, 3, "actor"), (4, 13, "event"), (15, 22, "actor"), (23, 30, "location")],
        [(0, 12, "actor"), (15, 18, "location")],
    ]


def spanmark_file(title, text, spans, annotator):
    labels = sorted({l for (_, _, l) in spans} | set(LABELS))
    doc = {
        "format": "spanmark",
        "version": 1,
        "offset_unit": "codepoint",
        "exported_at": "2026-12-01T00:00:00Z",
        "document": {
            "title": title,
            "text": text,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "length": {
                "code_points": len(text),
                "utf16_units": len(text.encode("utf-16-le")) // 2,
                "utf8_bytes": len(text.encode("utf-8")),
            },
        },
        "labels": [{"id": l, "name": l.capitalize(), "colour": "#e69f00", "hotkey": ""} for l in labels],
        "annotations": [
            {"id": f"a{i + 1}", "label": l, "start": s, "end": e, "text": text[s:e]} for i, (s, e, l) in enumerate(spans)
        ],
    }
    if annotator is not None:
        doc["annotator"] = annotator
    return json.dumps(doc, ensure_ascii=False, indent=1)


NAMES = ["ana", "ben", "cy", "dee"]


def write_cases():
    if CASES.exists():
        shutil.rmtree(CASES)
    cases = {}
    all_cases = list(edge_cases()) + [generated(seed) for seed in range(24)]
    for name, text, coders in all_cases:
        d = CASES / name
        d.mkdir(parents=True)
        files = []
        for i, spans in enumerate(coders):
            # The last annotator of every other case is named by its file name alone.
            annotator = None if (i == len(coders) - 1 and len(name) % 2 == 0) else NAMES[i]
            file = f"{NAMES[i]}.spanmark.json"
            (d / file).write_text(spanmark_file(f"{name}.txt", text, spans, annotator), encoding="utf-8")
            files.append(file)
        case = {"title": f"{name}.txt", "text": text, "labels": LABELS, "files": files}
        (d / "case.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
        cases[name] = (text, [sorted(set(c)) for c in coders], text.isascii())
    return cases


# ---- the figures, recomputed ----

def overlaps(a, b):
    """Overlap tp: each span of a in text order takes the first unmatched span of b in text
    order with the same label that shares a code point."""
    taken = [False] * len(b)
    tp = 0
    for (s, e, l) in a:
        for k, (bs, be, bl) in enumerate(b):
            if not taken[k] and bl == l and bs < e and s < be:
                taken[k] = True
                tp += 1
                break
    return tp


def counts(a, b, key, overlap):
    if key != "all":
        a = [x for x in a if x[2] == key]
        b = [x for x in b if x[2] == key]
    tp = overlaps(a, b) if overlap else len(set(a) & set(b))
    return {"tp": tp, "fp": len(b) - tp, "fn": len(a) - tp}


def prf(c):
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else None
    return {"precision": p, "recall": r, "f1": f}


def categories(spans, tokens, key):
    """Per token: 1/0 in or out of `key`'s spans, or for "all" the sorted set of labels as a string."""
    out = []
    for (ts, te) in tokens:
        covering = sorted({l for (s, e, l) in spans if s < te and ts < e})
        out.append(("|".join(covering) or "-") if key == "all" else int(key in covering))
    return out


def kappa(x, y):
    if not x:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        k = cohen_kappa_score([str(v) for v in x], [str(v) for v in y])
    return None if math.isnan(k) else float(k)


def alpha(codings):
    if not codings or not codings[0]:
        return None
    values = sorted({str(v) for c in codings for v in c})
    index = {v: i for i, v in enumerate(values)}
    data = np.array([[index[str(v)] for v in c] for c in codings], dtype=float)
    try:
        a = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    except ValueError:  # "There has to be more than one value in the domain."
        return None
    return None if math.isnan(a) else float(a)


class Failed(Exception):
    pass


def same(where, got, want):
    if want is None or got is None:
        if want is not got and not (want is None and got is None):
            raise Failed(f"{where}: spanmark {got}, expected {want}")
        return
    if isinstance(want, float) or isinstance(got, float):
        if abs(got - want) > TOL:
            raise Failed(f"{where}: spanmark {got!r}, expected {want!r}")
    elif got != want:
        raise Failed(f"{where}: spanmark {got!r}, expected {want!r}")


def check(name, text, coders, is_ascii):
    d = CASES / name
    report = json.loads((d / "report.json").read_text(encoding="utf-8"))
    tokens = [tuple(t) for t in json.loads((d / "tokens.json").read_text(encoding="utf-8"))]
    groups = json.loads((d / "groups.json").read_text(encoding="utf-8"))
    try:
        jsonschema.validate(report, SCHEMA)
    except jsonschema.ValidationError as e:
        raise Failed(f"{name}: report.json does not fit schema/spanmark-agreement.schema.json: {e.message}")
    same(f"{name} format", report["format"], "spanmark-agreement")
    same(f"{name} version", report["version"], 1)
    same(f"{name} sha256", report["document"]["sha256"], hashlib.sha256(text.encode("utf-8")).hexdigest())
    # The last annotator of a case with a name of even length was named by its file.
    names = NAMES[: len(coders)]
    same(f"{name} annotators", report["annotators"], names)
    used = sorted({l for c in coders for (_, _, l) in c} - set(LABELS))
    keys = LABELS + used
    same(f"{name} labels", report["labels"], keys)
    if is_ascii:
        want = [(m.start(), m.end()) for m in ASCII_TOKEN.finditer(text)]
        same(f"{name} tokens (regex)", tokens, want)
    for (s, e) in tokens:
        if not any(ch.isalnum() for ch in text[s:e]):
            raise Failed(f"{name}: token {text[s:e]!r} has no letter or digit")
    pairs = [(i, j) for i in range(len(coders)) for j in range(i + 1, len(coders))]
    same(f"{name} pairs", [(p["a"], p["b"]) for p in report["pairs"]], [(names[i], names[j]) for i, j in pairs])
    cats = {k: [categories(c, tokens, k) for c in coders] for k in keys + ["all"]}
    for p, (i, j) in zip(report["pairs"], pairs):
        for key in keys + ["all"]:
            for measure, overlap in (("exact", False), ("overlap", True)):
                c = counts(coders[i], coders[j], key, overlap)
                got = p[measure][key]
                for field, value in list(c.items()) + list(prf(c).items()):
                    same(f"{name} {names[i]}-{names[j]} {measure} {key} {field}", got[field], value)
            same(f"{name} {names[i]}-{names[j]} kappa {key}", p["token_kappa"][key], kappa(cats[key][i], cats[key][j]))
    for key in keys + ["all"]:
        same(f"{name} alpha {key}", report["alpha"][key], alpha(cats[key]))
    want_groups = {}
    for i, c in enumerate(coders):
        for span in c:
            want_groups.setdefault(span, []).append(i)
    same(f"{name} groups", [(g["start"], g["end"], g["label"], g["by"]) for g in groups],
         [(s, e, l, by) for (s, e, l), by in sorted(want_groups.items())])
    if name.startswith("identical"):
        for p in report["pairs"]:
            for key in keys + ["all"]:
                for measure in ("exact", "overlap"):
                    for field in ("precision", "recall", "f1"):
                        if p[measure][key][field] not in (None, 1.0):
                            raise Failed(f"{name}: {measure} {key} {field} is {p[measure][key][field]}, not 1")
                if p["token_kappa"][key] not in (None, 1.0):
                    raise Failed(f"{name}: kappa {key} is {p['token_kappa'][key]}, not 1")
        if report["alpha"]["all"] != 1.0:
            raise Failed(f"{name}: alpha is {report['alpha']['all']}, not 1")
    # The CSV holds the same figures: one row per pair x key x measure, then alpha per key.
    rows = list(csv.DictReader(io.StringIO((d / "report.csv").read_text(encoding="utf-8"), newline="")))
    same(f"{name} csv rows", len(rows), len(pairs) * (len(keys) + 1) * 3 + len(keys) + 1)
    for row in rows:
        if row["measure"] == "alpha":
            want = report["alpha"][row["label"]]
        else:
            pair = report["pairs"][[(names[i], names[j]) for i, j in pairs].index((row["a"], row["b"]))]
            want = pair["token_kappa"][row["label"]] if row["measure"] == "token_kappa" else pair[row["measure"]][row["label"]]["f1"]
        same(f"{name} csv {row['a']}-{row['b']} {row['measure']} {row['label']}",
             float(row["value"]) if row["value"] else None, want)


def main():
    cases = write_cases()
    env = dict(os.environ, AGREEMENT_CASES=str(CASES))
    run = subprocess.run(["cargo", "test", "--locked", "--test", "agreement_report", "--", "--nocapture"],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stdout[-4000:], run.stderr[-4000:], sep="\n", file=sys.stderr)
        sys.exit("check_agreement: spanmark did not write the reports")
    passed, failed = 0, 0
    for name, (text, coders, is_ascii) in cases.items():
        try:
            check(name, text, coders, is_ascii)
            passed += 1
        except Failed as e:
            print(f"FAIL {e}", file=sys.stderr)
            failed += 1
    figures = sum(len(json.loads((CASES / n / "tokens.json").read_text())) for n in cases)
    print(f"agreement: {len(cases)} cases ({figures} tokens) checked against scikit-learn and krippendorff")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
