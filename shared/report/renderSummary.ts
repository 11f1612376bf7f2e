import type { ReportStats, Tag } from '../model';
import { escapeHtml } from './escapeHtml';

/** The figures: annotations per tag and the share of the text they cover. */
export function renderSummary(tags: readonly Tag[], stats: ReportStats): string {
  const labels = new Map(tags.map((tag) => [tag.key, tag.label]));
  const rows = Object.entries(stats.byTag).map(([key, count]) => {
    const share = stats.annotationCount === 0 ? 0 : count / stats.annotationCount;
    return (
      `<tr data-tag="${escapeHtml(key)}"><th scope="row"><span class="swatch" aria-hidden="true"></span> ` +
      `${escapeHtml(labels.get(key) ?? key)}</th><td>${count}</td><td>${percent(share)}</td></tr>`
    );
  });
  const total =
    stats.annotationCount === 1 ? '1 annotation covers' : `${stats.annotationCount} annotations cover`;
  return [
    '<section class="summary" aria-labelledby="summary-title">',
    '<h2 id="summary-title">Summary</h2>',
    `<p>${total} ${percent(stats.coverage)} of the text.</p>`,
    '<table>',
    '<thead><tr><th scope="col">Tag</th><th scope="col">Annotations</th><th scope="col">Share</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
    '</section>',
  ].join('\n');
}

/** A share as a percentage with one decimal; a share too small to show is not rounded to zero. */
function percent(share: number): string {
  if (share > 0 && share < 0.0005) return 'less than 0.1%';
  return `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
