import { z } from 'zod';
import { lastAtOrBefore } from '../collections/lastAtOrBefore';

/** The kinds of block an article is made of; every importer produces only these. */
export const BlockType = z.enum(['heading', 'paragraph', 'blockquote', 'listItem', 'preformatted']);
/** A block kind. */
export type BlockType = z.infer<typeof BlockType>;

/** An inline mark over part of a block's text; offsets are relative to the block's own text. */
export const InlineMark = z.object({
  type: z.enum(['emphasis', 'strong', 'link']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Only on links, and only http:, https: or mailto: addresses (importers drop the rest). */
  href: z.string().optional(),
});
/** An inline mark. */
export type InlineMark = z.infer<typeof InlineMark>;

/**
 * One block of an article. `start` and `end` place the block's text in the article's canonical
 * text (the blocks' texts joined by "\n\n"), so `text === article.text.slice(start, end)`.
 * A block's own text may hold line breaks, even blank lines (preformatted text), so find blocks
 * by their `start` and `end`, never by splitting the canonical text.
 */
export const Block = z.object({
  type: BlockType,
  text: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Heading level, 1 to 6; only on headings. */
  level: z.number().int().min(1).max(6).optional(),
  /** List items: whether the list is numbered, and the item's number when it is. */
  ordered: z.boolean().optional(),
  number: z.number().int().optional(),
  marks: z.array(InlineMark).default([]),
  /** From paged sources (PDF): the page the block starts on, counted from 1. */
  page: z.number().int().min(1).optional(),
  /** Offsets in the block's own text where each following page begins (a paragraph run across pages). */
  pageBreaks: z.array(z.number().int().nonnegative()).optional(),
});
/** A placed block. */
export type Block = z.infer<typeof Block>;

/** A block as an importer builds it, before it is placed in the canonical text. */
export type BlockDraft = Omit<Block, 'start' | 'end'>;

/** The separator between blocks in the canonical text. */
export const BLOCK_SEPARATOR = '\n\n';

/** The page an offset of the canonical text falls on, for a block from a paged source; else undefined. */
export function pageAt(
  block: Pick<Block, 'start' | 'page' | 'pageBreaks'>,
  offset: number,
): number | undefined {
  if (block.page === undefined) return undefined;
  const within = offset - block.start;
  return block.page + (block.pageBreaks ?? []).filter((pageStart) => pageStart <= within).length;
}

/** Where each page of a paged source begins in the canonical text, in text order. */
export function pageStarts(
  blocks: readonly Pick<Block, 'start' | 'page' | 'pageBreaks'>[],
): { offset: number; page: number }[] {
  const starts: { offset: number; page: number }[] = [];
  let current: number | undefined;
  for (const block of blocks) {
    if (block.page === undefined) continue;
    if (block.page !== current) starts.push({ offset: block.start, page: block.page });
    current = block.page;
    for (const pageBreak of block.pageBreaks ?? []) {
      current += 1;
      starts.push({ offset: block.start + pageBreak, page: current });
    }
  }
  return starts;
}

/** The page of a paged source an offset of the canonical text falls on; undefined for other sources. */
export function pageOfOffset(
  blocks: readonly Pick<Block, 'start' | 'end' | 'page' | 'pageBreaks'>[],
  offset: number,
): number | undefined {
  const block = blocks[lastAtOrBefore(blocks, offset, (candidate) => candidate.start)];
  return block === undefined ? undefined : pageAt(block, offset);
}
