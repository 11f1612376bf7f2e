import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { createWorkbench } from '../../electron/services/createWorkbench';
import { LibraryStore } from '../../electron/services/db/libraryStore';
import { anchorAt } from '../../shared/anchoring';
import { hydrateOpened } from '../../shared/api';
import type { Annotation, Comment } from '../../shared/model';

// Generates docs/sample-report.html (the HTML report of the reference article, annotated the way an
// analyst would) and its picture docs/report.png, through the real services and Chromium. The
// ids and the clock are fixed, so running it again rewrites the same file. Run with `npm run screenshot`.

const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/ectc-terror-report.txt', import.meta.url));

interface Sample {
  passage: string;
  tag: 'claim' | 'quote' | 'opinion';
  attributes?: Annotation['attributes'];
  comments?: [author: string, body: string, replies?: [string, string][]][];
}

const SAMPLES: Sample[] = [
  {
    passage:
      'European countries who are taking part in the US-led coalition against ISIS are more likely to suffer terrorist attacks at home',
    tag: 'claim',
    attributes: {
      verdict: 'misleading',
      checkWorthiness: 4,
      evidence: [
        {
          url: 'https://www.europol.europa.eu/publications-events/main-reports',
          note: 'ECTC report: names coalition members as targets',
        },
      ],
    },
    comments: [
      [
        'Ann Analyst',
        'The report names coalition members as targets; it does not compare their risk with other countries.',
        [['Ben Editor', 'Agreed. “More likely” is the article’s reading, not the ECTC’s.']],
      ],
    ],
  },
  {
    passage: 'France ranked especially high on the list',
    tag: 'claim',
    attributes: { verdict: 'unverified', checkWorthiness: 3 },
  },
  {
    passage: 'any country participating in the US-led coalition can expect a wave of “IS inspired attacks”',
    tag: 'claim',
    attributes: { verdict: 'mostly true', checkWorthiness: 3 },
  },
  {
    passage: '“IS inspired attacks”',
    tag: 'quote',
    attributes: { speaker: 'ECTC report', attribution: 'direct', cue: 'states' },
  },
  {
    passage: 'most of which seem fairly obvious',
    tag: 'opinion',
    attributes: { holder: 'author', stance: 'neutral', target: 'causes of attacks' },
  },
  {
    passage:
      '“they may not read the Quran and may not be regular visitors of a mosque. There have been examples of 16 and 17-year olds who tried to act like Islamists rather than being Islamists, and had no sound knowledge of Islam.',
    tag: 'quote',
    attributes: { speaker: 'ECTC report', speakerRole: 'Europol', attribution: 'direct' },
  },
  {
    passage:
      '“A real and imminent danger is the possibility of elements of the (Sunni Muslim) Syrian refugee diaspora becoming vulnerable to radicalization once in Europe and being specifically targeted by Islamic extremist recruiters.”',
    tag: 'quote',
    attributes: { speaker: 'ECTC report', attribution: 'direct' },
  },
  {
    passage:
      'the West’s growing fear and disdain for Muslim refugees has been pushing them right back into the arms of groups like ISIS',
    tag: 'opinion',
    attributes: { holder: 'author', stance: 'negative', target: 'Western attitudes to refugees' },
    comments: [['Ben Editor', 'Stated as fact; no source is given for the causal link.']],
  },
  {
    passage: 'at least 2,000 ISIS fighting in Syria were foreign fighters',
    tag: 'claim',
    attributes: { verdict: 'unprovable', checkWorthiness: 4 },
  },
  {
    passage: 'That number has reportedly dropped to about 50',
    tag: 'claim',
    attributes: { verdict: 'false', checkWorthiness: 5 },
    comments: [
      ['Ann Analyst', 'Other estimates for the same period are in the hundreds; “about 50” has no source.'],
    ],
  },
  {
    passage: 'this is (unfortunately) an extremely optimistic and unrealistic wish',
    tag: 'opinion',
    attributes: { holder: 'author', stance: 'negative', target: 'European withdrawal' },
  },
  {
    passage: 'The global anti-ISIS coalition includes 66 countries',
    tag: 'claim',
    attributes: { verdict: 'true', checkWorthiness: 2 },
  },
  {
    passage: 'The United States claims the coalition has only caused 173 casualties',
    tag: 'claim',
    attributes: {
      verdict: 'mixed',
      checkWorthiness: 5,
      evidence: [{ url: 'https://airwars.org/', note: 'Independent casualty monitoring' }],
    },
  },
  {
    passage: 'Amnesty International\u00a0estimates at least\u00a0300 in Syria alone',
    tag: 'quote',
    attributes: { speaker: 'Amnesty International', attribution: 'paraphrase', cue: 'estimates' },
  },
];

const CLOCK = Date.parse('2026-11-20T09:00:00.000Z');

/** A fixed UUID from a number, so the sample does not change from one run to the next. */
function fixedId(kind: number, index: number): string {
  const hex = (kind * 10_000 + index).toString(16).padStart(12, '0');
  return `5a3b1e00-0000-4000-8000-${hex}`;
}

test('sample HTML report of the reference article', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'margin-sample-'));
  try {
    const store = LibraryStore.open(join(folder, 'margin.db'));
    let tick = CLOCK;
    /** The next minute of the fixed clock. */
    const next = (): Date => {
      tick += 60_000;
      return new Date(tick);
    };
    const workbench = createWorkbench(store, { generator: 'Margin', now: next });
    workbench.settings.update({ authorName: 'Ann Analyst' });
    const { document } = await workbench.library.importBytes('ectc-terror-report.txt', readFileSync(fixture));
    const { text } = hydrateOpened(workbench.library.open({ id: document.id })).article;
    let commentIndex = 0;
    const comment = (author: string, body: string, replies: [string, string][] = []): Comment => {
      const at = next().toISOString();
      return {
        id: fixedId(2, commentIndex++),
        author,
        body,
        createdAt: at,
        updatedAt: at,
        replies: replies.map(([replyAuthor, replyBody]) => comment(replyAuthor, replyBody)),
      };
    };
    SAMPLES.forEach((sample, index) => {
      const start = text.indexOf(sample.passage);
      expect(start, sample.passage).toBeGreaterThanOrEqual(0);
      const at = next().toISOString();
      workbench.annotations.save({
        id: fixedId(1, index),
        documentId: document.id,
        tag: sample.tag,
        start,
        end: start + sample.passage.length,
        ...anchorAt(text, start, start + sample.passage.length),
        attributes: sample.attributes ?? {},
        comments: (sample.comments ?? []).map(([author, body, replies]) => comment(author, body, replies)),
        createdAt: at,
        updatedAt: at,
      });
    });
    const report = await workbench.reports.render({ documentIds: [document.id], format: 'html' });
    // The clock is fixed; the document's id is the only thing that varies between runs.
    const stable = report.content.replaceAll(document.id, '00000000-0000-4000-8000-000000000000');
    writeFileSync(docs('sample-report.html'), stable);
    store.close();

    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(pathToFileURL(docs('sample-report.html')).href);
    await expect(page.locator('mark')).not.toHaveCount(0);
    await page.locator('.article-text').scrollIntoViewIfNeeded();
    await page.screenshot({ path: docs('report.png') });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
