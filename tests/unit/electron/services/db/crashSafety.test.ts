import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import type { Annotation } from '../../../../../shared/model';
import { seededRandom } from '../../../../bench/benchCorpus';
import { bundleAnnotationWriter, startWriter } from '../../../support/annotationWriter';
import { openTestWorkbench, referenceArticle } from '../../../support/library';

// The kill test: a child process writes annotations through the real services and prints each
// one only once its transaction has committed; it is killed with SIGKILL at random moments, and
// after every kill the library must open, pass SQLite's integrity check, hold every acknowledged
// annotation exactly as acknowledged, and hold no annotation without its whole comment thread.
// `npm run soak` runs it with many more kills (MARGIN_KILLS).

const KILLS = Number(process.env.MARGIN_KILLS ?? 50);

/** The same value with object keys in one order, so two copies compare as the same bytes. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/**
 * Runs `kills` rounds of start, let it write for a random while, SIGKILL, and check; returns the
 * problems found (empty when the library kept every promise) and how many acknowledgements were
 * checked.
 */
async function killRounds(
  folder: string,
  kills: number,
  mode: 'ack-after-commit' | 'ack-before-commit',
  seed: number,
): Promise<{ problems: string[]; acknowledged: number; stored: number }> {
  const file = join(folder, `${mode}.db`);
  const { workbench, store } = openTestWorkbench(folder, `${mode}.db`);
  const { document } = await workbench.library.importBytes('ectc-terror-report.txt', referenceArticle());
  store.close();

  const random = seededRandom(seed);
  const acknowledged: Annotation[] = [];
  const problems: string[] = [];
  let stored = 0;
  for (let round = 0; round < kills && problems.length === 0; round++) {
    const writer = startWriter(file, document.id, acknowledged.length * 10 + round, mode);
    if (round % 5 === 4) {
      // Every fifth round dies anywhere from startup on: opening the library, recovering the
      // write-ahead log the last kill left, or its first writes.
      writer.started.catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, random() * 400));
    } else {
      await writer.started;
      // Somewhere between at once and 60 ms in: mid-transaction, mid-fsync or between writes.
      await new Promise((resolve) => setTimeout(resolve, random() * 60));
    }
    const fresh = await writer.kill();
    acknowledged.push(...fresh);

    const db = openDatabase(file);
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`round ${round}: integrity_check says ${integrity}`);
      const foreignKeys = db.pragma('foreign_key_check') as unknown[];
      if (foreignKeys.length > 0) problems.push(`round ${round}: ${foreignKeys.length} broken references`);
      const threads = db
        .prepare(
          `SELECT annotations.id AS id, count(comments.id) AS comments FROM annotations
           LEFT JOIN comments ON comments.annotation_id = annotations.id GROUP BY annotations.id`,
        )
        .all() as { id: string; comments: number }[];
      stored = threads.length;
      for (const thread of threads) {
        if (thread.comments !== 2) {
          problems.push(`round ${round}: annotation ${thread.id} has ${thread.comments} of its 2 comments`);
        }
      }
    } finally {
      db.close();
    }
    const reopened = openTestWorkbench(folder, `${mode}.db`);
    try {
      // This round's acknowledgements every time; all of them every 25 rounds and after the last
      // (reading all after every kill would make a 1,000-kill soak take hours).
      const whole = round % 25 === 24 || round === kills - 1;
      const { store: library } = reopened;
      const inLibrary = whole
        ? new Map(
            library.annotationsOf(document.id).map((annotation) => [annotation.id, canonical(annotation)]),
          )
        : new Map(
            fresh.map((annotation) => {
              const record = library.annotations.get(annotation.id);
              const stored = record && { ...record, comments: library.comments.threadOf(annotation.id) };
              return [annotation.id, stored && canonical(stored)] as const;
            }),
          );
      for (const annotation of whole ? acknowledged : fresh) {
        const found = inLibrary.get(annotation.id);
        if (found === undefined) problems.push(`round ${round}: acknowledged ${annotation.id} is missing`);
        else if (found !== canonical(annotation)) problems.push(`round ${round}: ${annotation.id} differs`);
      }
    } finally {
      reopened.store.close();
    }
  }
  return { problems, acknowledged: acknowledged.length, stored };
}

describe('a library killed while writing', () => {
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'margin-kill-'));
    await bundleAnnotationWriter();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it(
    `keeps every acknowledged annotation, whole, through ${KILLS} kills`,
    async () => {
      const result = await killRounds(folder, KILLS, 'ack-after-commit', 20261127);
      expect(result.problems).toEqual([]);
      // The rounds did write: four in five acknowledge at least their first annotation.
      expect(result.acknowledged).toBeGreaterThanOrEqual((KILLS * 4) / 5);
      expect(result.stored).toBeGreaterThanOrEqual(result.acknowledged);
      console.info(
        `${KILLS} kills: ${result.acknowledged} acknowledged annotations checked, ${result.stored} in the library.`,
      );
    },
    KILLS * 2_000 + 30_000,
  );

  it('catches a writer that acknowledges before it commits (the test can fail)', async () => {
    const result = await killRounds(folder, 30, 'ack-before-commit', 7);
    expect(result.problems.some((problem) => problem.includes('is missing'))).toBe(true);
  }, 90_000);
});
