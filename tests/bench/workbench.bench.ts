import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, test } from '@playwright/test';
import type { Report } from '../../shared/model';
import { referenceText, repeatedArticle, spreadAnnotations } from './benchCorpus';
import { type FloorInput, measureFloor, usedHeap } from './floor';
import {
  type ChangeTiming,
  measureChanges,
  measureFilter,
  measureJump,
  measureOpen,
  measureScroll,
  measureStep,
} from './pageMeasures';
import { summarize } from './statistics';

// Drives the real product: the library is prepared through the CLI, then `margin serve` is measured
// in Chromium. In the same run and the same browser, interleaved round by round, the plain-DOM
// floor draws the same text with the same highlight ranges (see floor.ts), so every figure can be
// read as a ratio to what a browser needs at least. Medians, 90th and 99th percentiles are written
// to out/bench/results.json and results.md.

const CLI = fileURLToPath(new URL('../../out/main/margin.js', import.meta.url));
const RESULTS = fileURLToPath(new URL('../../out/bench/', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CASES = [
  { name: '50 KB, 1,000', bytes: 50_000, annotations: 1_000 },
  { name: '1 MB, 10,000', bytes: 1_000_000, annotations: 10_000 },
  { name: '5 MB, 50,000', bytes: 5_000_000, annotations: 50_000 },
].filter(
  (benchCase) =>
    !process.env.BENCH_CASES || process.env.BENCH_CASES.split(',').includes(String(benchCase.bytes)),
);

function cli(database: string, ...args: string[]): { stdout: string; milliseconds: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args, '--db', database], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) throw new Error(`margin ${args[0]} failed: ${result.stderr}`);
  return { stdout: result.stdout, milliseconds: performance.now() - started };
}

async function serve(
  database: string,
): Promise<{ child: ChildProcess; url: string; token: string; port: number }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', database, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  return new Promise((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      try {
        resolve({ child, ...(JSON.parse(output) as { url: string; token: string; port: number }) });
      } catch {
        // Not all of it yet.
      }
    });
  });
}

/** Prepares a library with the small reference article (opened last) and a large annotated copy. */
function prepare(folder: string, bytes: number, count: number) {
  const database = join(folder, 'bench.db');
  const article = join(folder, `article-${bytes}.txt`);
  writeFileSync(article, repeatedArticle(referenceText(), bytes));
  const [imported] = JSON.parse(cli(database, 'import', article, '--json').stdout) as { id: string }[];
  const base = JSON.parse(cli(database, 'export', imported!.id, '--format', 'json').stdout) as Report;
  const report = join(folder, 'annotations.json');
  writeFileSync(report, JSON.stringify({ ...base, annotations: spreadAnnotations(base, count) }));
  const merge = cli(database, 'merge', report, '--json');
  const small = join(folder, 'reference.txt');
  writeFileSync(small, referenceText());
  cli(database, 'import', small);
  const merged = JSON.parse(cli(database, 'export', imported!.id, '--format', 'json').stdout) as Report;
  const floor: FloorInput = {
    text: merged.document.text,
    ranges: merged.annotations.map((annotation): [number, number] => [annotation.start, annotation.end]),
  };
  // An HTML page of the same size, to time importing a web page through Readability.
  const page = join(folder, `page-${bytes}.html`);
  const paragraphs = merged.document.text.split('\n\n').map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  writeFileSync(
    page,
    `<!doctype html><html lang="en"><head><title>A long report</title></head><body><article><h1>A long report</h1>${paragraphs.join('\n')}</article></body></html>`,
  );
  return { database, documentId: imported!.id, mergeMilliseconds: merge.milliseconds, floor, page };
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** From starting `margin serve` to the library painted in a new page. */
async function measureStartup(browser: Browser, database: string): Promise<number> {
  const started = performance.now();
  const server = await serve(database);
  const page = await browser.newPage();
  try {
    await page.goto(server.url);
    await page.locator('.library-entry').first().waitFor();
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    return performance.now() - started;
  } finally {
    await page.close();
    server.child.kill('SIGTERM');
  }
}

async function timeRender(
  url: string,
  token: string,
  documentId: string,
  format: 'json' | 'html' | 'w3c' | 'csv',
): Promise<number> {
  const started = performance.now();
  const response = await fetch(new URL('/api/reports/render', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ documentIds: [documentId], format }),
  });
  await response.json();
  return performance.now() - started;
}

test('workbench benchmark', async ({ browser }) => {
  const rows: Row[] = [];
  for (const benchCase of CASES) {
    const folder = mkdtempSync(join(tmpdir(), 'margin-bench-'));
    const prepared = prepare(folder, benchCase.bytes, benchCase.annotations);
    const samples = {
      open: [] as number[],
      floor: [] as number[],
      floorCv: [] as number[],
      heap: [] as number[],
      floorHeap: [] as number[],
      add: [] as ChangeTiming[],
      retag: [] as ChangeTiming[],
      remove: [] as ChangeTiming[],
      filter: [] as number[],
      step: [] as number[],
      jump: [] as number[],
      scroll: [] as number[],
      json: [] as number[],
      html: [] as number[],
      w3c: [] as number[],
      csv: [] as number[],
      startup: [] as number[],
      importPage: [] as number[],
      rows: 0,
    };
    const server = await serve(prepared.database);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        // The product and the floor take turns, so a slower moment of the machine hits both.
        const page = await browser.newPage();
        await page.goto(server.url);
        samples.open.push(await measureOpen(page, `Article ${benchCase.bytes}`, benchCase.annotations));
        samples.heap.push(await usedHeap(page));
        const changes = await measureChanges(page, round);
        samples.add.push(changes.add);
        samples.retag.push(changes.retag);
        samples.remove.push(changes.remove);
        const filtered = await measureFilter(page);
        samples.filter.push(...filtered.perKeystroke);
        samples.rows = Math.max(samples.rows, filtered.rows);
        samples.step.push(...(await measureStep(page)));
        samples.jump.push(...(await measureJump(page)));
        if (round < 3) samples.scroll.push(...(await measureScroll(page)));
        await page.close();

        const floorPage = await browser.newPage();
        const plain = await measureFloor(floorPage, prepared.floor, false);
        samples.floor.push(plain.painted);
        samples.floorHeap.push(plain.heapBytes);
        samples.floorCv.push((await measureFloor(floorPage, prepared.floor, true)).painted);
        await floorPage.close();

        samples.json.push(await timeRender(server.url, server.token, prepared.documentId, 'json'));
        samples.html.push(await timeRender(server.url, server.token, prepared.documentId, 'html'));
        samples.w3c.push(await timeRender(server.url, server.token, prepared.documentId, 'w3c'));
        samples.csv.push(await timeRender(server.url, server.token, prepared.documentId, 'csv'));
      }
    } finally {
      server.child.kill('SIGTERM');
    }
    for (let round = 0; round < Math.min(ROUNDS, 5); round++) {
      samples.startup.push(await measureStartup(browser, prepared.database));
      const scratch = join(folder, `import-${round}.db`);
      samples.importPage.push(cli(scratch, 'import', prepared.page).milliseconds);
    }
    rmSync(folder, { recursive: true, force: true });
    rows.push({
      case: benchCase.name,
      open: summarize(samples.open),
      floor: summarize(samples.floor),
      floorContentVisibility: summarize(samples.floorCv),
      heapMiB: summarize(samples.heap.map(toMiB)),
      floorHeapMiB: summarize(samples.floorHeap.map(toMiB)),
      addWork: summarize(samples.add.map((timing) => timing.work)),
      addPainted: summarize(samples.add.map((timing) => timing.painted)),
      addPersisted: summarize(samples.add.map((timing) => timing.persisted)),
      retagWork: summarize(samples.retag.map((timing) => timing.work)),
      retagPainted: summarize(samples.retag.map((timing) => timing.painted)),
      removeWork: summarize(samples.remove.map((timing) => timing.work)),
      removePainted: summarize(samples.remove.map((timing) => timing.painted)),
      removePersisted: summarize(samples.remove.map((timing) => timing.persisted)),
      filterKeystroke: summarize(samples.filter),
      nextAnnotation: summarize(samples.step),
      jumpOffScreen: summarize(samples.jump),
      scrollFrame: summarize(samples.scroll),
      exportJson: summarize(samples.json),
      exportHtml: summarize(samples.html),
      exportW3c: summarize(samples.w3c),
      exportCsv: summarize(samples.csv),
      mergeCli: prepared.mergeMilliseconds,
      importHtmlPageCli: summarize(samples.importPage),
      serveToLibraryPainted: summarize(samples.startup),
      listRowsRendered: samples.rows,
    });
  }
  mkdirSync(RESULTS, { recursive: true });
  const meta = {
    date: new Date().toISOString(),
    rounds: ROUNDS,
    browser: browser.version(),
    node: process.version,
  };
  writeFileSync(join(RESULTS, 'results.json'), `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
  const markdown = resultsMarkdown(rows);
  writeFileSync(join(RESULTS, 'results.md'), markdown);
  console.log(`\n${markdown}`);
});

type Summary = ReturnType<typeof summarize>;
type Row = Record<string, Summary | number | string> & { case: string };

function toMiB(bytes: number): number {
  return bytes / (1024 * 1024);
}

/** Two tables: the reading and annotating figures with their ratios to the floor, and the rest. */
function resultsMarkdown(rows: readonly Row[]): string {
  const value = (row: Row, key: string) => row[key] as Summary;
  const cell = (summary: Summary) => `${summary.median.toFixed(1)} (p90 ${summary.p90.toFixed(1)})`;
  const ratio = (row: Row, key: string, floorKey: string) =>
    `${(value(row, key).median / value(row, floorKey).median).toFixed(2)}×`;
  const first = [
    '| case | open → painted | floor: plain DOM | ratio | floor + content-visibility | JS heap MiB | floor heap MiB | ratio | add: work | add → painted | add → saved | retag: work | retag → painted | delete: work | delete → painted | delete → saved |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows
      .map((row) =>
        [
          row.case,
          cell(value(row, 'open')),
          cell(value(row, 'floor')),
          ratio(row, 'open', 'floor'),
          cell(value(row, 'floorContentVisibility')),
          value(row, 'heapMiB').median.toFixed(1),
          value(row, 'floorHeapMiB').median.toFixed(1),
          ratio(row, 'heapMiB', 'floorHeapMiB'),
          ...[
            'addWork',
            'addPainted',
            'addPersisted',
            'retagWork',
            'retagPainted',
            'removeWork',
            'removePainted',
            'removePersisted',
          ].map((key) => cell(value(row, key))),
        ].join(' | '),
      )
      .map((line) => `| ${line} |`),
  ];
  const second = [
    '| case | scroll frame (p99) | J → painted | J to an off-screen annotation | filter keystroke → painted | list rows in the page | export JSON | export HTML | export W3C | export CSV | `margin merge` (command) | `margin import` of the page as HTML (command) | `margin serve` → library painted |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const scroll = value(row, 'scrollFrame');
      return `| ${[
        row.case,
        `${scroll.median.toFixed(1)} (p99 ${scroll.p99.toFixed(1)})`,
        cell(value(row, 'nextAnnotation')),
        cell(value(row, 'jumpOffScreen')),
        cell(value(row, 'filterKeystroke')),
        String(row.listRowsRendered),
        ...['exportJson', 'exportHtml', 'exportW3c', 'exportCsv'].map((key) => cell(value(row, key))),
        (row.mergeCli as number).toFixed(0),
        cell(value(row, 'importHtmlPageCli')),
        cell(value(row, 'serveToLibraryPainted')),
      ].join(' | ')} |`;
    }),
  ];
  return [
    `Milliseconds (JS heap in MiB), median of ${ROUNDS} rounds (90th percentile). Ratios are medians over the plain-DOM floor measured in the same run.`,
    '',
    ...first,
    '',
    ...second,
    '',
  ].join('\n');
}
