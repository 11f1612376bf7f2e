import { z } from 'zod';
import { Block } from './block';

/** An article's reading direction. */
export const TextDirection = z.enum(['ltr', 'rtl']);
/** A reading direction. */
export type TextDirection = z.infer<typeof TextDirection>;

/** The formats Margin imports. */
export const SourceFormat = z.enum(['text', 'markdown', 'html', 'docx', 'pdf']);
/** An import format. */
export type SourceFormat = z.infer<typeof SourceFormat>;

/** A document's descriptive metadata, as found in the file or page it came from. */
export const ArticleMetadata = z.object({
  title: z.string().min(1),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  /** Where the article came from: the file name, or the page's own URL when it names one. */
  source: z.string(),
  /** Publication time as the page states it (ISO 8601 when the page gives one), else null. */
  publishedAt: z.string().nullable(),
  /** BCP 47 language tag when known. */
  lang: z.string().nullable(),
  dir: TextDirection,
  format: SourceFormat,
});
/** Article metadata. */
export type ArticleMetadata = z.infer<typeof ArticleMetadata>;

/** An imported article: metadata, blocks and the canonical text every offset points into. */
export const Article = ArticleMetadata.extend({
  id: z.uuid(),
  /** "sha256:" and the hex SHA-256 of the canonical text's UTF-8 bytes. */
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  text: z.string(),
  blocks: z.array(Block),
  importedAt: z.iso.datetime(),
});
/** An article. */
export type Article = z.infer<typeof Article>;

/** One row of the library: what a person needs to recognise and choose a document. */
export const ArticleSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  source: z.string(),
  publishedAt: z.string().nullable(),
  importedAt: z.iso.datetime(),
  annotationCount: z.number().int().nonnegative(),
});
/** A library row. */
export type ArticleSummary = z.infer<typeof ArticleSummary>;
