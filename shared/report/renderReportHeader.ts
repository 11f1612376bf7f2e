import type { Article } from '../model';
import { dateHtml } from './dateHtml';
import { escapeHtml } from './escapeHtml';
import { safeHref } from './safeHref';

/** The report's title and provenance: where the article came from and what wrote the report when. */
export function renderReportHeader(article: Article, generatedAt: string, generator: string): string {
  const rows: [string, string][] = [];
  if (article.byline) rows.push(['By', escapeHtml(article.byline)]);
  if (article.siteName) rows.push(['Site', escapeHtml(article.siteName)]);
  if (article.publishedAt) rows.push(['Published', dateHtml(article.publishedAt)]);
  rows.push(['Source', sourceHtml(article.source)]);
  rows.push(['Content hash', `<code>${escapeHtml(article.contentHash)}</code>`]);
  return [
    '<header class="report-header">',
    '<p class="kicker">Annotated article</p>',
    `<h1>${escapeHtml(article.title)}</h1>`,
    '<dl class="provenance">',
    ...rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`),
    '</dl>',
    `<p class="generated">Generated ${dateHtml(generatedAt)} by ${escapeHtml(generator)}.</p>`,
    '</header>',
  ].join('\n');
}

function sourceHtml(source: string): string {
  const href = safeHref(source);
  if (href === null || /^mailto:/i.test(href)) return escapeHtml(source);
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(source)}</a>`;
}
