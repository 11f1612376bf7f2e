import { z } from 'zod';
import {
  Annotation,
  ArticleSummary,
  AttributeKey,
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

/** What an import produced; `isDuplicate` when the same text was already in the library. */
export const ImportResult = z.object({ document: ArticleSummary, isDuplicate: z.boolean() });

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
  settings: {
    get: method(NoInput, Settings),
    update: method(SettingsChanges, Settings),
  },
} as const;

/** The contract's type. */
export type Contract = typeof contract;
/** A service name: "library", "annotations", "codebook", "reports", "backups", "settings". */
export type ServiceName = keyof Contract;
/** The method names of one service. */
export type MethodName<S extends ServiceName> = keyof Contract[S] & string;
