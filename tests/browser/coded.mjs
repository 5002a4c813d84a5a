// Relations, notes and attributes through real files: a brat .ann with relations opened onto its
// text, then every format exported, each file holding what its format can (a relation as a W3C
// linking annotation, a doccano relation, a Label Studio relation result, a brat R line) and the
// app saying what the others left out.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert, assertEqual, assertSoon } from './harness.mjs';
import { exportAs, highlights, notices, openFiles } from './page.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const coded = (name) => join(root, 'tests/fixtures/coded', name);
const W3C_SUITE = join(root, '..', 'shared', 'w3c-annotation-model');

test('a brat file with relations, notes and attributes: every export holds what its format can, and says what it left out', async ({ page }) => {
  await openFiles(page, coded('relations.txt'));
  await assertSoon(() => page.locator('nav.documents .doc.current .doc-name').textContent(), 'relations.txt', 'the text is open');
  await openFiles(page, coded('relations.ann'));
  await assertSoon(async () => (await highlights(page)).length, 4, 'the four spans are placed');
  assert((await notices(page)).some((n) => n.includes('4 annotations, 2 relations')), `the import counts the relations: ${await notices(page)}`);

  const dir = await mkdtemp(join(tmpdir(), 'spanmark-coded-'));
  const file = async (format) => exportAs(page, format, dir);
  // W3C: two linking annotations, from the claim to the actor and from the event to the place.
  const w3c = await file('W3C Web Annotation');
  const items = JSON.parse(await readFile(w3c, 'utf8')).first.items;
  const quote = (id) => items.find((a) => a.id === id)?.target.selector[0].exact;
  const links = items.filter((a) => a.motivation === 'linking').map((a) => [quote(a.target[0].id), quote(a.target[1].id), a.body[0].value]);
  assertEqual(links.sort(), [['the clashes', 'Syria', 'happened in'], ['the talks in Paris would calm tensions', 'Ron Dermer', 'said by']], 'W3C: the relations, from → to');
  const claim = items.find((a) => quote(a.id) === 'the talks in Paris would calm tensions');
  assertEqual(claim.body.map((b) => [b.purpose, b.value]), [['tagging', 'Claim'], ['describing', 'stance=hedges']], 'W3C: the attribute');
  if (existsSync(W3C_SUITE)) {
    const r = JSON.parse(execFileSync('python3', ['tests/check_w3c.py', w3c], { cwd: root, encoding: 'utf8' }))[w3c.split('/').pop()];
    assertEqual(r.must_failures, [], 'W3C with relations: no MUST of the suite fails');
    // Every SHOULD that applies passes but `created`: brat says not when its spans and relations
    // were made, and spanmark does not invent it (formats.mjs checks relations linked by hand).
    assertEqual(r.should_failures.map((f) => f.assertion), ['3.3.1-annotationCreatedImplemented'], 'W3C with relations: only created is lacking');
    assertEqual([r.listed_but_passing, r.listed_but_not_a_should], [[], []], 'W3C with relations: the not-applicable lists stay true');
    assertEqual(r.should_not_applicable_to_links, ['4.2.4-prefix', '4.2.4-suffix'], 'W3C with relations: the quote SHOULDs left out for relations only');
  }
  // doccano: relations between the entities' numbers.
  const line = JSON.parse(await readFile(await file('doccano JSONL'), 'utf8'));
  const entity = (id) => line.entities.find((e) => e.id === id)?.label;
  assertEqual(line.relations.map((r) => [entity(r.from_id), entity(r.to_id), r.type]).sort(), [['Claim', 'Actor', 'said by'], ['Event', 'Location', 'happened in']], 'doccano: the relations');
  assert((await notices(page)).some((n) => n.includes('doccano JSONL cannot hold notes or attribute values: 1 note and 2 attribute values are not in relations.doccano.jsonl.')), `doccano: what it left out: ${await notices(page)}`);
  // Label Studio: relation results, a per-region textarea and choices.
  const result = JSON.parse(await readFile(await file('Label Studio JSON'), 'utf8'))[0].annotations[0].result;
  assertEqual(result.filter((r) => r.type === 'relation').length, 2, 'Label Studio: two relation results');
  assertEqual(result.find((r) => r.type === 'textarea')?.value.text, ['Reported by two agencies'], 'Label Studio: the note');
  // spaCy and CoNLL hold spans only: the app counts the rest.
  await file('spaCy JSONL');
  await assertSoon(
    async () => (await notices(page)).some((n) => n.includes('spaCy JSONL cannot hold relations, notes or attribute values: 2 relations, 1 note and 2 attribute values are not in relations.spacy.jsonl.')),
    true,
    'spaCy: what it left out',
  );
  await file('CoNLL BIO');
  await assertSoon(async () => (await notices(page)).some((n) => n.includes('2 relations, 1 note and 2 attribute values are not in relations.conll.')), true, 'CoNLL: what it left out');
  // The file came in as one step: one undo takes it all back.
  await page.keyboard.press('Control+z');
  await assertSoon(async () => (await highlights(page)).length, 0, 'one undo removes the file’s spans and relations');
});
