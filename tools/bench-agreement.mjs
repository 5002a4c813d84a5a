// make bench, issue 17's rows: the agreement figures (span P/R/F1 exact and overlap, κ per pair,
// α over all, per label and overall) and the diff groups for three annotators of 1,000 spans each
// on 100,000 characters and of 10,000 spans each on 1,000,000. Native, in the model's test build
// (opt-level 2, the build `make test` makes): tests/agreement_bench.rs, median of 5 runs.
import { execFileSync } from 'node:child_process';

/** Runs the native bench and returns its rows ({ case, chars, annotators, spans, tokens,
 * groups, figures_ms, groups_ms }). */
export function agreementRows() {
  const out = execFileSync('cargo', ['test', '--locked', '--test', 'agreement_bench', '--', '--ignored', '--nocapture'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.split('\n').filter((l) => l.startsWith('agreement-bench ')).map((l) => JSON.parse(l.slice('agreement-bench '.length)));
}

/** One line per case. */
export function agreementTable(rows, fmt) {
  return rows
    .map((r) => `${r.case} (${r.annotators} annotators × ${r.spans} spans, ${r.tokens} tokens): figures ${fmt(r.figures_ms)} ms, diff groups ${fmt(r.groups_ms)} ms (${r.groups} groups)`)
    .join('\n');
}
