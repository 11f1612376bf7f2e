import { type Block, pageStarts } from '../model';
import { blockSpans } from './blockSpans';
import { type BlockNotes, distributeNotes } from './distributeNotes';
import type { ReportNote } from './numberNotes';
import { type NoteRef, type PageRef, renderInlineText } from './renderInlineText';
import { renderNoteList } from './renderNotes';
import type { DocumentScope, ReportOptions } from './reportOptions';

/** A block's notes, and the note references and page markers to draw in its text, in order. */
interface BlockInserts {
  notes: BlockNotes['notes'];
  refs: (NoteRef | PageRef)[];
}

/** A wrapper some blocks share: list items their list, adjacent quoted paragraphs one blockquote. */
type Container = 'ul' | 'ol' | 'blockquote' | null;

/** Blocks drawn together: one block, or a run sharing a container; its notes sit beside it. */
interface Unit {
  container: Container;
  blocks: number[];
}

/**
 * The article's blocks as HTML, each annotated passage drawn as `mark` fragments with its note
 * reference after it, and each passage's note in an `aside` just before the block (or list, or
 * quotation) where the passage starts. The style sheet floats those asides into the margin on wide
 * screens and on paper, and moves them below the article, in order, on narrow screens.
 *
 * Headings move down by the scope's shift so the report's own headings stay above them;
 * consecutive list items share a list that keeps their numbers. With `content: 'excerpts'` only
 * blocks that an annotated passage touches are drawn, and a marker says how many were left out.
 */
export function renderArticleBody(
  blocks: readonly Block[],
  notes: readonly ReportNote[],
  options: ReportOptions,
  scope: DocumentScope,
): string {
  const perBlock = withPageRefs(blocks, distributeNotes(blocks, notes));
  const startingIn = notesByStartBlock(blocks, notes);
  const isShown = (index: number) => options.content === 'full' || perBlock[index]!.notes.length > 0;
  const parts: string[] = [];
  let leftOut = 0;
  for (const unit of units(blocks, isShown)) {
    if (unit === 'hidden') {
      leftOut += 1;
      continue;
    }
    if (leftOut > 0) parts.push(omissionHtml(leftOut));
    leftOut = 0;
    const unitNotes = unit.blocks.flatMap((index) => startingIn[index]!);
    if (unitNotes.length > 0) {
      const first = unitNotes[0]!.number;
      const last = unitNotes.at(-1)!.number;
      const label = first === last ? `Note ${first}` : `Notes ${first} to ${last}`;
      parts.push(
        `<aside class="margin-notes" aria-label="${label}">${renderNoteList(unitNotes, options, scope)}</aside>`,
      );
    }
    parts.push(unitHtml(blocks, unit, perBlock, scope));
  }
  if (leftOut > 0) parts.push(omissionHtml(leftOut));
  return parts.join('\n');
}

/**
 * Each block's references with "p. N" markers where pages of the original begin, after any note
 * reference at the same place (the note belongs to the text before the page turns).
 */
function withPageRefs(blocks: readonly Block[], perBlock: BlockNotes[]): BlockInserts[] {
  const starts = pageStarts(blocks);
  if (starts.length === 0) return perBlock;
  let next = 0;
  return perBlock.map((blockNotes, index) => {
    const block = blocks[index]!;
    const pages: PageRef[] = [];
    while (next < starts.length && starts[next]!.offset <= block.end) {
      const { offset, page } = starts[next++]!;
      pages.push({ position: offset - block.start, page });
    }
    if (pages.length === 0) return blockNotes;
    const refs: (NoteRef | PageRef)[] = [...blockNotes.refs, ...pages].sort(
      (first, second) =>
        first.position - second.position || Number('page' in first) - Number('page' in second),
    );
    return { ...blockNotes, refs };
  });
}

/** The units of the article in order; a hidden block is its own entry so omissions can be counted. */
function units(blocks: readonly Block[], isShown: (index: number) => boolean): (Unit | 'hidden')[] {
  const result: (Unit | 'hidden')[] = [];
  let current: Unit | null = null;
  let expectedNumber = 1;
  blocks.forEach((block, index) => {
    if (!isShown(index)) {
      current = null;
      result.push('hidden');
      return;
    }
    const container = containerOf(block);
    const restartsList = container === 'ol' && block.number !== undefined && block.number < expectedNumber;
    if (current === null || container === null || current.container !== container || restartsList) {
      current = { container, blocks: [] };
      result.push(current);
    }
    current.blocks.push(index);
    if (container === 'ol') expectedNumber = (block.number ?? expectedNumber) + 1;
  });
  return result;
}

function unitHtml(
  blocks: readonly Block[],
  unit: Unit,
  perBlock: readonly BlockInserts[],
  scope: DocumentScope,
): string {
  const parts: string[] = [];
  const firstNumber = blocks[unit.blocks[0]!]!.number ?? 1;
  let expectedNumber = firstNumber;
  if (unit.container === 'ol') parts.push(firstNumber === 1 ? '<ol>' : `<ol start="${firstNumber}">`);
  else if (unit.container !== null) parts.push(`<${unit.container}>`);
  for (const index of unit.blocks) {
    const block = blocks[index]!;
    const { notes, refs } = perBlock[index]!;
    const content = renderInlineText(block.text, blockSpans(block, notes), refs, scope.idPrefix);
    parts.push(blockHtml(block, content, expectedNumber, scope.headingShift));
    if (unit.container === 'ol') expectedNumber = (block.number ?? expectedNumber) + 1;
  }
  if (unit.container !== null) parts.push(`</${unit.container}>`);
  return parts.join('');
}

/**
 * For each block, the notes whose passage starts in it, in number order. A passage that starts on
 * the separator between two blocks belongs to the block after it.
 */
function notesByStartBlock(blocks: readonly Block[], notes: readonly ReportNote[]): ReportNote[][] {
  const result: ReportNote[][] = blocks.map(() => []);
  let index = 0;
  for (const note of notes) {
    // Notes come in text order, so the block index only moves forward.
    while (index < blocks.length - 1 && blocks[index]!.end <= note.annotation.start) index += 1;
    result[index]?.push(note);
  }
  return result;
}

function omissionHtml(count: number): string {
  const what = count === 1 ? '1 passage without annotations' : `${count} passages without annotations`;
  return `<p class="omission">[…] ${what} left out</p>`;
}

function containerOf(block: Block): Container {
  if (block.type === 'listItem') return block.ordered ? 'ol' : 'ul';
  return block.type === 'blockquote' ? 'blockquote' : null;
}

function blockHtml(block: Block, content: string, expectedNumber: number, headingShift: number): string {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, block.level ?? 1) + headingShift);
      return `<h${level}>${content}</h${level}>`;
    }
    case 'listItem': {
      const hasOwnNumber = block.ordered && block.number !== undefined && block.number !== expectedNumber;
      return hasOwnNumber ? `<li value="${block.number}">${content}</li>` : `<li>${content}</li>`;
    }
    case 'preformatted':
      return `<pre>${content}</pre>`;
    default:
      return `<p>${content}</p>`;
  }
}
