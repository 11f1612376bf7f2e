import type { InlineMark } from '../../../shared/model';

/** An inline mark while its block is being built; `start` waits for the mark's first text. */
export interface MarkHandle {
  type: InlineMark['type'];
  href?: string;
  start: number | null;
  end: number | null;
}

/** A finished block's text and marks. */
export interface InlineContent {
  text: string;
  marks: InlineMark[];
}

/**
 * How a block's edges are cleaned: 'trimmed' drops whitespace at both ends; 'preformatted' keeps
 * the first line's indentation and drops only leading blank lines and trailing whitespace.
 */
export type EdgeMode = 'trimmed' | 'preformatted';

const COLLAPSIBLE_WHITESPACE = /[ \t\n\r\f]+/g;
const LEADING_BLANK_LINES = /^(?:[^\S\n]*\n)+/;

/**
 * Builds one block's text and marks at a time. Text goes into an array joined once per block, so
 * long pages cost linear time; gaps (a collapsed space, a table cell separator) are written only
 * when more text follows, which drops them at block edges and next to line breaks.
 */
export class InlineText {
  private parts: string[] = [];
  private length = 0;
  private lastChar = '';
  private gap: string | null = null;
  private marks: MarkHandle[] = [];
  private unstartedMarks: MarkHandle[] = [];

  /** Whether the text so far ends in a line break. */
  get endsWithLineBreak(): boolean {
    return this.lastChar === '\n';
  }

  /** Appends text whose ASCII whitespace collapses to single spaces, as in HTML (U+00A0 stays). */
  appendCollapsible(text: string): void {
    const collapsed = text.replace(COLLAPSIBLE_WHITESPACE, ' ');
    if (collapsed === '') return;
    if (collapsed === ' ') {
      this.requestGap(' ');
      return;
    }
    const startsWithSpace = collapsed.startsWith(' ');
    const endsWithSpace = collapsed.endsWith(' ');
    if (startsWithSpace) this.requestGap(' ');
    this.appendVerbatim(collapsed.slice(startsWithSpace ? 1 : 0, endsWithSpace ? -1 : undefined));
    if (endsWithSpace) this.requestGap(' ');
  }

  /** Appends text exactly as given, after any pending gap. */
  appendVerbatim(text: string): void {
    if (text === '') return;
    if (this.gap !== null) {
      this.write(this.gap);
      this.gap = null;
    }
    if (this.unstartedMarks.length > 0) {
      for (const mark of this.unstartedMarks) mark.start = this.length;
      this.unstartedMarks = [];
    }
    this.write(text);
  }

  /** Appends a line break; a pending space before it is dropped, as HTML drops it. */
  lineBreak(): void {
    this.gap = null;
    this.write('\n');
  }

  /** Asks for `separator` before the next text; at a block's start or after a line break it is not needed. */
  requestGap(separator: string): void {
    if (this.length === 0 || this.lastChar === '\n') return;
    if (this.gap === null || separator.length > this.gap.length) this.gap = separator;
  }

  /** Starts a mark at the next text; close it with `closeMark`. */
  openMark(type: InlineMark['type'], href?: string): MarkHandle {
    const mark: MarkHandle =
      href === undefined ? { type, start: null, end: null } : { type, href, start: null, end: null };
    this.marks.push(mark);
    this.unstartedMarks.push(mark);
    return mark;
  }

  /** Ends a mark at the text written so far. */
  closeMark(mark: MarkHandle): void {
    mark.end = this.length;
  }

  /**
   * Takes the block built so far and starts the next; marks still open carry on into it.
   * Returns null when the block has no text once its edges are cleaned.
   */
  take(mode: EdgeMode): InlineContent | null {
    const raw = this.parts.join('');
    const end = raw.trimEnd().length;
    const start =
      mode === 'trimmed'
        ? raw.length - raw.trimStart().length
        : (LEADING_BLANK_LINES.exec(raw)?.[0].length ?? 0);
    const text = end > start ? raw.slice(start, end) : '';
    const marks = text === '' ? [] : finishMarks(this.marks, start, text);
    const stillOpen = this.marks.filter((mark) => mark.end === null);
    for (const mark of stillOpen) mark.start = null;
    this.parts = [];
    this.length = 0;
    this.lastChar = '';
    this.gap = null;
    this.marks = stillOpen;
    this.unstartedMarks = [...stillOpen];
    return text === '' ? null : { text, marks };
  }

  private write(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    this.lastChar = text[text.length - 1] ?? this.lastChar;
  }
}

/**
 * Places marks in a block's cleaned text: shifted by the cut `offset`, clipped to the text, shrunk
 * to leave out whitespace at their ends, empty ones dropped, and touching or overlapping marks of
 * the same kind (and address) merged.
 */
function finishMarks(handles: readonly MarkHandle[], offset: number, text: string): InlineMark[] {
  const clipped: InlineMark[] = [];
  for (const handle of handles) {
    if (handle.start === null) continue;
    let start = Math.max(0, handle.start - offset);
    let end = Math.min(text.length, (handle.end ?? Number.POSITIVE_INFINITY) - offset);
    while (start < end && /\s/.test(text[start]!)) start += 1;
    while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
    if (start >= end) continue;
    clipped.push(
      handle.href === undefined
        ? { type: handle.type, start, end }
        : { type: handle.type, start, end, href: handle.href },
    );
  }
  clipped.sort((a, b) => markKey(a).localeCompare(markKey(b)) || a.start - b.start);
  const merged: InlineMark[] = [];
  for (const mark of clipped) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && markKey(previous) === markKey(mark) && mark.start <= previous.end) {
      previous.end = Math.max(previous.end, mark.end);
    } else {
      merged.push(mark);
    }
  }
  return merged.sort((a, b) => a.start - b.start || b.end - a.end || a.type.localeCompare(b.type));
}

function markKey(mark: InlineMark): string {
  return mark.href === undefined ? mark.type : `${mark.type} ${mark.href}`;
}
