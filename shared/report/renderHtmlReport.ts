import type { Tag } from '../model';
import { computeStats } from './computeStats';
import { dateHtml } from './dateHtml';
import { escapeHtml } from './escapeHtml';
import { numberNotes } from './numberNotes';
import { renderArticleBody } from './renderArticleBody';
import { type CorpusEntry, renderCorpusSummary } from './renderCorpusSummary';
import { renderLegend } from './renderLegend';
import { generatedHtml, provenanceHtml, renderReportHeader } from './renderReportHeader';
import { renderSummary } from './renderSummary';
import type { ReportInput } from './reportInput';
import { DEFAULT_REPORT_OPTIONS, type DocumentScope, type ReportOptions } from './reportOptions';
import { reportStyles } from './reportStyles';

/** The report's Content Security Policy: no scripts, no requests, only its own inline styles. */
export const REPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * The HTML report of one article: one self-contained file (inline CSS, no script, a CSP) with the
 * title and provenance, a key to the tags, the article with every annotated passage marked and
 * numbered, each note in the margin beside its passage (below the article on narrow screens), and
 * the figures.
 */
export function renderHtmlReport(
  input: ReportInput,
  options: ReportOptions = DEFAULT_REPORT_OPTIONS,
): string {
  const { article, tags } = input;
  const stats = computeStats(article.text, tags, input.annotations);
  const scope: DocumentScope = { idPrefix: '', headingShift: 1 };
  return page({
    lang: article.lang,
    dir: article.dir,
    title: `${article.title} · annotated`,
    generator: input.generator,
    tags,
    body: [
      renderReportHeader(article, input.generatedAt, input.generator, options),
      renderLegend(tags, stats.byTag),
      articleHtml(input, options, scope, 'Article'),
      renderSummary(tags, stats, input.annotations, { idPrefix: '', headingLevel: 2 }),
    ],
  });
}

/**
 * The HTML report of several articles: a table of contents and figures across the articles (claims
 * by verdict per article, who is quoted where), then each article as in a one-article report.
 */
export function renderCorpusHtmlReport(
  inputs: readonly ReportInput[],
  options: ReportOptions = DEFAULT_REPORT_OPTIONS,
): string {
  const first = inputs[0];
  if (!first) throw new Error('A corpus report needs at least one article.');
  const tags = mergedCodebook(inputs);
  const entries: CorpusEntry[] = inputs.map((input, index) => ({ input, anchor: `doc-${index + 1}` }));
  const allAnnotations = inputs.flatMap((input) => input.annotations);
  const allStats = computeStats('', tags, allAnnotations);
  const count = inputs.length === 1 ? '1 article' : `${inputs.length} articles`;
  const languages = new Set(inputs.map((input) => input.article.lang));
  return page({
    lang: languages.size === 1 ? first.article.lang : null,
    dir: 'ltr',
    title: `${count} · annotated`,
    generator: first.generator,
    tags,
    body: [
      '<header class="report-header">',
      '<p class="kicker">Annotated articles</p>',
      `<h1>${count}, ${allAnnotations.length === 1 ? '1 annotation' : `${allAnnotations.length} annotations`}</h1>`,
      generatedHtml(first.generatedAt, first.generator, options),
      '</header>',
      renderLegend(tags, allStats.byTag),
      tableOfContents(entries),
      renderCorpusSummary(entries, tags),
      ...entries.map((entry, index) => documentSection(entry, index, inputs.length, options)),
    ],
  });
}

function documentSection(entry: CorpusEntry, index: number, total: number, options: ReportOptions): string {
  const { input, anchor } = entry;
  const { article } = input;
  const stats = computeStats(article.text, input.tags, input.annotations);
  const idPrefix = `${anchor}-`;
  const dirAttribute = article.dir === 'rtl' ? ' dir="rtl"' : '';
  const langAttribute = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  return [
    `<section class="document" id="${anchor}" aria-labelledby="${idPrefix}title">`,
    '<header class="document-header">',
    `<p class="kicker">Article ${index + 1} of ${total}</p>`,
    `<h2 id="${idPrefix}title"${langAttribute}${dirAttribute}>${escapeHtml(article.title)}</h2>`,
    provenanceHtml(article),
    '</header>',
    articleHtml(input, options, { idPrefix, headingShift: 2 }, article.title),
    renderSummary(input.tags, stats, input.annotations, { idPrefix, headingLevel: 3 }),
    '<p class="to-contents"><a href="#contents-title">Back to the contents</a></p>',
    '</section>',
  ].join('\n');
}

/** The article with its margin notes. */
function articleHtml(
  input: ReportInput,
  options: ReportOptions,
  scope: DocumentScope,
  label: string,
): string {
  const tagsByKey = new Map<string, Tag>(input.tags.map((tag) => [tag.key, tag]));
  const { article } = input;
  const notes = numberNotes(input.annotations, tagsByKey, article.blocks);
  const langAttribute = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  return [
    '<div class="report-body">',
    `<article class="article-text" aria-label="${escapeHtml(label)}"${langAttribute} dir="${article.dir === 'rtl' ? 'rtl' : 'ltr'}">`,
    notes.length === 0 ? '<p class="empty">No passages are annotated yet.</p>' : '',
    renderArticleBody(article.blocks, notes, options, scope),
    // Shown only where the notes gather below the article (narrow screens), as their heading.
    notes.length === 0 ? '' : '<p class="notes-heading" aria-hidden="true">Notes</p>',
    '</article>',
    '</div>',
  ].join('\n');
}

function tableOfContents(entries: readonly CorpusEntry[]): string {
  const items = entries.map(({ input, anchor }) => {
    const { article } = input;
    const details = [escapeHtml(article.siteName ?? article.source)];
    if (article.publishedAt) details.push(dateHtml(article.publishedAt));
    const count = input.annotations.length === 1 ? '1 annotation' : `${input.annotations.length} annotations`;
    return (
      `<li><a href="#${anchor}">${escapeHtml(article.title)}</a>` +
      `<span class="toc-meta">${[...details, count].join(' · ')}</span></li>`
    );
  });
  return [
    '<nav class="toc" aria-labelledby="contents-title">',
    '<h2 id="contents-title">Contents</h2>',
    `<ol>${items.join('')}</ol>`,
    '</nav>',
  ].join('\n');
}

/** Every tag of every article once, in the first article's order; later articles add what it lacks. */
function mergedCodebook(inputs: readonly ReportInput[]): Tag[] {
  const byKey = new Map<string, Tag>();
  for (const input of inputs) for (const tag of input.tags) if (!byKey.has(tag.key)) byKey.set(tag.key, tag);
  return [...byKey.values()];
}

interface PageParts {
  lang: string | null;
  dir: 'ltr' | 'rtl';
  title: string;
  generator: string;
  tags: readonly Tag[];
  body: string[];
}

function page({ lang, dir, title, generator, tags, body }: PageParts): string {
  const langAttribute = lang ? ` lang="${escapeHtml(lang)}"` : '';
  return [
    '<!doctype html>',
    `<html${langAttribute} dir="${dir === 'rtl' ? 'rtl' : 'ltr'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${escapeHtml(generator)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${reportStyles(tags)}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
