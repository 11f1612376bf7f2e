import type { Block, InlineMark } from '../model';
import { escapeHtml } from './escapeHtml';
import type { ReportNote } from './numberNotes';
import type { InlineSpan } from './renderInlineText';
import { safeHref } from './safeHref';

/** Marks nest outside links, links outside strong, strong outside emphasis when lengths tie. */
const RANKS = { mark: 0, link: 1, strong: 2, emphasis: 3 } as const;
const LINK_REL = 'noopener noreferrer nofollow';

/**
 * The spans to draw in one block: a `mark` per touching note, clipped to the block, and the
 * block's inline marks (clamped to its text; unsafe and overlapping links dropped, keeping the text).
 */
export function blockSpans(block: Block, notes: readonly ReportNote[]): InlineSpan[] {
  const spans: InlineSpan[] = [];
  for (const note of notes) {
    const start = Math.max(note.annotation.start, block.start) - block.start;
    const end = Math.min(note.annotation.end, block.end) - block.start;
    if (start >= end) continue;
    spans.push({
      start,
      end,
      openTag: markOpenTag(note),
      closeTag: '</mark>',
      rank: RANKS.mark,
      order: note.number,
    });
  }
  let linkEnd = 0;
  const marks = block.marks
    .map((mark, order) => ({ mark, order, start: clamp(mark.start, block), end: clamp(mark.end, block) }))
    .filter((entry) => entry.start < entry.end)
    .sort((first, second) => first.start - second.start);
  for (const { mark, order, start, end } of marks) {
    const openTag = inlineOpenTag(mark);
    // A link inside a link is invalid HTML, which browsers would silently rearrange.
    if (openTag === null || (mark.type === 'link' && start < linkEnd)) continue;
    if (mark.type === 'link') linkEnd = end;
    spans.push({ start, end, openTag, closeTag: closeTagOf(mark), rank: RANKS[mark.type], order });
  }
  return spans;
}

/** The opening tag of an annotation's mark; every fragment of the passage carries the same one. */
export function markOpenTag(note: ReportNote): string {
  const { annotation } = note;
  return (
    `<mark data-tag="${escapeHtml(annotation.tag)}" data-annotation-id="${escapeHtml(annotation.id)}"` +
    ` title="${escapeHtml(note.label)}, note ${note.number}">`
  );
}

function inlineOpenTag(mark: InlineMark): string | null {
  if (mark.type === 'emphasis') return '<em>';
  if (mark.type === 'strong') return '<strong>';
  const href = safeHref(mark.href);
  return href === null ? null : `<a href="${escapeHtml(href)}" rel="${LINK_REL}">`;
}

function closeTagOf(mark: InlineMark): string {
  if (mark.type === 'emphasis') return '</em>';
  if (mark.type === 'strong') return '</strong>';
  return '</a>';
}

function clamp(offset: number, block: Block): number {
  return Math.max(0, Math.min(block.text.length, offset));
}
