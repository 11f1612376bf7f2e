import { anchorAt } from '../../shared/anchoring/anchorAt';
import { type Reanchored, reanchorAll } from '../../shared/anchoring/reanchor';

/** The kinds of change a publisher or a corrector makes to an article between versions. */
export const EDIT_KINDS = [
  'word',
  'insertSentence',
  'deleteSentence',
  'moveParagraph',
  'whitespace',
  'quoteStyle',
] as const;
/** An edit kind. */
export type EditKind = (typeof EDIT_KINDS)[number];

/** A text whose every character remembers where it stood in the first version (-1: written since). */
interface TrackedText {
  characters: string[];
  origins: number[];
}

/** A test annotation: a range of the first version with its quote and context. */
export interface SimulatedAnnotation {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/** What happened to the annotations across a run of edited versions. */
export interface SimulationOutcome {
  edits: Record<EditKind, number>;
  annotationsChecked: number;
  /** Annotations whose words all survived the edits, in order and together. */
  survivors: number;
  /** Survivors placed on exactly their words (whatever their status). */
  survivorsOnTheirWords: number;
  /** Survivors marked changed or orphaned, so that a person reviews them. */
  survivorsFlagged: number;
  /** Annotations whose words did not all survive. */
  casualties: number;
  /** Casualties marked changed or orphaned. */
  casualtiesFlagged: number;
  /** Placed as exact or moved, unflagged, on words that are not theirs. */
  unflaggedWrong: number;
  statuses: Record<Reanchored['status'], number>;
  /** A few of the unflagged wrong placements, to see what went wrong. */
  examples: string[];
}

/** A small, seeded random source (mulberry32), so a run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Annotations on whole words of `text`, one to twenty words long, within a paragraph. */
export function randomAnnotations(text: string, count: number, random: () => number): SimulatedAnnotation[] {
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'.,-]*/gu)].map((match) => ({
    start: match.index,
    end: match.index + match[0].replace(/[.,]+$/, '').length,
  }));
  const annotations: SimulatedAnnotation[] = [];
  while (annotations.length < count) {
    const first = Math.floor(random() * words.length);
    const length = 1 + Math.floor(random() ** 2 * 20);
    const last = Math.min(words.length - 1, first + length - 1);
    const start = words[first]!.start;
    const end = words[last]!.end;
    if (end <= start || text.slice(start, end).includes('\n\n')) continue;
    annotations.push({ start, end, ...anchorAt(text, start, end) });
  }
  return annotations;
}

/** Applies `count` random edits of the given kinds to `text`, tracking where every character came from. */
export function editText(
  text: string,
  count: number,
  random: () => number,
  kinds: readonly EditKind[] = EDIT_KINDS,
) {
  // Characters and origins are per UTF-16 unit, as offsets are.
  const characters = text.split('');
  const tracked: TrackedText = { characters, origins: characters.map((_, index) => index) };
  const vocabulary = [...new Set(text.match(/\p{L}{3,}/gu) ?? ['word'])];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const applied: EditKind[] = [];
  while (applied.length < count) {
    const kind = pick(kinds);
    if (edit(tracked, kind, random, vocabulary, pick)) applied.push(kind);
  }
  return { text: tracked.characters.join(''), origins: tracked.origins, applied };
}

function edit(
  tracked: TrackedText,
  kind: EditKind,
  random: () => number,
  vocabulary: string[],
  pick: <T>(list: readonly T[]) => T,
): boolean {
  const text = tracked.characters.join('');
  const splice = (start: number, removed: number, inserted: string, keepOrigins = false) => {
    const origins = keepOrigins
      ? tracked.origins.slice(start, start + removed)
      : inserted.split('').map(() => -1);
    tracked.characters.splice(start, removed, ...inserted.split(''));
    tracked.origins.splice(start, removed, ...origins);
  };
  switch (kind) {
    case 'word': {
      const words = [...text.matchAll(/\p{L}{2,}/gu)];
      const word = pick(words);
      let replacement = pick(vocabulary);
      if (replacement === word[0]) replacement = `${replacement}s`;
      splice(word.index, word[0].length, replacement);
      return true;
    }
    case 'insertSentence': {
      const ends = [...text.matchAll(/[.!?]” ?|[.!?] /gu)].map((match) => match.index + match[0].length);
      if (ends.length === 0) return false;
      const at = pick(ends);
      const length = 6 + Math.floor(random() * 12);
      const words = Array.from({ length }, () => pick(vocabulary));
      const sentence = `${words.join(' ').replace(/^\p{L}/u, (letter) => letter.toUpperCase())}. `;
      splice(at, 0, sentence);
      return true;
    }
    case 'deleteSentence': {
      const sentences = [...text.matchAll(/(?<=^|[.!?] |\n\n)[^.!?\n]{10,}[.!?](?: |$)/gu)];
      if (sentences.length === 0) return false;
      const sentence = pick(sentences);
      splice(sentence.index, sentence[0].length, '');
      return true;
    }
    case 'moveParagraph': {
      const paragraphs = [...text.matchAll(/[^\n]+/g)];
      if (paragraphs.length < 3) return false;
      const moved = pick(paragraphs);
      const target = pick(paragraphs.filter((paragraph) => paragraph.index !== moved.index));
      const removeFrom = moved.index;
      const removeTo = Math.min(text.length, moved.index + moved[0].length + 2);
      const characters = tracked.characters.slice(removeFrom, removeTo);
      const origins = tracked.origins.slice(removeFrom, removeTo);
      if (characters.at(-1) !== '\n') {
        characters.push('\n', '\n');
        origins.push(-1, -1);
      }
      tracked.characters.splice(removeFrom, removeTo - removeFrom);
      tracked.origins.splice(removeFrom, removeTo - removeFrom);
      const insertAt = target.index > removeFrom ? target.index - (removeTo - removeFrom) : target.index;
      tracked.characters.splice(insertAt, 0, ...characters);
      tracked.origins.splice(insertAt, 0, ...origins);
      return true;
    }
    case 'whitespace': {
      const spaces = [...text.matchAll(/(?<=\S) (?=\S)/g)];
      if (spaces.length === 0) return false;
      const space = pick(spaces);
      // A doubled space, or a no-break one: the same words either way.
      const replacement = random() < 0.5 ? '  ' : '\u00a0';
      const origin = tracked.origins[space.index]!;
      tracked.characters.splice(space.index, 1, ...replacement.split(''));
      tracked.origins.splice(space.index, 1, ...replacement.split('').map(() => origin));
      return true;
    }
    case 'quoteStyle': {
      const quotes = [...text.matchAll(/[“”‘’"']/g)];
      if (quotes.length === 0) return false;
      const quote = pick(quotes);
      const swapped: Record<string, string> = { '“': '"', '”': '"', '‘': "'", '’': "'", '"': '“', "'": '’' };
      splice(quote.index, 1, swapped[quote[0]]!, true);
      return true;
    }
  }
}

/**
 * Where an annotation's words are in the edited text: the range from its first to its last
 * surviving non-space character, or null when any of them was lost, they came apart, or other
 * writing came between them.
 */
export function survivingRange(
  annotation: SimulatedAnnotation,
  oldText: string,
  origins: number[],
  position: ReadonlyMap<number, number> = positionsOf(origins),
): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let index = annotation.start; index < annotation.end; index += 1) {
    if (/\s/.test(oldText[index]!)) continue;
    const now = position.get(index);
    if (now === undefined || now <= last) return null;
    if (first === -1) first = now;
    last = now;
  }
  if (first === -1) return null;
  for (let index = first; index <= last; index += 1) {
    const origin = origins[index]!;
    if (origin < annotation.start || origin >= annotation.end) return null;
  }
  return [first, last + 1];
}

/** Where each character of the first version is now. */
function positionsOf(origins: number[]): Map<number, number> {
  const position = new Map<number, number>();
  origins.forEach((origin, index) => {
    if (origin >= 0) position.set(origin, index);
  });
  return position;
}

/**
 * Runs `rounds` rounds on an article: each makes a new version with `editsPerRound` random edits
 * and re-anchors every annotation from the first version into it, tallying the outcomes.
 */
export function simulate(
  text: string,
  options: { annotations: number; rounds: number; editsPerRound: number; seed: number },
): SimulationOutcome {
  const random = seededRandom(options.seed);
  const annotations = randomAnnotations(text, options.annotations, random);
  const outcome: SimulationOutcome = {
    edits: Object.fromEntries(EDIT_KINDS.map((kind) => [kind, 0])) as Record<EditKind, number>,
    annotationsChecked: 0,
    survivors: 0,
    survivorsOnTheirWords: 0,
    survivorsFlagged: 0,
    casualties: 0,
    casualtiesFlagged: 0,
    unflaggedWrong: 0,
    statuses: { exact: 0, moved: 0, changed: 0, orphaned: 0 },
    examples: [],
  };
  for (let round = 0; round < options.rounds; round += 1) {
    const edited = editText(text, options.editsPerRound, random);
    for (const kind of edited.applied) outcome.edits[kind] += 1;
    const results = reanchorAll(annotations, text, edited.text);
    const positions = positionsOf(edited.origins);
    annotations.forEach((annotation, index) => {
      const result = results[index]!;
      outcome.annotationsChecked += 1;
      outcome.statuses[result.status] += 1;
      const isFlagged = result.status === 'changed' || result.status === 'orphaned';
      const truth = survivingRange(annotation, text, edited.origins, positions);
      const placed = result.status === 'orphaned' ? null : trimmed(edited.text, result.start, result.end);
      const isOnTheirWords =
        truth !== null && placed !== null && placed[0] === truth[0] && placed[1] === truth[1];
      if (truth !== null) {
        outcome.survivors += 1;
        if (isOnTheirWords) outcome.survivorsOnTheirWords += 1;
        if (isFlagged) outcome.survivorsFlagged += 1;
      } else {
        outcome.casualties += 1;
        if (isFlagged) outcome.casualtiesFlagged += 1;
      }
      if (!isFlagged && !isOnTheirWords) {
        outcome.unflaggedWrong += 1;
        if (outcome.examples.length < 5 && placed) {
          outcome.examples.push(
            `${result.status}: "${annotation.quote}" → "${edited.text.slice(placed[0], placed[1])}" (truth ${truth ? `"${edited.text.slice(truth[0], truth[1])}"` : 'lost'}) [${annotation.prefix}|${annotation.quote}|${annotation.suffix}] → [${edited.text.slice(Math.max(0, placed[0] - 32), placed[0])}|${edited.text.slice(placed[0], placed[1])}|${edited.text.slice(placed[1], placed[1] + 32)}] ${edited.applied.join(',')}`,
          );
        }
      }
    });
  }
  return outcome;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from += 1;
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  return [from, to];
}
