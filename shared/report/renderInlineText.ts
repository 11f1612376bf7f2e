import { lowerBound } from '../collections/lowerBound';
import { escapeHtml } from './escapeHtml';

/** A stretch of a block's text wrapped in one element: an annotation's mark or an inline mark. */
export interface InlineSpan {
  /** Offsets into the block's own text. */
  start: number;
  end: number;
  openTag: string;
  closeTag: string;
  /** Among spans of equal length, lower ranks nest outside higher ones (marks outside links …). */
  rank: number;
  /** The last tie-breaker; unique per rank within a block. */
  order: number;
}

/** A note reference to place in a block's text: the superscript number linking to note `number`. */
export interface NoteRef {
  /** Offset into the block's own text, after the last character of the annotation there. */
  position: number;
  number: number;
}

/** Where a page of the original (a PDF) begins in a block's text: "p. 12" is drawn there. */
export interface PageRef {
  position: number;
  page: number;
}

/**
 * Renders a block's text with its spans as properly nested HTML. The text is cut at every span
 * edge; at each cut only the elements that change are closed and reopened, longer spans staying
 * outside shorter ones, so a span crossing another becomes several fragments and nothing misnests.
 * `refs` must be sorted by position; each reference is placed outside every element. `idPrefix`
 * keeps the references' ids apart when a report holds several articles.
 */
export function renderInlineText(
  text: string,
  spans: readonly InlineSpan[],
  refs: readonly (NoteRef | PageRef)[],
  idPrefix = '',
): string {
  const parts: string[] = [];
  const byStart = spans.slice().sort((first, second) => first.start - second.start);
  const byEnd = spans.slice().sort((first, second) => first.end - second.end);
  // `active` holds the spans covering the current position, outermost first; `open` the elements
  // written and not yet closed. After each cut they are equal.
  const active: InlineSpan[] = [];
  const open: InlineSpan[] = [];
  let startIndex = 0;
  let endIndex = 0;
  let refIndex = 0;
  let position = 0;
  for (;;) {
    let firstChanged = open.length;
    while (endIndex < byEnd.length && byEnd[endIndex]!.end <= position) {
      const index = nestingIndex(active, byEnd[endIndex++]!);
      active.splice(index, 1);
      firstChanged = Math.min(firstChanged, index);
    }
    if (refIndex < refs.length && refs[refIndex]!.position <= position) {
      // A reference inside an element would count as the passage's text (or nest a link in a link).
      closeDownTo(open, 0, parts);
      firstChanged = 0;
      while (refIndex < refs.length && refs[refIndex]!.position <= position) {
        parts.push(refHtml(refs[refIndex++]!, idPrefix));
      }
    }
    if (position >= text.length) break;
    while (startIndex < byStart.length && byStart[startIndex]!.start <= position) {
      const span = byStart[startIndex++]!;
      const index = nestingIndex(active, span);
      active.splice(index, 0, span);
      firstChanged = Math.min(firstChanged, index);
    }
    closeDownTo(open, firstChanged, parts);
    for (let index = open.length; index < active.length; index++) {
      open.push(active[index]!);
      parts.push(active[index]!.openTag);
    }
    const next = Math.min(
      text.length,
      byStart[startIndex]?.start ?? text.length,
      byEnd[endIndex]?.end ?? text.length,
      refs[refIndex]?.position ?? text.length,
    );
    parts.push(escapeHtml(text.slice(position, next)));
    position = next;
  }
  closeDownTo(open, 0, parts);
  for (; refIndex < refs.length; refIndex++) parts.push(refHtml(refs[refIndex]!, idPrefix));
  return parts.join('');
}

function refHtml(ref: NoteRef | PageRef, idPrefix: string): string {
  return 'page' in ref
    ? `<span class="page-marker" title="Page ${ref.page} of the original">${pageLabel(ref.page)}</span>`
    : noteRefHtml(ref.number, idPrefix);
}

/** How a page of the original is cited: "p. 12". */
export function pageLabel(page: number): string {
  return `p. ${page}`;
}

/** The superscript number after an annotated passage, linking to its note. */
export function noteRefHtml(number: number, idPrefix = ''): string {
  return `<sup class="note-ref" id="${idPrefix}ref-${number}"><a href="#${idPrefix}note-${number}">${number}</a></sup>`;
}

function closeDownTo(open: InlineSpan[], length: number, parts: string[]): void {
  while (open.length > length) parts.push(open.pop()!.closeTag);
}

/** Longer spans nest outside shorter ones; rank, start and order make the order total. */
function compareNesting(first: InlineSpan, second: InlineSpan): number {
  return (
    second.end - second.start - (first.end - first.start) ||
    first.rank - second.rank ||
    first.start - second.start ||
    first.order - second.order
  );
}

/** Where `span` is or belongs in `list`, which is sorted by nesting order. */
function nestingIndex(list: readonly InlineSpan[], span: InlineSpan): number {
  return lowerBound(list, span, compareNesting);
}
