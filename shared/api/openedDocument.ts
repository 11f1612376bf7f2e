import { z } from 'zod';
import { anchorAt } from '../anchoring';
import { type Annotation, Article, AttributeValue, Block, Comment, TagKey } from '../model';

/** A block as the workbench sends it to the editor: its text is the article's text from start to end. */
export const PlacedBlock = Block.omit({ text: true });
/** A placed block. */
export type PlacedBlock = z.infer<typeof PlacedBlock>;

/**
 * An annotation as the workbench sends it to the editor: what cannot be worked out from the text.
 * Its document, quote, prefix and suffix follow from the offsets; empty attributes and comments
 * are left out. About half the bytes of a whole annotation, which is most of what opening a long
 * article costs.
 */
export const StoredAnnotation = z.object({
  id: z.uuid(),
  tag: TagKey,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  attributes: z.record(z.string(), AttributeValue).optional(),
  comments: z.array(Comment).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime().optional(),
});
/** A stored annotation. */
export type StoredAnnotation = z.infer<typeof StoredAnnotation>;

/** A document as opening it sends it: the article with placed blocks, and its annotations in text order. */
export const OpenedDocument = z.object({
  article: Article.omit({ blocks: true }).extend({ blocks: z.array(PlacedBlock) }),
  annotations: z.array(StoredAnnotation),
});
/** An opened document, as sent. */
export type OpenedDocument = z.infer<typeof OpenedDocument>;

/** An opened document with everything filled in: what the editor works with. */
export interface OpenedArticle {
  article: Article;
  annotations: Annotation[];
}

/**
 * Fills in what an opened document leaves out: each block's text, and each annotation's document,
 * quote, prefix and suffix, all taken from the article's text, and an unchanged annotation's
 * `updatedAt`. Slices of one string, so cheap.
 */
export function hydrateOpened({ article, annotations }: OpenedDocument): OpenedArticle {
  const { text } = article;
  return {
    article: {
      ...article,
      blocks: article.blocks.map((block) => ({ ...block, text: text.slice(block.start, block.end) })),
    },
    annotations: annotations.map((stored) => ({
      id: stored.id,
      documentId: article.id,
      tag: stored.tag,
      start: stored.start,
      end: stored.end,
      ...anchorAt(text, stored.start, stored.end),
      attributes: stored.attributes ?? {},
      comments: stored.comments ?? [],
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt ?? stored.createdAt,
    })),
  };
}
