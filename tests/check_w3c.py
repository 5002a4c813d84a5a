#!/usr/bin/env python3
"""spanmark's W3C export run through the W3C Web Annotation Data Model's own conformance suite.

    python3 tests/check_w3c.py [--suite DIR] [--docs docs/formats.md] EXPORT.w3c.jsonld...

The suite (web-platform-tests' `annotation-model`, data only) sits beside the project, in
`../shared/w3c-annotation-model/`; it is read from there, never copied here. Its `.test` files list
assertions, each a draft-04 JSON Schema with an `assertionType` (must / should / may) and an
`expectedResult` (valid / invalid). They are evaluated as the suite's JSONtest harness does: the
seven schemas of `definitions/` registered under their `id`s, formats checked, and an assertion
passes when the outcome of validation is the expected one (an unexpected result may tell the harness
to skip or abort the rest, `onUnexpectedResult`; no assertion of this suite does).

Each export is checked as a whole by the collection and page tests, and each of its annotations,
taken out of the collection on its own, by the annotation tests. An assertion that passes only
through a quirk of the suite (one of the README's vacuous definitions, or a `required` that draft-04
ignores because it sits beside a `$ref`) passes *vacuously*: it proves nothing.

A MUST that fails fails the check. So does a SHOULD that fails or passes only vacuously, unless
docs/formats.md lists it as not applicable (the table after the `w3c-not-applicable` marker), and so
does a listed SHOULD that truly passes (the list must stay true). A SHOULD listed after the
`w3c-not-applicable-to-links` marker is not applicable to a relation (an annotation with
`motivation: "linking"`, whose targets are annotations, not text): its outcome on those is left
out, and counts on every other annotation; listed, it must fail on each relation of the file. MAYs
are reported, not counted.

Prints, as JSON, per file: `ok`, the counts per test group and assertion type, and what failed; a
readable summary goes to standard error. Exits 2 when the suite or the docs cannot be read.
"""
import argparse
import json
import os
import re
import sys

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT4

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SUITE = os.path.join(ROOT, "..", "shared", "w3c-annotation-model")
DOCS = os.path.join(ROOT, "docs", "formats.md")

# The tests that apply to an export: the whole file (collection, and the page it embeds), and each
# annotation on its own.
WHOLE = ["collections/collectionMusts.test", "collections/collectionOptionals.test",
         "collections/pages/pageMusts.test", "collections/pages/pageOptionals.test"]
EACH = ["annotations/annotationMusts.test", "annotations/annotationOptionals.test",
        "annotations/annotationsAgentOptionals.test"]

# Definitions the suite's README names as passing vacuously (a `required` missing or misplaced, a
# `"$ref "` key with a space): an assertion built on one says nothing, whatever its outcome.
VACUOUS = ("sourceEwrDetected", "itemEwrDetected", "refinedByDetected", "stateDetected")

# Keys that do not validate: what stays beside a `$ref` when its siblings are made to count.
NOT_VALIDATING = {"id", "$schema", "title", "description", "definitions", "assertionType", "expectedResult",
                  "onUnexpectedResult", "errorMessage"}

# The formats the schemas use, checked as the harness's validator checks them.
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$")
DATE_TIME = re.compile(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?"
    r"([Zz]|[+-]([01]\d|2[0-3]):?[0-5]\d)$")


def formats():
    checker = FormatChecker(formats=())
    checker.checks("uri")(lambda v: not isinstance(v, str) or bool(URI.match(v)))
    checker.checks("date-time")(lambda v: not isinstance(v, str) or bool(DATE_TIME.match(v)))
    return checker


def strict(node):
    """`node` with what draft-04 ignores made to count: a `$ref`'s siblings (the suite puts
    `required` beside `$ref` in places) and a `"$ref "` key. An assertion that passes as the harness
    runs it but fails this way passes only through such a quirk: vacuously."""
    if isinstance(node, list):
        return [strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: strict(v) for k, v in node.items()}
    ref = node.pop("$ref", None) or node.pop("$ref ", None)
    if ref is None:
        return node
    rest = {k: v for k, v in node.items() if k not in NOT_VALIDATING}
    kept = {k: v for k, v in node.items() if k in NOT_VALIDATING}
    return {**kept, "allOf": [{"$ref": ref}, rest]} if rest else {**kept, "$ref": ref}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Suite:
    def __init__(self, folder):
        self.folder = folder
        names = sorted(os.listdir(os.path.join(folder, "definitions")))
        defs = [load(os.path.join(folder, "definitions", n)) for n in names]
        self.registry = Registry().with_resources((d["id"], DRAFT4.create_resource(d)) for d in defs)
        self.strict = Registry().with_resources((d["id"], DRAFT4.create_resource(strict(d))) for d in defs)
        self.formats = formats()
        self.cache = {}

    def assertions(self, test):
        """The assertions of a `.test` file, in order: (file, schema, validator, strict validator,
        built on a vacuous definition)."""
        out = []
        for ref in flatten(load(os.path.join(self.folder, test))["assertions"]):
            if ref not in self.cache:
                with open(os.path.join(self.folder, ref), encoding="utf-8") as f:
                    text = f.read()
                schema = json.loads(text)
                validator = Draft4Validator(schema, registry=self.registry, format_checker=self.formats)
                exacting = Draft4Validator(strict(schema), registry=self.strict, format_checker=self.formats)
                self.cache[ref] = (ref, schema, validator, exacting, any(v in text for v in VACUOUS))
            out.append(self.cache[ref])
        return out

    def run(self, test, instance):
        """Runs a test on one instance as the harness does: (file, schema, outcome) per assertion,
        the outcome "passed", "vacuous" (passed, but only through a quirk), "failed" or "skipped"."""
        results, action = [], "continue"
        for ref, schema, validator, exacting, vacuous in self.assertions(test):
            if action != "continue":
                results.append((ref, schema, "skipped"))
                continue
            expected = schema.get("expectedResult", "valid") == "valid"
            if validator.is_valid(instance) != expected:
                action = {"failAndSkip": "skip", "failAndAbort": "abort", "passAndSkip": "skip",
                          "passAndAbort": "abort"}.get(schema.get("onUnexpectedResult"), "continue")
                results.append((ref, schema, "failed"))
            elif vacuous or exacting.is_valid(instance) != expected:
                results.append((ref, schema, "vacuous"))
            else:
                results.append((ref, schema, "passed"))
        return results


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def not_applicable(docs, marker="w3c-not-applicable"):
    """The SHOULDs docs/formats.md lists as not applicable: the assertion names in backticks in the
    first cell of each row of the table that follows `marker` (a comment ending right after it)."""
    with open(docs, encoding="utf-8") as f:
        text = f.read()
    at = text.find(marker + ":")
    if at < 0:
        raise ValueError(f"{docs} has no {marker} list")
    names, rows = [], False
    for line in text[at:].splitlines()[1:]:
        if not line.startswith("|"):
            if rows:
                break
            continue
        rows = True
        names += re.findall(r"`([^`]+)`", line.split("|")[1])
    return names


def name(ref):
    return os.path.basename(ref).removesuffix(".json")


# The worst outcome across instances decides an assertion's.
RANK = {"passed": 0, "vacuous": 1, "skipped": 2, "failed": 3}


def linking(annotation):
    return isinstance(annotation, dict) and annotation.get("motivation") == "linking"


def check(suite, exceptions, path, for_links=()):
    export = load(path)
    items = export.get("first", {}).get("items", []) if isinstance(export, dict) else []
    runs = [(t, [("the file", export)]) for t in WHOLE]
    runs += [(t, [(f"annotation {a.get('id', i)}", a) for i, a in enumerate(items)]) for t in EACH]
    groups, must_failures, lacking, links_passing = {}, [], {}, set()
    for test, instances in runs:
        outcome = {}
        for what, instance in instances:
            for ref, schema, result in suite.run(test, instance):
                if linking(instance) and name(ref) in for_links and schema.get("assertionType") == "should":
                    if result == "passed":
                        links_passing.add(name(ref))
                    continue
                entry = outcome.setdefault(ref, {"schema": schema, "result": "passed", "where": []})
                if RANK[result] > RANK[entry["result"]]:
                    entry["result"] = result
                if result == "failed":
                    entry["where"].append(what)
        group = groups.setdefault(os.path.basename(test).removesuffix(".test"), {})
        for ref, entry in outcome.items():
            kind, result = entry["schema"].get("assertionType", "must"), entry["result"]
            counts = group.setdefault(kind, {"passed": 0, "vacuous": 0, "failed": 0, "skipped": 0})
            counts[result] += 1
            message = entry["schema"].get("errorMessage", "").strip()
            where = entry["where"][:3] + (["…"] if len(entry["where"]) > 3 else [])
            if kind == "must" and result in ("failed", "skipped"):
                must_failures.append({"assertion": name(ref), "where": where, "message": message})
            if kind == "should" and result != "passed":
                lacking[name(ref)] = {"assertion": name(ref), "result": result, "message": message}
    shoulds = {name(r) for r, s, *_ in suite.cache.values() if s.get("assertionType") == "should"}
    unexpected = [f for n, f in sorted(lacking.items()) if n not in exceptions]
    stale = sorted(e for e in exceptions if e in shoulds and e not in lacking) + sorted(links_passing)
    unknown = sorted(e for e in [*exceptions, *for_links] if e not in shoulds)
    return {
        "ok": not must_failures and not unexpected and not stale and not unknown,
        "annotations": len(items),
        "groups": groups,
        "must_failures": must_failures,
        "should_not_applicable": sorted(n for n in lacking if n in exceptions),
        "should_not_applicable_to_links": sorted(for_links) if any(linking(a) for a in items) else [],
        "should_failures": unexpected,
        "listed_but_passing": stale,
        "listed_but_not_a_should": unknown,
    }


def summary(path, r):
    lines = [f"{os.path.basename(path)}: {'ok' if r['ok'] else 'FAILED'} ({r['annotations']} annotations)"]
    for group, counts in r["groups"].items():
        parts = []
        for kind, c in counts.items():
            extra = "".join(f", {c[k]} {k}" for k in ("vacuous", "skipped") if c[k])
            parts.append(f"{kind} {c['passed']}/{sum(c.values())} passed{extra}")
        lines.append(f"  {group}: " + "; ".join(parts))
    for f in r["must_failures"]:
        lines.append(f"  MUST failed: {f['assertion']} ({', '.join(f['where'])}): {f['message']}")
    for f in r["should_failures"]:
        lines.append(f"  SHOULD {f['result']}, not listed as not applicable: {f['assertion']}: {f['message']}")
    for s in r["listed_but_passing"]:
        lines.append(f"  listed as not applicable but passes: {s}")
    for s in r["listed_but_not_a_should"]:
        lines.append(f"  listed as not applicable but no SHOULD of the suite: {s}")
    if r["should_not_applicable"]:
        lines.append("  SHOULDs not applicable (docs/formats.md): " + ", ".join(r["should_not_applicable"]))
    if r["should_not_applicable_to_links"]:
        lines.append("  SHOULDs not applicable to relations (docs/formats.md): "
                     + ", ".join(r["should_not_applicable_to_links"]))
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--suite", default=SUITE)
    p.add_argument("--docs", default=DOCS)
    p.add_argument("exports", nargs="+")
    args = p.parse_args()
    try:
        suite = Suite(args.suite)
        exceptions = not_applicable(args.docs)
        for_links = not_applicable(args.docs, "w3c-not-applicable-to-links")
    except (OSError, ValueError, KeyError) as e:
        print(f"check_w3c: {e}", file=sys.stderr)
        sys.exit(2)
    results = {}
    for path in args.exports:
        results[os.path.basename(path)] = r = check(suite, exceptions, path, for_links)
        print(summary(path, r), file=sys.stderr)
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
