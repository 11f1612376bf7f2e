import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { readArticle } from '../../electron/services/import/readArticle';
import { EDIT_KINDS, type SimulationOutcome, simulate } from '../support/editSimulator';

// How well annotations survive new versions. Each article carries 50 random annotations (one to
// twenty words); 50 new versions are made of it, each with 5 random realistic edits (word changes,
// inserted and deleted sentences, moved paragraphs, white space and quote-style changes), so 250
// edits an article and 1,000 in all; every annotation is re-anchored from the first version into
// each new one and checked against where its words really went. Written to
// out/bench/reanchoring.json and .md. BENCH_SEED changes the random seed.

const RESULTS = fileURLToPath(new URL('../../out/bench/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const SEED = Number(process.env.BENCH_SEED ?? 2026);
const ARTICLES = [
  'ectc-terror-report.txt',
  'html/medium-1.html',
  'html/lemonde-1.html',
  'html/nytimes-1.html',
];

const percent = (part: number, whole: number) =>
  whole === 0 ? '–' : `${((100 * part) / whole).toFixed(2)} %`;

test('re-anchoring after 1,000 random realistic edits', async () => {
  test.setTimeout(10 * 60_000);
  const rows: { article: string; outcome: SimulationOutcome; milliseconds: number }[] = [];
  for (const [index, file] of ARTICLES.entries()) {
    const { text } = await readArticle(file, new Uint8Array(readFileSync(FIXTURES + file)));
    const started = performance.now();
    const outcome = simulate(text, { annotations: 50, rounds: 50, editsPerRound: 5, seed: SEED + index });
    rows.push({ article: file, outcome, milliseconds: performance.now() - started });
  }
  const total = rows.reduce(
    (sum, { outcome }) => ({
      edits: sum.edits + Object.values(outcome.edits).reduce((a, b) => a + b, 0),
      checked: sum.checked + outcome.annotationsChecked,
      survivors: sum.survivors + outcome.survivors,
      onTheirWords: sum.onTheirWords + outcome.survivorsOnTheirWords,
      survivorsFlagged: sum.survivorsFlagged + outcome.survivorsFlagged,
      casualties: sum.casualties + outcome.casualties,
      casualtiesFlagged: sum.casualtiesFlagged + outcome.casualtiesFlagged,
      unflaggedWrong: sum.unflaggedWrong + outcome.unflaggedWrong,
    }),
    {
      edits: 0,
      checked: 0,
      survivors: 0,
      onTheirWords: 0,
      survivorsFlagged: 0,
      casualties: 0,
      casualtiesFlagged: 0,
      unflaggedWrong: 0,
    },
  );
  const lines = [
    `# Re-anchoring after ${total.edits} random edits (seed ${SEED})`,
    '',
    '| article | edits | annotations checked | words survived | on their words | flagged (of survivors) | words lost | flagged (of lost) | unflagged on wrong words |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows
      .map(({ article, outcome }) =>
        [
          article,
          EDIT_KINDS.map((kind) => outcome.edits[kind]).reduce((a, b) => a + b, 0),
          outcome.annotationsChecked,
          outcome.survivors,
          percent(outcome.survivorsOnTheirWords, outcome.survivors),
          percent(outcome.survivorsFlagged, outcome.survivors),
          outcome.casualties,
          percent(outcome.casualtiesFlagged, outcome.casualties),
          outcome.unflaggedWrong,
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
    `| **all** | ${total.edits} | ${total.checked} | ${total.survivors} | ${percent(total.onTheirWords, total.survivors)} | ${percent(total.survivorsFlagged, total.survivors)} | ${total.casualties} | ${percent(total.casualtiesFlagged, total.casualties)} | ${total.unflaggedWrong} |`,
    '',
    `Edits by kind: ${EDIT_KINDS.map((kind) => `${kind} ${rows.reduce((sum, row) => sum + row.outcome.edits[kind], 0)}`).join(', ')}.`,
    `Statuses: ${(['exact', 'moved', 'changed', 'orphaned'] as const).map((status) => `${status} ${rows.reduce((sum, row) => sum + row.outcome.statuses[status], 0)}`).join(', ')}.`,
    `Time: ${rows.map((row) => `${row.article} ${Math.round(row.milliseconds)} ms`).join(', ')} (50 versions each, including the checking).`,
  ];
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(`${RESULTS}reanchoring.json`, JSON.stringify({ seed: SEED, total, rows }, null, 2));
  writeFileSync(`${RESULTS}reanchoring.md`, `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
});
