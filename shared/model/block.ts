import { z } from 'zod';

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
});
/** A placed block. */
export type Block = z.infer<typeof Block>;

/** A block as an importer builds it, before it is placed in the canonical text. */
export type BlockDraft = Omit<Block, 'start' | 'end'>;

/** The separator between blocks in the canonical text. */
export const BLOCK_SEPARATOR = '\n\n';
