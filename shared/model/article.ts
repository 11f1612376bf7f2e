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
  /** "sha256:" and the hex SHA-256 of the file the article was imported from, kept in the library. */
  sourceHash: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/)
    .optional(),
  /** The name of that file. */
  sourceFile: z.string().optional(),
  /** The document's version among those of the same article, from 1. */
  version: z.number().int().min(1).optional(),
  /** The id shared by every version of the same article (the first version's id). */
  lineage: z.uuid().optional(),
  /** Why this version exists: imported, imported as a new version, or corrected in Margin. */
  versionReason: z.enum(['imported', 'new-version', 'corrected']).optional(),
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
  /** Annotations per tag key. */
  tagCounts: z.record(z.string(), z.number().int().nonnegative()),
  format: SourceFormat,
  version: z.number().int().min(1),
  lineage: z.uuid(),
  /** How many versions of the same article the library holds. */
  versionCount: z.number().int().min(1),
});
/** A library row. */
export type ArticleSummary = z.infer<typeof ArticleSummary>;
