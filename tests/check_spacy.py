#!/usr/bin/env python3
"""Loads a spanmark spaCy export with spaCy itself: every span must come back through
doc.char_span() with the text at its offsets.

    python3 tests/check_spacy.py EXPORT.spacy.jsonl

Prints the number of spans checked; exits 1 naming a span that does not come back.
"""
import json
import sys

import spacy


def main():
    nlp = spacy.blank("en")
    checked = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            text = record["text"]
            doc = nlp.make_doc(text)
            for s in record["spans"]:
                span = doc.char_span(s["start"], s["end"], label=s["label"])
                if span is None:
                    print(f"span {s} ({text[s['start']:s['end']]!r}) does not fall on spaCy token boundaries", file=sys.stderr)
                    sys.exit(1)
                if span.text != text[s["start"]:s["end"]] or span.label_ != s["label"]:
                    print(f"span {s} came back as {span.text!r} {span.label_}", file=sys.stderr)
                    sys.exit(1)
                checked += 1
    print(checked)


if __name__ == "__main__":
    main()
