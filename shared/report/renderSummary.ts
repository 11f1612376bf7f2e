import type { Annotation, ReportStats, Tag } from '../model';
import { type AttributeBreakdown, attributeBreakdowns } from './attributeBreakdowns';
import { escapeHtml } from './escapeHtml';
import type { DocumentScope } from './reportOptions';

/** How many values of a text attribute (speakers …) a breakdown lists before summing the rest. */
const TOP_VALUES = 10;

/**
 * The figures: how many annotations cover how much of the text, a bar of the tags' shares, the
 * count per tag, and the breakdowns by attribute (claims by verdict, quotes by speaker …).
 */
export function renderSummary(
  tags: readonly Tag[],
  stats: ReportStats,
  annotations: readonly Pick<Annotation, 'tag' | 'attributes'>[],
  scope: Pick<DocumentScope, 'idPrefix'> & { headingLevel: number },
): string {
  const labels = new Map(tags.map((tag) => [tag.key, tag.label]));
  const counted = Object.entries(stats.byTag);
  const largest = Math.max(1, ...counted.map(([, count]) => count));
  const rows = counted.map(
    ([key, count]) =>
      `<tr data-tag="${escapeHtml(key)}"><th scope="row"><span class="swatch" aria-hidden="true"></span> ` +
      `${escapeHtml(labels.get(key) ?? key)}</th><td>${count}</td><td>${percent(share(count, stats.annotationCount))}</td>` +
      `<td class="bar-cell">${barHtml(count, largest)}</td></tr>`,
  );
  const total =
    stats.annotationCount === 1 ? '1 annotation covers' : `${stats.annotationCount} annotations cover`;
  const level = Math.min(6, scope.headingLevel);
  return [
    `<section class="summary" aria-labelledby="${scope.idPrefix}summary-title">`,
    `<h${level} id="${scope.idPrefix}summary-title">Summary</h${level}>`,
    `<p>${total} ${percent(stats.coverage)} of the text.</p>`,
    shareChart(counted, labels, stats.annotationCount),
    '<table class="tag-counts">',
    '<thead><tr><th scope="col">Tag</th><th scope="col">Annotations</th><th scope="col">Share</th><th scope="col"><span class="visually-hidden">Chart</span></th></tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
    renderBreakdowns(attributeBreakdowns(tags, annotations)),
    '</section>',
  ].join('\n');
}

/** Each breakdown as a small captioned table with a bar per value. */
export function renderBreakdowns(breakdowns: readonly AttributeBreakdown[]): string {
  if (breakdowns.length === 0) return '';
  const figures = breakdowns.map((breakdown) => {
    const shown = breakdown.rows.filter((row) => breakdown.attribute.type === 'choice' || row.count > 0);
    const top = shown.slice(0, TOP_VALUES);
    const rest = shown.slice(TOP_VALUES);
    const largest = Math.max(1, breakdown.unset, ...top.map((row) => row.count));
    const tag = escapeHtml(breakdown.tag.key);
    const rows = top.map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.value)}</th><td>${row.count}</td>` +
        `<td class="bar-cell" data-tag="${tag}">${barHtml(row.count, largest)}</td></tr>`,
    );
    if (rest.length > 0) {
      const others = rest.reduce((sum, row) => sum + row.count, 0);
      rows.push(
        `<tr class="muted-row"><th scope="row">${rest.length} more</th><td>${others}</td><td></td></tr>`,
      );
    }
    if (breakdown.unset > 0) {
      rows.push(
        `<tr class="muted-row"><th scope="row">not set</th><td>${breakdown.unset}</td>` +
          `<td class="bar-cell">${barHtml(breakdown.unset, largest)}</td></tr>`,
      );
    }
    return [
      `<figure class="breakdown" data-tag="${tag}" data-attribute="${escapeHtml(breakdown.attribute.key)}">`,
      `<figcaption>${breakdownTitle(breakdown)}</figcaption>`,
      '<table>',
      `<thead><tr><th scope="col">${escapeHtml(breakdown.attribute.label)}</th><th scope="col">Annotations</th><th scope="col"><span class="visually-hidden">Chart</span></th></tr></thead>`,
      `<tbody>${rows.join('')}</tbody>`,
      '</table>',
      '</figure>',
    ].join('');
  });
  return `<div class="breakdowns">${figures.join('\n')}</div>`;
}

/** "Claim annotations by verdict". */
export function breakdownTitle(breakdown: Pick<AttributeBreakdown, 'tag' | 'attribute'>): string {
  return (
    `<span class="breakdown-tag">${escapeHtml(breakdown.tag.label)}</span> annotations by ` +
    escapeHtml(breakdown.attribute.label.toLocaleLowerCase('en'))
  );
}

/** One horizontal bar split by tag: an at-a-glance picture of the table below it. */
function shareChart(counted: [string, number][], labels: Map<string, string>, total: number): string {
  if (total === 0) return '';
  const width = 1000;
  let x = 0;
  const rects: string[] = [];
  const description: string[] = [];
  for (const [key, count] of counted) {
    if (count === 0) continue;
    const label = labels.get(key) ?? key;
    const part = (count / total) * width;
    rects.push(
      `<rect data-tag="${escapeHtml(key)}" x="${x.toFixed(1)}" y="0" width="${part.toFixed(1)}" height="20">` +
        `<title>${escapeHtml(label)}: ${count}</title></rect>`,
    );
    description.push(`${label} ${count}`);
    x += part;
  }
  return (
    `<svg class="share-chart" role="img" viewBox="0 0 ${width} 20" preserveAspectRatio="none" width="100%" height="20">` +
    `<title>Annotations by tag: ${escapeHtml(description.join(', '))}</title>${rects.join('')}</svg>`
  );
}

/** A bar as long as `count` is against `largest`, drawn in the row's tag colour. */
function barHtml(count: number, largest: number): string {
  const length = Math.round((count / largest) * 100);
  return `<svg class="bar" viewBox="0 0 100 10" width="100" height="10" aria-hidden="true"><rect width="${length}" height="10" rx="2"></rect></svg>`;
}

function share(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

/** A share as a percentage with one decimal; a share too small to show is not rounded to zero. */
export function percent(value: number): string {
  if (value > 0 && value < 0.0005) return 'less than 0.1%';
  return `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
