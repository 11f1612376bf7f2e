import type { Block } from '../model';
import type { ReportNote } from './numberNotes';
import type { NoteRef } from './renderInlineText';

/** What one block shows of the annotations: the notes whose passages touch it, and references. */
export interface BlockNotes {
  /** Notes whose range overlaps the block's text, in text order. */
  notes: ReportNote[];
  /** References to place in this block, sorted by position, then number. */
  refs: NoteRef[];
}

/**
 * Distributes notes (in text order) over the blocks (in text order). A passage spanning several
 * blocks touches each of them; its reference goes after its last character, in the last block it
 * reaches, or at the end of the block before when it covers nothing but a block separator.
 * Linear in blocks plus notes plus the pieces produced.
 */
export function distributeNotes(blocks: readonly Block[], notes: readonly ReportNote[]): BlockNotes[] {
  const result: BlockNotes[] = blocks.map(() => ({ notes: [], refs: [] }));
  for (const note of notes) {
    const index = lastBlockStartingBefore(blocks, note.annotation.end);
    const block = blocks[index];
    if (block === undefined) continue;
    const position = Math.min(note.annotation.end, block.end) - block.start;
    result[index]!.refs.push({ position, number: note.number });
  }
  for (const blockNotes of result) {
    blockNotes.refs.sort((first, second) => first.position - second.position || first.number - second.number);
  }
  // Notes that started before the current block and may reach into it or further.
  let carried: ReportNote[] = [];
  let nextNote = 0;
  blocks.forEach((block, index) => {
    while (nextNote < notes.length && notes[nextNote]!.annotation.start < block.end) {
      carried.push(notes[nextNote++]!);
    }
    const touching: ReportNote[] = [];
    const reachingFurther: ReportNote[] = [];
    for (const note of carried) {
      if (note.annotation.end > block.start) touching.push(note);
      if (note.annotation.end > block.end) reachingFurther.push(note);
    }
    result[index]!.notes = touching;
    carried = reachingFurther;
  });
  return result;
}

/** The index of the last block that starts before `offset`, or -1 (binary search). */
function lastBlockStartingBefore(blocks: readonly Block[], offset: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (blocks[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
