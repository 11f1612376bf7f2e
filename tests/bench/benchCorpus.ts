import { readFileSync } from 'node:fs';
import { anchorAt, snapToWords } from '../../shared/anchoring';
import type { Annotation, Report } from '../../shared/model';

/** The reference article repeated, paragraph by paragraph, until the text reaches `bytes`. */
export function repeatedArticle(reference: string, bytes: number): string {
  const paragraphs = reference
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    const paragraph = paragraphs[index % paragraphs.length]!;
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return parts.join('\n\n');
}

/** A small deterministic random number generator (mulberry32), so every run tags the same passages. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` annotations spread evenly over the text, each a few whole words, tags in turn. */
export function spreadAnnotations(report: Report, count: number, seed = 7): Annotation[] {
  const { text, id: documentId } = report.document;
  const random = seededRandom(seed);
  const tags = ['claim', 'quote', 'opinion'];
  const annotations: Annotation[] = [];
  const step = text.length / count;
  for (let index = 0; index < count; index++) {
    const start = Math.floor(index * step + random() * step * 0.5);
    const length = 8 + Math.floor(random() * 60);
    const range = snapToWords(text, { start, end: Math.min(text.length, start + length) });
    if (!range) continue;
    annotations.push({
      id: crypto.randomUUID(),
      documentId,
      tag: tags[index % tags.length]!,
      start: range.start,
      end: range.end,
      ...anchorAt(text, range.start, range.end),
      attributes: {},
      comments: [],
      createdAt: '2026-11-27T10:00:00.000Z',
      updatedAt: '2026-11-27T10:00:00.000Z',
    });
  }
  return annotations;
}

/** The reference article, as the tests keep it. */
export function referenceText(): string {
  return readFileSync(new URL('../fixtures/ectc-terror-report.txt', import.meta.url), 'utf8');
}
