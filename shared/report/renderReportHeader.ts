import type { Article } from '../model';
import { dateHtml } from './dateHtml';
import { escapeHtml } from './escapeHtml';
import type { ReportOptions } from './reportOptions';
import { safeHref } from './safeHref';

/** The report's title and provenance: where the article came from and what wrote the report when. */
export function renderReportHeader(
  article: Article,
  generatedAt: string,
  generator: string,
  options: ReportOptions,
): string {
  return [
    '<header class="report-header">',
    '<p class="kicker">Annotated article</p>',
    `<h1>${escapeHtml(article.title)}</h1>`,
    provenanceHtml(article),
    generatedHtml(generatedAt, generator, options),
    '</header>',
  ].join('\n');
}

/** Byline, site, date, source and content hash: enough to find and check exactly what was annotated. */
export function provenanceHtml(article: Article): string {
  const rows: [string, string][] = [];
  if (article.byline) rows.push(['By', escapeHtml(article.byline)]);
  if (article.siteName) rows.push(['Site', escapeHtml(article.siteName)]);
  if (article.publishedAt) rows.push(['Published', dateHtml(article.publishedAt)]);
  rows.push(['Source', sourceHtml(article.source)]);
  rows.push(['Content hash', `<code>${escapeHtml(article.contentHash)}</code>`]);
  return [
    '<dl class="provenance">',
    ...rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`),
    '</dl>',
  ].join('');
}

/** When and by what the report was made, and what the reader chose to leave out. */
export function generatedHtml(generatedAt: string, generator: string, options: ReportOptions): string {
  const choices: string[] = [];
  if (options.content === 'excerpts')
    choices.push('Only the annotated passages are shown, with their paragraphs.');
  if (!options.includeComments) choices.push('Comments are left out.');
  const extra = choices.length > 0 ? ` ${choices.join(' ')}` : '';
  return `<p class="generated">Generated ${dateHtml(generatedAt)} by ${escapeHtml(generator)}.${extra}</p>`;
}

function sourceHtml(source: string): string {
  const href = safeHref(source);
  if (href === null || /^mailto:/i.test(href)) return escapeHtml(source);
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(source)}</a>`;
}
