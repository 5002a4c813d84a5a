#!/usr/bin/env python3
"""A cross-check of spanmark's exports outside Rust, in Python (its standard library, and `regex` for graphemes).

    python3 tests/check_exports.py --text DOC.txt [--doccano-unit codepoint|utf16|grapheme] EXPORT...

For each exported file it asserts that every quoted text equals text[start:end] in the file's own
declared unit (Python strings index code points; files that declare UTF-16 are converted; doccano's
grapheme mode is counted in extended grapheme clusters, the `regex` module's \\X), then
prints, as JSON, the sorted [label, quote] pairs each file holds, so a caller can compare formats.
Exits 1, naming the file and the span, at the first disagreement.
"""
import argparse
import io
import json
import os
import sys
import zipfile


def fail(name, message):
    print(f"{name}: {message}", file=sys.stderr)
    sys.exit(1)


def utf16_slice(text, start, end):
    units = text.encode("utf-16-le")
    return units[2 * start:2 * end].decode("utf-16-le")


def grapheme_slice(text, start, end):
    import regex  # the one module beyond the standard library: Python has no grapheme clusters

    return "".join(regex.findall(r"\X", text)[start:end])


def expect(name, what, got, want):
    if got != want:
        fail(name, f"{what}: file says {got!r}, text[start:end] is {want!r}")


def spanmark(name, data, text):
    f = json.loads(data)
    expect(name, "document.text", f["document"]["text"], text)
    n = f["document"]["length"]
    expect(name, "length", (n["code_points"], n["utf16_units"], n["utf8_bytes"]),
           (len(text), len(text.encode("utf-16-le")) // 2, len(text.encode("utf-8"))))
    names = {l["id"]: l["name"] for l in f["labels"]}
    out = []
    for a in f["annotations"]:
        s, e = a["start"], a["end"]
        expect(name, f"annotation {a['id']}", a["text"], text[s:e])
        expect(name, f"annotation {a['id']} prefix", a["prefix"], text[max(0, s - 32):s])
        expect(name, f"annotation {a['id']} suffix", a["suffix"], text[e:e + 32])
        out.append([names[a["label"]], text[s:e]])
    return out


def w3c(name, data, text):
    f = json.loads(data)
    out = []
    for a in f["first"]["items"]:
        sel = {s["type"]: s for s in a["target"]["selector"]}
        s, e = sel["TextPositionSelector"]["start"], sel["TextPositionSelector"]["end"]
        q = sel["TextQuoteSelector"]
        expect(name, "exact", q["exact"], text[s:e])
        expect(name, "prefix", q["prefix"], text[max(0, s - 32):s])
        expect(name, "suffix", q["suffix"], text[e:e + 32])
        tags = [b["value"] for b in a["body"] if b.get("purpose") == "tagging"]
        out.append([tags[0], text[s:e]])
    return out


def brat(name, data, text):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        txt = [n for n in names if n.endswith(".txt")]
        ann = [n for n in names if n.endswith(".ann")]
        if len(txt) != 1 or len(ann) != 1:
            fail(name, f"expected one .txt and one .ann, found {names}")
        expect(name, ".txt", z.read(txt[0]).decode("utf-8"), text)
        lines = z.read(ann[0]).decode("utf-8").splitlines()
    out = []
    for line in lines:
        tid, middle, quote = line.split("\t", 2)
        label, offsets = middle.split(" ", 1)
        fragments = [tuple(map(int, f.split())) for f in offsets.split(";")]
        expect(name, tid, quote, " ".join(text[s:e] for s, e in fragments))
        for s, e in fragments:
            if "\n" in text[s:e] or "\r" in text[s:e]:
                fail(name, f"{tid}: fragment {s} {e} crosses a line break")
        out.append([label, text[fragments[0][0]:fragments[-1][1]]])
    return out


def doccano(name, data, text, unit):
    out = []
    for line in data.decode("utf-8").splitlines():
        r = json.loads(line)
        expect(name, "text", r["text"], text)
        for e in r["entities"]:
            s, t = e["start_offset"], e["end_offset"]
            slicer = {"utf16": utf16_slice, "grapheme": grapheme_slice}.get(unit, lambda x, a, b: x[a:b])
            out.append([e["label"], slicer(text, s, t)])
    return out


def labelstudio(name, data, text):
    out = []
    for task in json.loads(data):
        expect(name, "data.text", task["data"]["text"], text)
        for a in task["annotations"]:
            for r in a["result"]:
                v = r["value"]
                expect(name, f"result {r['id']}", v["text"], text[v["start"]:v["end"]])
                out.extend([label, v["text"]] for label in v["labels"])
    return out


def spacy_jsonl(name, data, text):
    out = []
    for line in data.decode("utf-8").splitlines():
        r = json.loads(line)
        expect(name, "text", r["text"], text)
        out.extend([s["label"], text[s["start"]:s["end"]]] for s in r["spans"])
    return out


def conll(name, data, text):
    """Re-aligns the tokens to the text in order and rebuilds the B-/I- runs as spans."""
    out, pos, current = [], 0, None
    for line in data.decode("utf-8").splitlines():
        if not line:
            continue
        token, tag = line.rsplit("\t", 1)
        at = text.find(token, pos)
        if at < 0 or text[pos:at].strip():
            fail(name, f"token {token!r} is not the next text after offset {pos}")
        pos = at + len(token)
        if tag.startswith("B-") or (tag.startswith("I-") and current is None):
            if current:
                out.append([current[0], text[current[1]:current[2]]])
            current = [tag[2:], at, pos]
        elif tag.startswith("I-"):
            current[2] = pos
        else:
            if current:
                out.append([current[0], text[current[1]:current[2]]])
            current = None
    if current:
        out.append([current[0], text[current[1]:current[2]]])
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--text", required=True)
    p.add_argument("--doccano-unit", choices=["codepoint", "utf16", "grapheme"], default="codepoint")
    p.add_argument("exports", nargs="+")
    args = p.parse_args()
    with open(args.text, encoding="utf-8", newline="") as f:
        text = f.read()
    result = {}
    for path in args.exports:
        name = os.path.basename(path)
        with open(path, "rb") as f:
            data = f.read()
        readers = {
            ".spanmark.json": spanmark,
            ".w3c.jsonld": w3c,
            ".brat.zip": brat,
            ".doccano.jsonl": lambda n, d, t: doccano(n, d, t, args.doccano_unit),
            ".labelstudio.json": labelstudio,
            ".spacy.jsonl": spacy_jsonl,
            ".conll": conll,
        }
        reader = next((r for suffix, r in readers.items() if name.endswith(suffix)), None)
        if reader is None:
            fail(name, "unknown export")
        result[name] = sorted(reader(name, data, text))
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
