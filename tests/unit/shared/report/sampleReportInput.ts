import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { anchorAt, placeBlocks } from '../../../../shared/anchoring';
import type { Annotation, Article, BlockDraft, Comment, Tag } from '../../../../shared/model';
import type { ReportInput } from '../../../../shared/report';

/** Markup a hostile commenter might try; the reports must show it as text. */
export const HOSTILE_SCRIPT = '<script>alert(1)</script>';
export const HOSTILE_ATTRIBUTE = '"><img src=x onerror=alert(1)>';

const CREATED_AT = '2025-03-14T09:26:53.000Z';
const TITLE = 'ECTC: coalition members face more terror attacks at home';

/** The codebook of the samples: the three built-in tags, one user tag with a hostile label, unused. */
export const sampleTags: Tag[] = [
  {
    ...tag('claim', 'Claim', '#d9480f', 'solid', 'A checkable statement of fact.'),
    attributes: [
      { key: 'verdict', label: 'Verdict', type: 'choice', options: ['unverified', 'true', 'false'] },
      { key: 'evidence', label: 'Evidence', type: 'links' },
    ],
  },
  tag('quote', 'Quote', '#1971c2', 'dashed', 'Words attributed to someone.'),
  tag('opinion', 'Opinion', '#9c36b5', 'wavy', "The writer's or a source's judgement."),
  tag('context', 'Context <i>&amp;</i> "background"', '#2F9E44', 'double', 'Unused <b>on purpose</b>.'),
];

/** The reference article's text as its plain-text import would hold it (line endings normalised). */
export function referenceText(): string {
  const file = readFileSync(new URL('../../../fixtures/ectc-terror-report.txt', import.meta.url), 'utf8');
  return file.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The reference article: a heading, then its paragraphs, with a few inline marks (one unsafe link). */
export function referenceArticle(text = referenceText()): Article {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  const drafts: BlockDraft[] = [
    { type: 'heading', level: 1, text: TITLE, marks: [] },
    ...paragraphs.map((paragraph): BlockDraft => ({ type: 'paragraph', text: paragraph, marks: [] })),
  ];
  addMark(
    drafts,
    'European Counter Terrorism Centre (ECTC)',
    'link',
    'https://www.europol.europa.eu/?a=1&b="2"',
  );
  addMark(drafts, 'lone wolves', 'link', 'javascript:alert(1)');
  addMark(drafts, 'See the pattern?', 'strong');
  addMark(drafts, 'increasingly', 'emphasis');
  const placed = placeBlocks(drafts);
  return {
    id: '5b0e7b1e-4c8f-4a57-9d1a-3f1f6f0b2c11',
    title: TITLE,
    byline: 'Randi Nord <em>& friends</em>',
    siteName: 'Geopolitics Alert',
    source: 'https://geopoliticsalert.com/ectc-report?ref="x"&y=<1>',
    publishedAt: '2016-12-05',
    lang: 'en',
    dir: 'ltr',
    format: 'text',
    contentHash: `sha256:${createHash('sha256').update(placed.text, 'utf8').digest('hex')}`,
    text: placed.text,
    blocks: placed.blocks,
    importedAt: CREATED_AT,
  };
}

/** An annotation of `text.slice(start, end)` with its context, as the workbench stores one. */
export function annotationAt(
  article: Article,
  tagKey: string,
  start: number,
  end: number,
  extras: Partial<Pick<Annotation, 'id' | 'attributes' | 'comments'>> = {},
): Annotation {
  return {
    id: extras.id ?? randomUUID(),
    documentId: article.id,
    tag: tagKey,
    start,
    end,
    ...anchorAt(article.text, start, end),
    attributes: extras.attributes ?? {},
    comments: extras.comments ?? [],
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
  };
}

/** A comment with fixed dates. */
export function comment(author: string, body: string, replies: Comment[] = []): Comment {
  return { id: randomUUID(), author, body, createdAt: CREATED_AT, updatedAt: CREATED_AT, replies };
}

/** The sample annotations, by role, so tests can name the ones they check. */
export interface SampleAnnotations {
  countries: Annotation;
  quranQuote: Annotation;
  teenagersClaim: Annotation;
  pattern: Annotation;
  obviousOpinion: Annotation;
  refugeesClaim: Annotation;
  acrossParagraphs: Annotation;
  casualties: Annotation;
  unknownTag: Annotation;
  inspiredQuote: Annotation;
}

/** A realistic report input on the reference article: nested, crossing and multi-block passages, hostile comments. */
export function sampleReportInput(): { input: ReportInput; annotations: SampleAnnotations } {
  const article = referenceArticle();
  const on = (
    tagKey: string,
    passage: string,
    extras: Parameters<typeof annotationAt>[4] = {},
  ): Annotation => {
    const start = article.text.indexOf(passage);
    if (start < 0 || article.text.indexOf(passage, start + 1) >= 0)
      throw new Error(`Not found once: ${passage}`);
    return annotationAt(article, tagKey, start, start + passage.length, extras);
  };
  const quranStart = article.text.indexOf('“they may not read');
  const quranEnd = article.text.indexOf('fulfilment.”') + 'fulfilment.”'.length;
  const annotations: SampleAnnotations = {
    countries: on('claim', 'includes 66 countries', {
      comments: [
        comment('Eve "<b>"', `${HOSTILE_SCRIPT} — check the count & the date\nsecond line 🕵️‍♀️`, [
          comment('Mallory', `${HOSTILE_ATTRIBUTE} &amp; reply 👍\n\nnew paragraph`),
        ]),
      ],
    }),
    quranQuote: annotationAt(article, 'quote', quranStart, quranEnd, {
      attributes: { speaker: 'European Counter Terrorism Centre' },
    }),
    teenagersClaim: on(
      'claim',
      'There have been examples of 16 and 17-year olds who tried to act like Islamists rather than being Islamists',
    ),
    pattern: on('opinion', 'See the pattern?', {
      attributes: { holder: 'the author' },
      comments: [{ ...comment('Ann', 'Rhetorical.'), resolvedAt: CREATED_AT, resolvedBy: 'Bea <i>' }],
    }),
    obviousOpinion: on('opinion', 'most of which seem fairly obvious. For one thing, as refugees flee war'),
    refugeesClaim: on('claim', 'as refugees flee war they are greeted in certain European countries'),
    acrossParagraphs: on(
      'opinion',
      'an extremely optimistic and unrealistic wish.\n\nThe global anti-ISIS coalition includes 66 countries',
    ),
    casualties: on('claim', 'The United States claims the coalition has only caused 173 casualties', {
      attributes: {
        confidence: 0.7,
        verdict: 'disputed <b>',
        checked: true,
        source: null,
        evidence: [
          { url: 'https://airwars.org/?a=1&b="2"', note: 'Counts <b>1,200</b>' },
          { url: 'file:///etc/hosts', note: '' },
        ],
      },
    }),
    unknownTag: on('source-check', 'Amnesty International\u00a0estimates at least\u00a0300 in Syria alone'),
    inspiredQuote: on('quote', '“IS inspired attacks”', { attributes: { speaker: 'ECTC' } }),
  };
  return {
    input: {
      article,
      tags: sampleTags,
      // Shuffled on purpose: the renderers sort.
      annotations: Object.values(annotations).reverse(),
      generatedAt: '2025-03-14T10:00:00.000Z',
      generator: 'Margin 0.1.0',
    },
    annotations,
  };
}

function tag(
  key: string,
  label: string,
  color: string,
  underline: Tag['underline'],
  description: string,
): Tag {
  return { key, label, color, description, shortcut: null, underline, archived: false, attributes: [] };
}

function addMark(
  drafts: BlockDraft[],
  passage: string,
  type: 'emphasis' | 'strong' | 'link',
  href?: string,
): void {
  const draft = drafts.find((candidate) => candidate.text.includes(passage));
  if (!draft) throw new Error(`Not found: ${passage}`);
  const start = draft.text.indexOf(passage);
  draft.marks.push({ type, start, end: start + passage.length, ...(href === undefined ? {} : { href }) });
}
