import { z } from 'zod';
import {
  Annotation,
  ArticleSummary,
  AttributeKey,
  Block,
  Codebook,
  CorpusReport,
  Report,
  Tag,
  TagKey,
} from '../model';
import { OpenedDocument } from './openedDocument';

/** One method of the contract: its input and output schemas, and the largest request it takes. */
export interface MethodSpec<Input extends z.ZodType = z.ZodType, Output extends z.ZodType = z.ZodType> {
  input: Input;
  output: Output;
  /** The largest request body, in bytes, a transport accepts for this method. */
  maxRequestBytes: number;
}

/** The default request limit: an annotation with a long comment fits many times over. */
const DEFAULT_MAX_REQUEST_BYTES = 2 * 1024 * 1024;

/** The largest article file Margin imports. */
export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024;

function method<Input extends z.ZodType, Output extends z.ZodType>(
  input: Input,
  output: Output,
  maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES,
): MethodSpec<Input, Output> {
  return { input, output, maxRequestBytes };
}

/** A file handed to the importer: its name (for the format and the title) and its bytes in base64. */
export const ImportFileInput = z.object({
  fileName: z.string().min(1).max(1024),
  data: z.string().max(Math.ceil(MAX_ARTICLE_BYTES / 3) * 4 + 4),
});

/**
 * What an import produced; `isDuplicate` when the same text was already in the library, and
 * `previousVersion` when it became a new version of an article already there (same source).
 */
export const ImportResult = z.object({
  document: ArticleSummary,
  isDuplicate: z.boolean(),
  previousVersion: ArticleSummary.optional(),
});
/** What an import produced. */
export type ImportResult = z.infer<typeof ImportResult>;

/** A change to a document's descriptive metadata; fields left out stay as they are. */
export const DocumentMetadataChange = z.object({
  id: z.uuid(),
  title: z.string().trim().min(1).max(1000).optional(),
  byline: z.string().trim().max(1000).nullable().optional(),
  siteName: z.string().trim().max(1000).nullable().optional(),
  /** A date (2024-03-05) or date and time, or null for unknown. */
  publishedAt: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/)
    .nullable()
    .optional(),
});
/** A metadata change. */
export type DocumentMetadataChange = z.infer<typeof DocumentMetadataChange>;

/** What a search hit is in: a title line, the article's text, or an annotation's quote, attributes or comment. */
export const SearchHitKind = z.enum(['title', 'text', 'quote', 'attribute', 'comment']);

/** One place a search found: where it is, and a snippet with the matched words marked. */
export const SearchHit = z.object({
  documentId: z.uuid(),
  title: z.string(),
  kind: SearchHitKind,
  /** The annotation a quote, attribute or comment hit belongs to. */
  annotationId: z.uuid().nullable(),
  /** The text offset to show: the start of the block or annotation the hit is in. */
  position: z.number().int().nonnegative(),
  /** The snippet in pieces, the matched words flagged. */
  snippet: z.array(z.object({ text: z.string(), isMatch: z.boolean() })),
});
/** A search hit. */
export type SearchHit = z.infer<typeof SearchHit>;

/** A search: the words typed, and how many hits at most. */
export const SearchRequest = z.object({
  query: z.string().max(1000),
  limit: z.number().int().min(1).max(500).optional(),
});

/**
 * The report formats: the JSON report (`margin.report`, or `margin.corpus` for several documents),
 * the HTML report and its PDF print, W3C Web Annotation JSON-LD, CSV for spreadsheets, and
 * schema.org ClaimReview JSON-LD for the claims that carry a verdict.
 */
export const ReportFormat = z.enum(['json', 'html', 'pdf', 'w3c', 'csv', 'claimreview']);
/** A report format. */
export type ReportFormat = z.infer<typeof ReportFormat>;

/** The reader's choices: whether comment threads are written, and the whole article or only its annotated paragraphs. */
export const ReportOptions = z.object({
  includeComments: z.boolean(),
  content: z.enum(['full', 'excerpts']),
});
/** Report options. */
export type ReportOptions = z.infer<typeof ReportOptions>;

/** The most documents one report covers. */
export const MAX_REPORT_DOCUMENTS = 10_000;

/** What to render: one or more documents (in this order), a format and the options. */
export const RenderRequest = z.object({
  documentIds: z.array(z.uuid()).min(1).max(MAX_REPORT_DOCUMENTS),
  format: ReportFormat,
  options: ReportOptions.optional(),
});
/** A render request. */
export type RenderRequest = z.infer<typeof RenderRequest>;

/** A rendered report, ready to be saved under `fileName`; a PDF's bytes come in base64. */
export const RenderedReport = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
/** A rendered report. */
export type RenderedReport = z.infer<typeof RenderedReport>;

/** An annotation both the library and a merged report hold, with different content: kept as the library had it. */
export const MergeConflict = z.object({
  /** The annotation as the library keeps it. */
  ours: Annotation,
  /** The annotation as the report has it. */
  theirs: Annotation,
  /** What differs: "tag", "range", "attributes", "comments". */
  differences: z.array(z.enum(['tag', 'range', 'attributes', 'comments'])),
});
/** A merge conflict. */
export type MergeConflict = z.infer<typeof MergeConflict>;

/** What merging one document of a report did. */
export const DocumentMerge = z.object({
  documentId: z.uuid(),
  title: z.string(),
  isNewDocument: z.boolean(),
  added: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.array(MergeConflict),
});
/** One document's merge outcome. */
export type DocumentMerge = z.infer<typeof DocumentMerge>;

/** What merging a report did, per document. */
export const MergeResult = z.object({ documents: z.array(DocumentMerge) });
/** A merge outcome. */
export type MergeResult = z.infer<typeof MergeResult>;

/** The colour theme: the system's, or one chosen. */
export const Theme = z.enum(['system', 'light', 'dark']);
/** A theme choice. */
export type Theme = z.infer<typeof Theme>;

/** How wide the article's column is. */
export const ReadingWidth = z.enum(['narrow', 'comfortable', 'wide']);
/** A reading width. */
export type ReadingWidth = z.infer<typeof ReadingWidth>;

/** The smallest and largest zoom of the article text. */
export const ZOOM_RANGE = { min: 0.7, max: 2 } as const;

/** Preferences and session state kept in the library. */
export const Settings = z.object({
  /** The name written on new comments. */
  authorName: z.string().trim().min(1).max(200),
  /** The document open when the app last closed, reopened on start. */
  lastDocumentId: z.uuid().nullable(),
  theme: Theme,
  /** The article text's zoom factor, 1 being the default size. */
  zoom: z.number().min(ZOOM_RANGE.min).max(ZOOM_RANGE.max),
  readingWidth: ReadingWidth,
});
/** Settings. */
export type Settings = z.infer<typeof Settings>;

/** The settings a user changes (the last document is kept by opening one). */
export const SettingsChanges = Settings.omit({ lastDocumentId: true }).partial();
/** Settings changes. */
export type SettingsChanges = z.infer<typeof SettingsChanges>;

const Tags = z.array(Tag);

/** A snapshot of the library in its backups folder, newest first in a list. */
export const BackupSummary = z.object({
  /** Its file name, which says when and why it was taken. */
  name: z.string(),
  takenAt: z.iso.datetime(),
  reason: z.enum(['daily', 'before-upgrade', 'before-restore', 'manual']),
  bytes: z.number().int().nonnegative(),
});
/** A snapshot of the library. */
export type BackupSummary = z.infer<typeof BackupSummary>;

/** One version of an article in the versions list. */
export const VersionSummary = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  versionReason: z.enum(['imported', 'new-version', 'corrected']),
  importedAt: z.iso.datetime(),
  title: z.string(),
});
/** A version in the list. */
export type VersionSummary = z.infer<typeof VersionSummary>;

/**
 * What needs a person's eye after annotations were carried into a new version: those placed on
 * changed words (with the words they had), and those of the version before that found no place.
 */
export const VersionReview = z.object({
  previous: VersionSummary.nullable(),
  /** How the previous version's annotations came over when this version was made, or null (corrections). */
  carried: z
    .object({
      exact: z.number().int().nonnegative(),
      moved: z.number().int().nonnegative(),
      changed: z.number().int().nonnegative(),
      orphaned: z.number().int().nonnegative(),
    })
    .nullable(),
  changed: z.array(z.object({ annotationId: z.uuid(), previousQuote: z.string() })),
  orphaned: z.array(Annotation),
});
/** A review list. */
export type VersionReview = z.infer<typeof VersionReview>;

/** A piece of the difference between two versions' texts. */
export const DiffPiece = z.object({ kind: z.enum(['same', 'removed', 'added']), text: z.string() });
/** A diff piece. */
export type DiffPiece = z.infer<typeof DiffPiece>;

/** One block of corrected text, as the correction editor sends it. */
export const CorrectedBlock = Block.omit({ start: true, end: true });

/** A correction: the document corrected, its blocks as corrected, and where each annotation went. */
export const CorrectionRequest = z.object({
  documentId: z.uuid(),
  blocks: z.array(CorrectedBlock).min(1).max(200_000),
  annotations: z
    .array(
      z.object({ id: z.uuid(), start: z.number().int().nonnegative(), end: z.number().int().positive() }),
    )
    .max(200_000),
});
/** A correction. */
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

const NoInput = z.object({});
const DocumentId = z.object({ id: z.uuid() });

/**
 * The workbench API, declared once. The Electron IPC handlers, the preload bridge, the HTTP routes
 * of `margin serve` and the renderer's client are all derived from this object.
 */
export const contract = {
  library: {
    list: method(NoInput, z.array(ArticleSummary)),
    importFile: method(ImportFileInput, ImportResult, 72 * 1024 * 1024),
    /** A document and its annotations, in the lean form the editor fills in (`hydrateOpened`). */
    open: method(DocumentId, OpenedDocument),
    /** Full-text search over titles, article text, quotes, attributes and comments, best first. */
    search: method(SearchRequest, z.array(SearchHit)),
    /** Deletes a document with its annotations; it stays in the trash a week, so `undoRemove` can bring it back. */
    remove: method(DocumentId, z.object({ removed: z.boolean() })),
    /** Brings back a document deleted in the last week, as it was. */
    undoRemove: method(DocumentId, ArticleSummary),
    /** Changes a document's title, byline, outlet or publication date. */
    update: method(DocumentMetadataChange, ArticleSummary),
  },
  annotations: {
    save: method(Annotation, Annotation),
    remove: method(DocumentId, z.object({ removed: z.boolean() })),
    /** The values a text attribute has anywhere in the library, most used first: for completion. */
    suggestions: method(z.object({ attribute: AttributeKey }), z.array(z.string())),
  },
  codebook: {
    list: method(NoInput, Tags),
    /** Adds a tag with this label (and a fresh key, colour, pattern and shortcut); returns its key. */
    add: method(z.object({ label: Tag.shape.label }), z.object({ key: TagKey, tags: Tags })),
    /** Changes a tag; a shortcut it takes is taken from the tag that had it. */
    save: method(Tag, Tags),
    /** Puts the codebook in this order (every key once). */
    reorder: method(z.object({ keys: z.array(TagKey).max(1000) }), Tags),
    /** Brings in a shared codebook: its tags are added, or update the tags with the same key. */
    import: method(Codebook, Tags),
  },
  reports: {
    render: method(RenderRequest, RenderedReport),
    /** Brings another analyst's report (one document or a corpus) into the library. */
    merge: method(z.union([Report, CorpusReport]), MergeResult, 256 * 1024 * 1024),
  },
  backups: {
    /** The library's snapshots, newest first. */
    list: method(NoInput, z.array(BackupSummary)),
    /** Takes a snapshot now. */
    take: method(NoInput, BackupSummary),
    /**
     * Puts one of the listed snapshots back. The library as it was is snapshotted first, and
     * that snapshot is returned: restoring it undoes the restore.
     */
    restore: method(z.object({ name: z.string().min(1).max(200) }), z.object({ undo: BackupSummary })),
  },
  versions: {
    /** Every version of the article this document is a version of, oldest first. */
    list: method(DocumentId, z.array(VersionSummary)),
    /** The carried annotations a person should look at in this version. */
    review: method(DocumentId, VersionReview),
    /** Accepts a changed annotation where it was placed. */
    confirm: method(
      z.object({ documentId: z.uuid(), annotationId: z.uuid() }),
      z.object({ confirmed: z.boolean() }),
    ),
    /** Places an orphaned annotation of the previous version on a passage of this one. */
    place: method(
      z.object({
        documentId: z.uuid(),
        annotationId: z.uuid(),
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
      }),
      Annotation,
    ),
    /** Gives up an orphaned annotation for this version (the previous version keeps it). */
    dismiss: method(
      z.object({ documentId: z.uuid(), annotationId: z.uuid() }),
      z.object({ dismissed: z.boolean() }),
    ),
    /** What changed between two versions, word by word. */
    diff: method(
      z.object({ fromId: z.uuid(), toId: z.uuid() }),
      z.array(DiffPiece),
      DEFAULT_MAX_REQUEST_BYTES,
    ),
    /** Imports a file as the next version of this document's article. */
    importVersion: method(ImportFileInput.extend({ documentId: z.uuid() }), ImportResult, 72 * 1024 * 1024),
    /** Makes an imported version an article of its own, dropping the annotations carried into it. */
    detach: method(DocumentId, ArticleSummary),
    /** Saves corrections of the text as a new version, annotations where the editor mapped them. */
    correct: method(CorrectionRequest, ImportResult, 256 * 1024 * 1024),
  },
  settings: {
    get: method(NoInput, Settings),
    update: method(SettingsChanges, Settings),
  },
} as const;

/** The contract's type. */
export type Contract = typeof contract;
/** A service name: "library", "annotations", "codebook", "reports", "backups", "versions", "settings". */
export type ServiceName = keyof Contract;
/** The method names of one service. */
export type MethodName<S extends ServiceName> = keyof Contract[S] & string;
