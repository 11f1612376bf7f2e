import approximateSearch from 'approx-string-match';
import { lastAtOrBefore } from '../collections/lastAtOrBefore';
import { anchorAt, isValidRange } from './anchorAt';
import { normalForm, readsTheSame } from './normalForm';
import { type DiffSegment, segmentAt, textDiff } from './textDiff';
import { isWordCharacter } from './words';

/** Where an annotation was, as it records it. */
export interface AnchoredPassage {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * Where an annotation lands in a new version of its text:
 * - `exact`: the same words, in the same surroundings;
 * - `moved`: the same words elsewhere (white space and quote styles may differ);
 * - `changed`: found, but some of its words differ; `previousQuote` holds the old ones;
 * - `orphaned`: not found with confidence, so not placed at all.
 */
export type Reanchored =
  | {
      status: 'exact' | 'moved' | 'changed';
      start: number;
      end: number;
      quote: string;
      previousQuote: string;
    }
  | { status: 'orphaned'; previousQuote: string };

/**
 * How many characters must agree, the passage's own and its context's together, before it is
 * placed where its words are found: "the" with "Middle East" after it occurs in many articles
 * twice, and a lost passage must not land on the other one.
 */
const MIN_EVIDENCE = 40;
/** Context on one side agreeing for this many characters says the passage is still among its own words. */
const MIN_SIDE_AGREEMENT = 8;
/** A changed passage is shown to a person for review, so less evidence places it. */
const MIN_FLAGGED_EVIDENCE = 24;
/** A changed passage may differ in up to a quarter of its characters. */
const MAX_ERROR_SHARE = 0.25;

/**
 * Places annotations of `oldText` in `newText`. The two texts are diffed word by word once; each
 * annotation follows its words through the diff, and when they were removed from where they stood
 * (a paragraph moved, a sentence rewritten) it is searched for by its quote, exactly and then
 * approximately, choosing between candidates by the context it recorded. Anything ambiguous is
 * orphaned rather than placed on words that may not be its own.
 */
export function reanchorAll<T extends AnchoredPassage>(
  annotations: readonly T[],
  oldText: string,
  newText: string,
): Reanchored[] {
  const segments = textDiff(oldText, newText);
  const searchable = normalForm(newText);
  const original = normalForm(oldText);
  return annotations.map((annotation) =>
    reanchor(annotation, oldText, newText, segments, searchable, original),
  );
}

/** Places one annotation; see reanchorAll. */
export function reanchor(
  annotation: AnchoredPassage,
  oldText: string,
  newText: string,
  segments: readonly DiffSegment[] = textDiff(oldText, newText),
  searchable = normalForm(newText),
  original = normalForm(oldText),
): Reanchored {
  const previousQuote = annotation.quote;
  const followed =
    oldText.slice(annotation.start, annotation.end) === annotation.quote
      ? throughDiff(annotation, newText, segments, original)
      : null;
  return (
    followed ?? bySearch(annotation, newText, segments, searchable) ?? { status: 'orphaned', previousQuote }
  );
}

/** Follows the annotation's characters through the diff, or null when none of them survived. */
function throughDiff(
  annotation: AnchoredPassage,
  newText: string,
  segments: readonly DiffSegment[],
  original: { text: string; offsets: number[] },
): Reanchored | null {
  const { start, end } = annotation;
  const first = segmentAt(segments, start);
  const last = segmentAt(segments, end - 1);
  if (!first || !last) return null;
  let surviving = 0;
  for (const segment of segments) {
    if (segment.oldEnd <= start) continue;
    if (segment.oldStart >= end) break;
    if (segment.isEqual) surviving += Math.min(end, segment.oldEnd) - Math.max(start, segment.oldStart);
  }
  if (surviving === 0) return null;
  // Inside a replaced stretch, the passage's edge is put as far from the stretch's end (or start)
  // as it was before, then widened to whole words.
  let newStart = first.isEqual
    ? first.newStart + (start - first.oldStart)
    : Math.max(first.newStart, first.newEnd - (first.oldEnd - start));
  let newEnd = last.isEqual
    ? last.newStart + (end - last.oldStart)
    : Math.min(last.newEnd, last.newStart + (end - last.oldStart));
  [newStart, newEnd] = wholeWords(newText, newStart, newEnd);
  if (!isValidRange(newText, newStart, newEnd)) return null;
  const quote = newText.slice(newStart, newEnd);
  if (readsTheSame(quote, annotation.quote)) {
    // A short passage kept only by a short equal stretch may be a chance match of common words:
    // it must be found again by its context instead.
    const agreedBefore = first.isEqual ? start - first.oldStart : 0;
    const agreedAfter = last.isEqual ? last.oldEnd - end : 0;
    const isAtEdge =
      (first.isEqual && first.oldStart === 0) || (last.isEqual && last.newEnd === newText.length);
    if (quote.length + agreedBefore + agreedAfter < MIN_EVIDENCE && !isAtEdge) return null;
    const context = anchorAt(newText, newStart, newEnd);
    if (belongsElsewhere(annotation, quote, context, original, segments)) return null;
    const isInPlace =
      readsTheSame(context.prefix, annotation.prefix) || readsTheSame(context.suffix, annotation.suffix);
    return {
      status: isInPlace ? 'exact' : 'moved',
      start: newStart,
      end: newEnd,
      quote,
      previousQuote: annotation.quote,
    };
  }
  const oldLength = end - start;
  if (surviving / oldLength < 0.5 || quote.length > 2 * oldLength + 40) return null;
  return { status: 'changed', start: newStart, end: newEnd, quote, previousQuote: annotation.quote };
}

/**
 * Whether the words a passage landed on, with the new text on the side where its context changed,
 * stood in the old text somewhere else: then they are that other passage's words, which a diff
 * can line up with this one when the sentence holding it was cut ("La Commission … . La CNIL …"
 * becoming "La CNIL …").
 */
function belongsElsewhere(
  passage: AnchoredPassage,
  quote: string,
  context: { prefix: string; suffix: string },
  original: { text: string; offsets: number[] },
  segments: readonly DiffSegment[],
): boolean {
  // A side agrees when its context reads the same, or the first eight characters do (a recorded
  // context at the text's start or end may be shorter than that).
  const agrees = (recorded: string, now: string, common: (first: string, second: string) => number) => {
    const [a, b] = [normalForm(recorded).text, normalForm(now).text];
    return a === b || common(a, b) >= Math.min(MIN_SIDE_AGREEMENT, a.length, b.length);
  };
  const agreesAfter = agrees(passage.suffix, context.suffix, commonPrefixLength);
  const agreesBefore = agrees(passage.prefix, context.prefix, commonSuffixLength);
  const elsewhere = (probe: string, offsetInProbe: number) => {
    const pattern = normalForm(probe).text;
    for (let at = original.text.indexOf(pattern); at !== -1; at = original.text.indexOf(pattern, at + 1)) {
      const quoteAt = original.offsets[at + normalForm(probe.slice(0, offsetInProbe)).text.length]!;
      const quoteEnd = quoteAt + (passage.end - passage.start);
      // Another copy that is still there unchanged is not the one these words came from.
      if (quoteAt !== passage.start && !isUnchanged(segments, quoteAt, quoteEnd)) return true;
    }
    return false;
  };
  return (
    (!agreesAfter && context.suffix.length > 0 && elsewhere(quote + context.suffix, 0)) ||
    (!agreesBefore && context.prefix.length > 0 && elsewhere(context.prefix + quote, context.prefix.length))
  );
}

/** Finds the quote in the new text, exactly or nearly, where its context makes it unambiguous. */
function bySearch(
  annotation: AnchoredPassage,
  newText: string,
  segments: readonly DiffSegment[],
  searchable: { text: string; offsets: number[] },
): Reanchored | null {
  const pattern = normalForm(annotation.quote).text.trim();
  if (pattern === '') return null;
  let candidates = exactOccurrences(searchable.text, pattern);
  if (candidates.length === 0) {
    if (pattern.length < 12) return null;
    const maxErrors = Math.floor(pattern.length * MAX_ERROR_SHARE);
    candidates = distinct(approximateSearch(searchable.text, pattern, maxErrors));
  }
  // Words the old text already had somewhere else, unchanged, are that other passage, not this one
  // moved: an article that says the same thing twice keeps its second copy when the first goes.
  candidates = candidates.filter(
    (candidate) =>
      !isOtherUnchangedPassage(
        segments,
        searchable.offsets[candidate.start]!,
        searchable.offsets[candidate.end - 1]! + 1,
        annotation,
      ),
  );
  if (candidates.length === 0) return null;
  const prefix = normalForm(annotation.prefix).text;
  const suffix = normalForm(annotation.suffix).text;
  const scored = candidates
    .map((candidate) => ({
      ...candidate,
      context:
        commonSuffixLength(
          prefix,
          searchable.text.slice(Math.max(0, candidate.start - prefix.length), candidate.start),
        ) + commonPrefixLength(suffix, searchable.text.slice(candidate.end, candidate.end + suffix.length)),
    }))
    .sort((first, second) => first.errors - second.errors || second.context - first.context);
  const best = scored[0]!;
  const runnerUp = scored[1];
  if (runnerUp && runnerUp.errors === best.errors && runnerUp.context >= best.context - 2) return null;
  const evidence = pattern.length - best.errors + best.context;
  if (evidence < MIN_FLAGGED_EVIDENCE) return null;
  let [start, end] = [searchable.offsets[best.start]!, searchable.offsets[best.end - 1]! + 1];
  [start, end] = wholeWords(newText, start, end);
  if (!isValidRange(newText, start, end)) return null;
  const quote = newText.slice(start, end);
  if (!readsTheSame(quote, annotation.quote)) {
    return { status: 'changed', start, end, quote, previousQuote: annotation.quote };
  }
  if (evidence < MIN_EVIDENCE) return null;
  const context = anchorAt(newText, start, end);
  const isInPlace =
    readsTheSame(context.prefix, annotation.prefix) && readsTheSame(context.suffix, annotation.suffix);
  return { status: isInPlace ? 'exact' : 'moved', start, end, quote, previousQuote: annotation.quote };
}

/** Whether old text [start, end) is unchanged in the new text (it lies in one equal stretch). */
function isUnchanged(segments: readonly DiffSegment[], start: number, end: number): boolean {
  const segment = segmentAt(segments, start);
  return segment?.isEqual === true && segment.oldStart <= start && segment.oldEnd >= end;
}

/** Whether new text [start, end) stood unchanged in the old text, somewhere other than the passage. */
function isOtherUnchangedPassage(
  segments: readonly DiffSegment[],
  start: number,
  end: number,
  passage: AnchoredPassage,
): boolean {
  let index = lastAtOrBefore(segments, start, (segment) => segment.newStart);
  while (index < segments.length - 1 && segments[index]!.newEnd <= start) index += 1;
  const segment = segments[index];
  if (!segment?.isEqual || segment.newStart > start || segment.newEnd < end) return false;
  const oldStart = segment.oldStart + (start - segment.newStart);
  const oldEnd = oldStart + (end - start);
  return oldEnd <= passage.start || oldStart >= passage.end;
}

function exactOccurrences(text: string, pattern: string): { start: number; end: number; errors: number }[] {
  const found: { start: number; end: number; errors: number }[] = [];
  for (let index = text.indexOf(pattern); index !== -1; index = text.indexOf(pattern, index + 1)) {
    found.push({ start: index, end: index + pattern.length, errors: 0 });
  }
  return found;
}

/** Approximate matches overlapping each other are one candidate: the one with fewest errors. */
function distinct(matches: { start: number; end: number; errors: number }[]) {
  const sorted = [...matches].sort(
    (first, second) => first.start - second.start || first.errors - second.errors,
  );
  const kept: typeof sorted = [];
  for (const match of sorted) {
    const previous = kept.at(-1);
    if (previous && match.start < previous.end) {
      if (match.errors < previous.errors) kept[kept.length - 1] = match;
      continue;
    }
    kept.push(match);
  }
  return kept;
}

/** A range without white space at its edges, widened to the whole words it cuts. */
function wholeWords(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from += 1;
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  const isWord = (index: number) => isWordCharacter(text[index]!);
  while (from > 0 && isWord(from - 1) && isWord(from)) from -= 1;
  while (to < text.length && isWord(to - 1) && isWord(to)) to += 1;
  return [from, to];
}

function commonPrefixLength(first: string, second: string): number {
  let length = 0;
  while (length < first.length && length < second.length && first[length] === second[length]) length += 1;
  return length;
}

function commonSuffixLength(first: string, second: string): number {
  let length = 0;
  while (
    length < first.length &&
    length < second.length &&
    first[first.length - 1 - length] === second[second.length - 1 - length]
  ) {
    length += 1;
  }
  return length;
}
