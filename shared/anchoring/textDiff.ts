import { diffArrays } from 'diff';
import { lastAtOrBefore } from '../collections/lastAtOrBefore';

/** A stretch of two texts: the same in both, or replaced (either side may be empty). */
export interface DiffSegment {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  isEqual: boolean;
}

/** Words, runs of white space, and single other characters: the units two versions are compared in. */
const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[\s\S]/gu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * How one text became another, word by word (jsdiff's Myers diff over word, space and symbol
 * tokens): alternating equal and replaced segments covering both texts from start to end.
 */
export function textDiff(oldText: string, newText: string): DiffSegment[] {
  const changes = diffArrays(tokens(oldText), tokens(newText));
  const segments: DiffSegment[] = [];
  let oldOffset = 0;
  let newOffset = 0;
  for (const change of changes) {
    const length = change.value.reduce((sum, token) => sum + token.length, 0);
    const last = segments.at(-1);
    if (!change.added && !change.removed) {
      segments.push({
        oldStart: oldOffset,
        oldEnd: oldOffset + length,
        newStart: newOffset,
        newEnd: newOffset + length,
        isEqual: true,
      });
      oldOffset += length;
      newOffset += length;
      continue;
    }
    // A removal and an insertion next to each other are one replacement.
    const segment =
      last && !last.isEqual
        ? last
        : { oldStart: oldOffset, oldEnd: oldOffset, newStart: newOffset, newEnd: newOffset, isEqual: false };
    if (segment !== last) segments.push(segment);
    if (change.removed) {
      oldOffset += length;
      segment.oldEnd = oldOffset;
    } else {
      newOffset += length;
      segment.newEnd = newOffset;
    }
  }
  return slidToBoundaries(withoutChanceAlignments(segments), oldText, newText);
}

/**
 * Where a deletion or an insertion could sit in several places (a sentence cut before another that
 * starts with the same word: "La Commission … . La CNIL" becoming "La CNIL"), it is slid to the
 * place whose edges are the strongest boundaries (blank line, line break, end of sentence, white
 * space), as diff-match-patch's semantic clean-up does. Otherwise the word left standing would be
 * said to be the one that was deleted.
 */
function slidToBoundaries(segments: DiffSegment[], oldText: string, newText: string): DiffSegment[] {
  for (let index = 1; index < segments.length - 1; index += 1) {
    const before = segments[index - 1]!;
    const change = segments[index]!;
    const after = segments[index + 1]!;
    if (!before.isEqual || change.isEqual || !after.isEqual) continue;
    const isDeletion = change.newStart === change.newEnd;
    if (!isDeletion && change.oldStart !== change.oldEnd) continue;
    // The side the change has text on, and where the change lies in it.
    const text = isDeletion ? oldText : newText;
    const start = isDeletion ? change.oldStart : change.newStart;
    const end = isDeletion ? change.oldEnd : change.newEnd;
    const leftRoom = isDeletion ? before.oldEnd - before.oldStart : before.newEnd - before.newStart;
    const rightRoom = isDeletion ? after.oldEnd - after.oldStart : after.newEnd - after.newStart;
    let best = 0;
    let bestScore = boundaryScore(text, start) + boundaryScore(text, end);
    for (let shift = -1; shift >= -leftRoom && text[start + shift] === text[end + shift]; shift -= 1) {
      const score = boundaryScore(text, start + shift) + boundaryScore(text, end + shift);
      if (score > bestScore) [best, bestScore] = [shift, score];
    }
    for (let shift = 1; shift <= rightRoom && text[start + shift - 1] === text[end + shift - 1]; shift += 1) {
      const score = boundaryScore(text, start + shift) + boundaryScore(text, end + shift);
      if (score > bestScore) [best, bestScore] = [shift, score];
    }
    if (best === 0) continue;
    for (const segment of [before, change, after]) {
      if (segment !== before) {
        segment.oldStart += best;
        segment.newStart += best;
      }
      if (segment !== after) {
        segment.oldEnd += best;
        segment.newEnd += best;
      }
    }
  }
  return segments.filter((segment) => segment.oldEnd > segment.oldStart || segment.newEnd > segment.newStart);
}

/** How strong a boundary `position` is in `text`: 6 an edge, 5 a blank line, down to 0 inside a word. */
function boundaryScore(text: string, position: number): number {
  if (position <= 0 || position >= text.length) return 6;
  const left = text[position - 1]!;
  const right = text[position]!;
  if (text.slice(position - 2, position) === '\n\n' || text.slice(position, position + 2) === '\n\n')
    return 5;
  if (left === '\n' || right === '\n') return 4;
  const isWordCharacter = (character: string) => /[\p{L}\p{N}]/u.test(character);
  if (/[.!?;:)”"’»]/u.test(left) && /\s/.test(right)) return 3;
  if (/\s/.test(left) || /\s/.test(right)) return 2;
  if (!isWordCharacter(left) || !isWordCharacter(right)) return 1;
  return 0;
}

/** Equal stretches shorter than this, between two larger changes, are taken for chance. */
const CHANCE_ALIGNMENT = 12;

/**
 * A minimal diff lines up any common word ("the") inside rewritten text; like diff-match-patch's
 * semantic clean-up, such short equal stretches between larger changes become part of one
 * replacement, so nothing is said to have stayed where it did not.
 */
function withoutChanceAlignments(segments: DiffSegment[]): DiffSegment[] {
  const size = (segment: DiffSegment) =>
    segment.oldEnd - segment.oldStart + segment.newEnd - segment.newStart;
  const result: DiffSegment[] = [];
  for (const segment of segments) {
    const previous = result.at(-1);
    if (previous && !previous.isEqual && !segment.isEqual) {
      previous.oldEnd = segment.oldEnd;
      previous.newEnd = segment.newEnd;
      continue;
    }
    result.push({ ...segment });
    // An equal stretch is judged once the change after it is known.
    const [before, equal, after] = result.slice(-3);
    if (
      result.length >= 3 &&
      before &&
      equal &&
      after &&
      !before.isEqual &&
      equal.isEqual &&
      !after.isEqual &&
      equal.oldEnd - equal.oldStart < CHANCE_ALIGNMENT &&
      size(before) + size(after) > 2 * (equal.oldEnd - equal.oldStart)
    ) {
      result.splice(-3, 3, {
        oldStart: before.oldStart,
        oldEnd: after.oldEnd,
        newStart: before.newStart,
        newEnd: after.newEnd,
        isEqual: false,
      });
    }
  }
  return result;
}

/** The segment holding old offset `offset` (the last one when it is the text's end). */
export function segmentAt(segments: readonly DiffSegment[], offset: number): DiffSegment | undefined {
  // An empty old side (an insertion) holds no old offset; the equal segment after it does.
  let index = lastAtOrBefore(segments, offset, (segment) => segment.oldStart);
  while (
    index < segments.length - 1 &&
    segments[index]!.oldEnd <= offset &&
    segments[index + 1]!.oldStart <= offset
  ) {
    index += 1;
  }
  return segments[index];
}
