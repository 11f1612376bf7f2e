import type { Tag } from '../model';
import { computeStats } from './computeStats';
import { escapeHtml } from './escapeHtml';
import { numberNotes } from './numberNotes';
import { renderArticleBody } from './renderArticleBody';
import { renderLegend } from './renderLegend';
import { renderNotes } from './renderNotes';
import { renderReportHeader } from './renderReportHeader';
import { renderSummary } from './renderSummary';
import type { ReportInput } from './reportInput';
import { reportStyles } from './reportStyles';

/** The report's Content Security Policy: no scripts, no requests, only its own inline styles. */
export const REPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The HTML report: one self-contained file (inline CSS, no script, a CSP) with the title and
 * provenance, a key to the tags, the article with every annotated passage marked and numbered,
 * the notes beside it (below it on narrow screens and on paper) and the figures.
 */
export function renderHtmlReport(input: ReportInput): string {
  const { article, tags, annotations } = input;
  const tagsByKey = new Map<string, Tag>(tags.map((tag) => [tag.key, tag]));
  const notes = numberNotes(annotations, tagsByKey);
  const stats = computeStats(article.text, tags, annotations);
  const langAttribute = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  const dirAttribute = ` dir="${article.dir === 'rtl' ? 'rtl' : 'ltr'}"`;
  return [
    '<!doctype html>',
    `<html${langAttribute}${dirAttribute}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${escapeHtml(input.generator)}">`,
    `<title>${escapeHtml(article.title)} · annotated</title>`,
    `<style>\n${reportStyles(tags)}</style>`,
    '</head>',
    '<body>',
    renderReportHeader(article, input.generatedAt, input.generator),
    renderLegend(tags, stats.byTag),
    '<main class="report-body">',
    '<article class="article-text" aria-label="Article">',
    renderArticleBody(article.blocks, notes),
    '</article>',
    '<aside class="notes-column" aria-labelledby="notes-title">',
    '<h2 id="notes-title">Notes</h2>',
    renderNotes(notes),
    '</aside>',
    '</main>',
    renderSummary(tags, stats),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
