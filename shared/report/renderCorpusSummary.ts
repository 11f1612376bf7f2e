import type { Tag } from '../model';
import { type AttributeBreakdown, attributeBreakdowns } from './attributeBreakdowns';
import { computeStats } from './computeStats';
import { escapeHtml } from './escapeHtml';
import { breakdownTitle, percent } from './renderSummary';
import type { ReportInput } from './reportInput';

/** How many values of a text attribute (speakers …) the cross-article table lists. */
const TOP_VALUES = 25;

/** One article of a corpus report, as its summaries refer to it. */
export interface CorpusEntry {
  input: ReportInput;
  /** The id of the article's section, the target of its links. */
  anchor: string;
}

/**
 * Figures across the articles: the tags per article, each choice attribute per article (claims by
 * verdict per article …) and, for attributes such as a quote's speaker, who appears where.
 */
export function renderCorpusSummary(entries: readonly CorpusEntry[], tags: readonly Tag[]): string {
  const perEntry = entries.map((entry) => attributeBreakdowns(tags, entry.input.annotations));
  const parts = [
    '<section class="corpus-summary" aria-labelledby="corpus-summary-title">',
    '<h2 id="corpus-summary-title">Across the articles</h2>',
    tagsPerArticle(entries, tags),
  ];
  for (const tag of tags) {
    for (const attribute of tag.attributes) {
      const breakdowns = perEntry.map(
        (list) =>
          list.find((item) => item.tag.key === tag.key && item.attribute.key === attribute.key) ?? null,
      );
      const present = breakdowns.find((item) => item !== null);
      if (!present) continue;
      parts.push(
        present.attribute.type === 'choice'
          ? choicePerArticle(entries, breakdowns, present)
          : valuesAcrossArticles(entries, breakdowns, present),
      );
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

function tagsPerArticle(entries: readonly CorpusEntry[], tags: readonly Tag[]): string {
  const head = tags.map(
    (tag) => `<th scope="col" data-tag="${escapeHtml(tag.key)}">${escapeHtml(tag.label)}</th>`,
  );
  const rows = entries.map((entry) => {
    const stats = computeStats(entry.input.article.text, tags, entry.input.annotations);
    const cells = tags.map((tag) => `<td>${stats.byTag[tag.key] ?? 0}</td>`);
    return (
      `<tr>${articleCell(entry)}<td>${stats.annotationCount}</td>${cells.join('')}` +
      `<td>${percent(stats.coverage)}</td></tr>`
    );
  });
  return [
    '<figure class="corpus-table">',
    '<figcaption>Annotations per article</figcaption>',
    '<div class="table-scroll"><table>',
    `<thead><tr><th scope="col">Article</th><th scope="col">All</th>${head.join('')}<th scope="col">Text covered</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table></div>',
    '</figure>',
  ].join('');
}

/** Rows are articles, columns the attribute's values: "claims by verdict per article". */
function choicePerArticle(
  entries: readonly CorpusEntry[],
  breakdowns: readonly (AttributeBreakdown | null)[],
  present: AttributeBreakdown,
): string {
  const values: string[] = [];
  const seen = new Set<string>();
  for (const breakdown of breakdowns) {
    for (const row of breakdown?.rows ?? []) {
      if (!seen.has(row.value)) values.push(row.value);
      seen.add(row.value);
    }
  }
  const hasUnset = breakdowns.some((breakdown) => (breakdown?.unset ?? 0) > 0);
  const head = values.map((value) => `<th scope="col">${escapeHtml(value)}</th>`);
  if (hasUnset) head.push('<th scope="col">not set</th>');
  const rows = entries.map((entry, index) => {
    const breakdown = breakdowns[index];
    const counts = new Map(breakdown?.rows.map((row) => [row.value, row.count]));
    const cells = values.map((value) => countCell(counts.get(value) ?? 0));
    if (hasUnset) cells.push(countCell(breakdown?.unset ?? 0));
    return `<tr>${articleCell(entry)}${cells.join('')}</tr>`;
  });
  return [
    `<figure class="corpus-table" data-tag="${escapeHtml(present.tag.key)}" data-attribute="${escapeHtml(present.attribute.key)}">`,
    `<figcaption>${breakdownTitle(present)}, per article</figcaption>`,
    '<div class="table-scroll"><table>',
    `<thead><tr><th scope="col">Article</th>${head.join('')}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table></div>',
    '</figure>',
  ].join('');
}

/** Rows are values (speakers …), most frequent first, with the articles each appears in: "who is quoted where". */
function valuesAcrossArticles(
  entries: readonly CorpusEntry[],
  breakdowns: readonly (AttributeBreakdown | null)[],
  present: AttributeBreakdown,
): string {
  const totals = new Map<string, { total: number; where: { entry: number; count: number }[] }>();
  breakdowns.forEach((breakdown, entry) => {
    for (const row of breakdown?.rows ?? []) {
      if (row.count === 0) continue;
      const value = totals.get(row.value) ?? { total: 0, where: [] };
      value.total += row.count;
      value.where.push({ entry, count: row.count });
      totals.set(row.value, value);
    }
  });
  const sorted = [...totals].sort(
    ([firstValue, first], [secondValue, second]) =>
      second.where.length - first.where.length ||
      second.total - first.total ||
      (firstValue < secondValue ? -1 : firstValue > secondValue ? 1 : 0),
  );
  if (sorted.length === 0) return '';
  const rows = sorted.slice(0, TOP_VALUES).map(([value, { total, where }]) => {
    const links = where.map(({ entry, count }) => {
      const target = entries[entry]!;
      return `<a href="#${target.anchor}" title="${escapeHtml(target.input.article.title)}">${entry + 1}</a>&#8239;(${count})`;
    });
    return `<tr><th scope="row">${escapeHtml(value)}</th><td>${total}</td><td>${links.join(', ')}</td></tr>`;
  });
  const more =
    sorted.length > TOP_VALUES ? `<p class="muted">${sorted.length - TOP_VALUES} more not listed.</p>` : '';
  return [
    `<figure class="corpus-table" data-tag="${escapeHtml(present.tag.key)}" data-attribute="${escapeHtml(present.attribute.key)}">`,
    `<figcaption>${breakdownTitle(present)}, across the articles</figcaption>`,
    '<div class="table-scroll"><table>',
    `<thead><tr><th scope="col">${escapeHtml(present.attribute.label)}</th><th scope="col">Annotations</th><th scope="col">Articles (annotations)</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table></div>',
    more,
    '</figure>',
  ].join('');
}

function articleCell(entry: CorpusEntry): string {
  return `<th scope="row"><a href="#${entry.anchor}">${escapeHtml(entry.input.article.title)}</a></th>`;
}

function countCell(count: number): string {
  return count === 0 ? '<td class="zero">0</td>' : `<td>${count}</td>`;
}
