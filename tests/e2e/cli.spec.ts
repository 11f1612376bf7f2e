import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { assertValidReport } from '../support/reportSchema';
import { CLI, FIXTURES } from './support/workbench';

// The CLI as a pipeline uses it: the built `margin` (what `npx margin` runs), on temporary libraries.

const test = base.extend<{ folder: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; this one has none.
  folder: async ({}, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'margin-cli-'));
    await use(folder);
    rmSync(folder, { recursive: true, force: true });
  },
});

function margin(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

interface Report {
  document: { contentHash: string };
  annotations: { id: string; tag: string; quote: string }[];
  generatedAt: string;
}

test('import, list, export, merge and export again give the same annotations', async ({ folder }) => {
  const first = join(folder, 'first.db');
  const imported = margin(
    'import',
    `${FIXTURES}ectc-terror-report.txt`,
    `${FIXTURES}html/guardian-1.html`,
    '--json',
    '--db',
    first,
  );
  expect(imported.status).toBe(0);
  expect(imported.stderr).toContain('Importing 2/2');
  const documents = JSON.parse(imported.stdout) as { id: string; title: string }[];
  expect(documents.map((document) => document.title)).toEqual([
    'Ectc terror report',
    "'What is the sea telling us?': Māori tribes fearful over whale strandings | Eleanor Ainge Roy",
  ]);
  const listed = JSON.parse(margin('list', '--json', '--db', first).stdout) as {
    id: string;
    annotationCount: number;
  }[];
  expect(listed.map((document) => document.id).sort()).toEqual(
    documents.map((document) => document.id).sort(),
  );

  // Annotate through a merge: take the exported report, add annotations, merge it back.
  const exported = JSON.parse(
    margin('export', documents[0]!.id.slice(0, 8), '--format', 'json', '--db', first).stdout,
  );
  const text = exported.document.text as string;
  const at = (needle: string, tag: string) => {
    const start = text.indexOf(needle);
    return {
      id: crypto.randomUUID(),
      documentId: exported.document.id,
      tag,
      start,
      end: start + needle.length,
      quote: needle,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + needle.length, start + needle.length + 32),
      attributes: {},
      comments: [],
      createdAt: '2026-11-27T10:00:00.000Z',
      updatedAt: '2026-11-27T10:00:00.000Z',
    };
  };
  const annotated = join(folder, 'annotated.json');
  writeFileSync(
    annotated,
    JSON.stringify({
      ...exported,
      annotations: [at('66 countries', 'claim'), at('See the pattern?', 'opinion')],
    }),
  );
  const merged = margin('merge', annotated, '--json', '--db', first);
  expect(JSON.parse(merged.stdout).documents).toMatchObject([
    { isNewDocument: false, added: 2, unchanged: 0, conflicts: [] },
  ]);

  const reportFile = join(folder, 'report.json');
  expect(
    margin('export', documents[0]!.id, '--format', 'json', '--out', reportFile, '--db', first).status,
  ).toBe(0);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  assertValidReport(report);

  // Into a second, empty library: the document comes with the report, and exporting again matches.
  const second = join(folder, 'second.db');
  const [into] = JSON.parse(margin('merge', reportFile, '--json', '--db', second).stdout).documents as {
    documentId: string;
    added: number;
  }[];
  expect(into).toMatchObject({ isNewDocument: true, added: 2 });
  const again = JSON.parse(
    margin('export', into!.documentId, '--format', 'json', '--db', second).stdout,
  ) as Report;
  expect(again.annotations).toEqual(report.annotations);
  expect(again.document.contentHash).toBe(report.document.contentHash);

  const html = margin('export', documents[0]!.id, '--format', 'html', '--db', first);
  expect(html.stdout).toMatch(/^<!doctype html>/i);
  expect(html.stdout.match(/<mark /g)?.length).toBeGreaterThanOrEqual(2);
});

test('bad input exits non-zero with one line saying why', async ({ folder }) => {
  const database = join(folder, 'margin.db');
  const cases = [
    margin('import', join(folder, 'missing.txt'), '--db', database),
    margin('export', 'ffffffff', '--format', 'json', '--db', database),
    margin('export', 'ffffffff', '--format', 'pdf', '--db', database),
    margin('export', '--all', '--format', 'xml', '--db', database),
    margin('export', '--all', '--format', 'json', '--db', database),
    margin('merge', `${FIXTURES}ectc-terror-report.txt`, '--db', database),
  ];
  for (const result of cases) {
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^margin: /);
  }
  // A few kilobytes of replies nested hundreds deep would exhaust the validator's memory.
  const reply = (depth: number): string =>
    depth === 0
      ? '[]'
      : `[{"id":"${crypto.randomUUID()}","author":"A","body":"b","createdAt":"2026-11-27T10:00:00.000Z","updatedAt":"2026-11-27T10:00:00.000Z","replies":${reply(depth - 1)}}]`;
  const deep = join(folder, 'deep.margin.json');
  writeFileSync(deep, `{"format":"margin.report","version":1,"annotations":[{"comments":${reply(400)}}]}`);
  const refused = margin('merge', deep, '--db', database);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/nests its values more than 64 levels deep/);
});

test('exports every format, one document or the whole library, with PDF printed by Chromium', async ({
  folder,
}) => {
  const database = join(folder, 'margin.db');
  margin('import', `${FIXTURES}ectc-terror-report.txt`, `${FIXTURES}html/guardian-1.html`, '--db', database);
  const [document] = JSON.parse(margin('list', '--json', '--db', database).stdout) as { id: string }[];
  const out = (name: string) => join(folder, name);
  for (const format of ['json', 'html', 'w3c', 'csv', 'claimreview']) {
    const one = margin(
      'export',
      document!.id,
      '--format',
      format,
      '--out',
      out(`one.${format}`),
      '--db',
      database,
    );
    expect(one.status, one.stderr).toBe(0);
    const all = margin(
      'export',
      '--all',
      '--format',
      format,
      '--out',
      out(`all.${format}`),
      '--db',
      database,
    );
    expect(all.status, all.stderr).toBe(0);
    expect(all.stderr).toContain('report of 2 documents');
  }
  expect(JSON.parse(readFileSync(out('all.json'), 'utf8'))).toMatchObject({
    format: 'margin.corpus',
    version: 1,
  });
  expect(readFileSync(out('all.html'), 'utf8')).toContain('<nav class="toc"');
  expect(readFileSync(out('one.csv'), 'utf8').startsWith('\uFEFFdocument_id,')).toBe(true);
  expect(JSON.parse(readFileSync(out('one.w3c'), 'utf8')).type).toBe('AnnotationCollection');

  const pdf = spawnSync(
    process.execPath,
    [CLI, 'export', document!.id, '--format', 'pdf', '--excerpts', '--out', out('one.pdf'), '--db', database],
    { encoding: 'utf8', env: { ...process.env, MARGIN_CHROMIUM: '/usr/bin/chromium' } },
  );
  expect(pdf.status, pdf.stderr).toBe(0);
  const bytes = readFileSync(out('one.pdf'));
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(10_000);

  const missing = spawnSync(
    process.execPath,
    [CLI, 'export', document!.id, '--format', 'pdf', '--db', database],
    {
      encoding: 'utf8',
      env: { ...process.env, MARGIN_CHROMIUM: join(folder, 'no-such-browser') },
    },
  );
  expect(missing.status).toBe(1);
  expect(missing.stderr.trim().split('\n').at(-1)).toMatch(/^margin: PDF export needs Chromium/);
});

test('serve prints the address to open, with its token', async ({ folder }) => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [CLI, 'serve', '--db', join(folder, 'margin.db')]);
  const line = await new Promise<string>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())),
  );
  child.kill('SIGTERM');
  expect(line).toMatch(/http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32,}/);
});

test('backups lists the day’s snapshot, and restore puts it back and keeps the library as it was', async ({
  folder,
}) => {
  const database = join(folder, 'margin.db');
  expect(margin('backups', '--db', database).stdout).toMatch(/no backups yet/);
  margin('import', `${FIXTURES}ectc-terror-report.txt`, '--db', database);
  // The first command that opens a library holding an article takes the day's snapshot.
  margin('list', '--db', database);
  const [daily] = JSON.parse(margin('backups', '--db', database, '--json').stdout) as {
    name: string;
    reason: string;
  }[];
  expect(daily?.reason).toBe('daily');
  // An article imported after the snapshot is gone once it is restored, and back after the undo.
  margin('import', `${FIXTURES}html/bbc-1.html`, '--db', database);
  const restored = margin('restore', daily!.name, '--db', database);
  expect(restored.status).toBe(0);
  const undo = /kept as (\S+);/.exec(restored.stdout)?.[1];
  expect(margin('list', '--db', database).stdout.trim().split('\n')).toHaveLength(1);
  expect(margin('restore', undo!, '--db', database).status).toBe(0);
  expect(margin('list', '--db', database).stdout.trim().split('\n')).toHaveLength(2);
  const missing = margin('restore', 'margin-nothing.db', '--db', database);
  expect(missing.status).toBe(1);
  expect(missing.stderr).toMatch(/^margin: There is no backup called margin-nothing\.db/);
});

test('import FOLDER takes every article file in it and below, reports duplicates, and summarises', async ({
  folder,
}) => {
  const articles = join(folder, 'articles');
  const nested = join(articles, 'pdf');
  mkdirSync(nested, { recursive: true });
  writeFileSync(join(articles, 'reference.txt'), readFileSync(`${FIXTURES}ectc-terror-report.txt`));
  writeFileSync(join(articles, 'copy.txt'), readFileSync(`${FIXTURES}ectc-terror-report.txt`));
  writeFileSync(join(articles, 'medium.docx'), readFileSync(`${FIXTURES}docx/medium-1.docx`));
  writeFileSync(join(nested, 'lemonde.pdf'), readFileSync(`${FIXTURES}pdf/lemonde-1.pdf`));
  writeFileSync(join(articles, 'notes.odt'), 'not an article');
  const database = join(folder, 'margin.db');
  const result = margin('import', articles, '--db', database, '--json');
  expect(result.status).toBe(0);
  const imported = JSON.parse(result.stdout) as { file: string; isDuplicate: boolean }[];
  expect(imported.map((entry) => [entry.file.slice(articles.length + 1), entry.isDuplicate])).toEqual([
    ['copy.txt', false],
    ['medium.docx', false],
    ['pdf/lemonde.pdf', false],
    ['reference.txt', true],
  ]);
  expect(result.stderr).toContain('Importing 4/4: reference.txt');
  expect(result.stderr).toContain('Imported 3 of 4 files; 1 already in the library, 0 refused.');
  const empty = join(folder, 'empty');
  mkdirSync(empty);
  const none = margin('import', empty, '--db', database);
  expect(none.status).toBe(1);
  expect(none.stderr).toMatch(/no article files/);
});
