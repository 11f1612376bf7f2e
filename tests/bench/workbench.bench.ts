import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page, test } from '@playwright/test';
import type { Report } from '../../shared/model';
import { referenceText, repeatedArticle, spreadAnnotations } from './benchCorpus';
import { summarize } from './statistics';

// Drives the real product: the library is prepared through the CLI, then `margin serve` is measured
// in Chromium. Rounds are repeated; medians and 90th percentiles are printed and written to
// out/bench/results.json and results.md.

const CLI = fileURLToPath(new URL('../../out/main/margin.js', import.meta.url));
const RESULTS = fileURLToPath(new URL('../../out/bench/', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CASES = [
  { name: '50 KB, 1,000 annotations', bytes: 50_000, annotations: 1_000 },
  { name: '1 MB, 10,000 annotations', bytes: 1_000_000, annotations: 10_000 },
];

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
  return { database, documentId: imported!.id, mergeMilliseconds: merge.milliseconds };
}

/**
 * Opens the small article, then clicks the large one in the library and waits until its
 * highlights and its list are painted; returns the milliseconds from the click.
 */
async function measureOpen(page: Page, title: string, count: number): Promise<number> {
  await page.locator('.library-entry', { hasText: 'Reference' }).click();
  await page.locator('.article-header', { hasText: 'Reference' }).waitFor();
  return page.evaluate(
    async ({ title, count }) => {
      const entry = [...document.querySelectorAll<HTMLButtonElement>('.library-entry')].find((button) =>
        button.textContent?.includes(title),
      );
      if (!entry) throw new Error(`No library entry "${title}".`);
      const started = performance.now();
      entry.click();
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          const listed = Number(document.querySelector('.annotations .count')?.textContent);
          const painted =
            document.querySelector('.annotation-list > li') &&
            document.querySelector('.article-text .annotation');
          if (
            document.querySelector('.article-header')?.textContent?.includes(title) &&
            listed === count &&
            painted
          )
            resolve();
          else if (performance.now() - started > 30_000)
            reject(new Error(`Opening showed ${listed} of ${count} annotations.`));
          else requestAnimationFrame(check);
        };
        check();
      });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return performance.now() - started;
    },
    { title, count },
  );
}

/** Selects some words, presses 1, and times the work, the next paint and the save's response. */
function measureAdd(
  page: Page,
  round: number,
): Promise<{ work: number; painted: number; persisted: number }> {
  return page.evaluate(async (round) => {
    // A person selects with the mouse, which puts the focus in the article first.
    document.querySelector<HTMLElement>('.article-text')!.focus({ preventScroll: true });
    const paragraphs = document.querySelectorAll('.article-text p');
    const paragraph = paragraphs[(round * 7) % paragraphs.length]!;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, Math.min(node.length, 12));
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const listed = () => Number(document.querySelector('.annotations .count')?.textContent);
    const before = listed();
    const saved = new Promise<number>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        const entry = list.getEntries().find((candidate) => candidate.name.endsWith('/api/annotations/save'));
        if (entry) {
          observer.disconnect();
          resolve((entry as PerformanceResourceTiming).responseEnd);
        }
      });
      observer.observe({ type: 'resource' });
    });
    const started = performance.now();
    document
      .querySelector('.article-text')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, cancelable: true }));
    const work = performance.now() - started;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const painted = performance.now() - started;
    if (listed() !== before + 1) throw new Error('The annotation was not added.');
    const timeout = new Promise<number>((_, reject) =>
      setTimeout(() => reject(new Error('The save never answered.')), 30_000),
    );
    const persisted = (await Promise.race([saved, timeout])) - started;
    return { work, painted, persisted };
  }, round);
}

/**
 * Types a query into "Search annotations" one keystroke at a time and times each from the input
 * event to the next paint; also counts the list rows in the page, which virtualisation keeps small.
 */
function measureFilter(page: Page): Promise<{ perKeystroke: number[]; rows: number }> {
  return page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Search annotations"]');
    if (!input) throw new Error('No search box.');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const perKeystroke: number[] = [];
    let rows = 0;
    for (const query of ['c', 'co', 'coa', 'coal', 'coali', 'coal', 'coa', 'co', 'c', '']) {
      const started = performance.now();
      setValue.call(input, query);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      perKeystroke.push(performance.now() - started);
      rows = Math.max(rows, document.querySelectorAll('.annotation-list > li').length);
    }
    return { perKeystroke, rows };
  });
}

/** Presses J a few times on the article and times each from the key to the next paint. */
function measureStep(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const article = document.querySelector<HTMLElement>('.article-text')!;
    const times: number[] = [];
    for (let step = 0; step < 10; step++) {
      const before = document.querySelector('.annotation.is-selected')?.getAttribute('data-annotation-id');
      const started = performance.now();
      article.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      times.push(performance.now() - started);
      const after = document.querySelector('.annotation.is-selected')?.getAttribute('data-annotation-id');
      if (!after || after === before) throw new Error('J did not move to the next annotation.');
    }
    return times;
  });
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
  const rows: Record<string, unknown>[] = [];
  for (const benchCase of CASES) {
    const folder = mkdtempSync(join(tmpdir(), 'margin-bench-'));
    const { database, documentId, mergeMilliseconds } = prepare(
      folder,
      benchCase.bytes,
      benchCase.annotations,
    );
    const server = await serve(database);
    const samples = {
      open: [] as number[],
      work: [] as number[],
      painted: [] as number[],
      persisted: [] as number[],
      json: [] as number[],
      html: [] as number[],
      w3c: [] as number[],
      csv: [] as number[],
      filter: [] as number[],
      step: [] as number[],
      rows: 0,
    };
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const page = await browser.newPage();
        await page.goto(server.url);
        samples.open.push(
          await measureOpen(page, `Article ${benchCase.bytes}`, benchCase.annotations + round),
        );
        const added = await measureAdd(page, round);
        samples.work.push(added.work);
        samples.painted.push(added.painted);
        samples.persisted.push(added.persisted);
        const filtered = await measureFilter(page);
        samples.filter.push(...filtered.perKeystroke);
        samples.rows = Math.max(samples.rows, filtered.rows);
        samples.step.push(...(await measureStep(page)));
        await page.close();
        samples.json.push(await timeRender(server.url, server.token, documentId, 'json'));
        samples.html.push(await timeRender(server.url, server.token, documentId, 'html'));
        samples.w3c.push(await timeRender(server.url, server.token, documentId, 'w3c'));
        samples.csv.push(await timeRender(server.url, server.token, documentId, 'csv'));
      }
    } finally {
      server.child.kill('SIGTERM');
      rmSync(folder, { recursive: true, force: true });
    }
    const row = {
      case: benchCase.name,
      open: summarize(samples.open),
      addWork: summarize(samples.work),
      addPainted: summarize(samples.painted),
      addPersisted: summarize(samples.persisted),
      exportJson: summarize(samples.json),
      exportHtml: summarize(samples.html),
      exportW3c: summarize(samples.w3c),
      exportCsv: summarize(samples.csv),
      mergeCli: mergeMilliseconds,
      filterKeystroke: summarize(samples.filter),
      nextAnnotation: summarize(samples.step),
      listRowsRendered: samples.rows,
    };
    rows.push(row);
  }
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(
    join(RESULTS, 'results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), rounds: ROUNDS, rows }, null, 2)}\n`,
  );
  const format = (value: unknown) => {
    const { median, p90 } = value as { median: number; p90: number };
    return `${median.toFixed(1)} (p90 ${p90.toFixed(1)})`;
  };
  const table = [
    '| case | open → highlights painted | add: keypress work | add: keypress → painted | add: keypress → saved | export JSON | export HTML | export W3C | export CSV | `margin merge` (whole command) | filter list: keystroke → painted | J: key → painted | list rows in the page (max) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.case} | ${format(row.open)} | ${format(row.addWork)} | ${format(row.addPainted)} | ${format(row.addPersisted)} | ${format(row.exportJson)} | ${format(row.exportHtml)} | ${format(row.exportW3c)} | ${format(row.exportCsv)} | ${(row.mergeCli as number).toFixed(0)} | ${format(row.filterKeystroke)} | ${format(row.nextAnnotation)} | ${row.listRowsRendered} |`,
    ),
  ].join('\n');
  writeFileSync(
    join(RESULTS, 'results.md'),
    `Milliseconds, median of ${ROUNDS} rounds (90th percentile).\n\n${table}\n`,
  );
  console.log(`\nMilliseconds, median of ${ROUNDS} rounds (90th percentile):\n\n${table}\n`);
});
