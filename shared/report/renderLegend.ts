import type { Tag } from '../model';
import { escapeHtml } from './escapeHtml';
import { underlineOf } from './reportStyles';

/** The key to the highlights: each tag's colour, label, underline style and number of annotations. */
export function renderLegend(tags: readonly Tag[], byTag: Readonly<Record<string, number>>): string {
  const known = new Set(tags.map((tag) => tag.key));
  const entries = tags.map((tag) =>
    legendEntry(tag.key, tag.label, underlineOf(tag), tag.description, byTag),
  );
  for (const key of Object.keys(byTag)) {
    // Annotations may use a tag the codebook no longer has; they are drawn in a neutral style.
    if (!known.has(key)) entries.push(legendEntry(key, key, 'dotted', 'Not in this codebook.', byTag));
  }
  return [
    '<section class="legend" aria-labelledby="legend-title">',
    '<h2 id="legend-title">Key</h2>',
    '<ul>',
    ...entries,
    '</ul>',
    '</section>',
  ].join('\n');
}

function legendEntry(
  key: string,
  label: string,
  underline: string,
  description: string,
  byTag: Readonly<Record<string, number>>,
): string {
  const count = Object.hasOwn(byTag, key) ? (byTag[key] ?? 0) : 0;
  const descriptionHtml =
    description === '' ? '' : `<span class="legend-description">${escapeHtml(description)}</span>`;
  return [
    `<li data-tag="${escapeHtml(key)}">`,
    '<span class="legend-name"><span class="swatch" aria-hidden="true"></span> ',
    `<span class="legend-label">${escapeHtml(label)}</span></span> `,
    `<span class="legend-sample">${underline} underline</span> `,
    `<span class="legend-count">${count === 1 ? '1 annotation' : `${count} annotations`}</span>`,
    descriptionHtml,
    '</li>',
  ].join('');
}
