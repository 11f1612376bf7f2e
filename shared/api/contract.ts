import { z } from 'zod';
import { Annotation, Article, ArticleSummary, Report, Tag } from '../model';

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

/** Everything the workbench needs to show a document. */
export const OpenedArticle = z.object({
  article: Article,
  tags: z.array(Tag),
  annotations: z.array(Annotation),
});
/** An opened document. */
export type OpenedArticle = z.infer<typeof OpenedArticle>;

/** The report formats the workbench renders. */
export const ReportFormat = z.enum(['json', 'html']);
/** A report format. */
export type ReportFormat = z.infer<typeof ReportFormat>;

/** A rendered report, ready to be saved under `fileName`. */
export const RenderedReport = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  content: z.string(),
});
/** A rendered report. */
export type RenderedReport = z.infer<typeof RenderedReport>;

/** What merging a report did. */
export const MergeResult = z.object({
  documentId: z.uuid(),
  isNewDocument: z.boolean(),
  added: z.number().int(),
  unchanged: z.number().int(),
  /** Ids of annotations present in both with different content: kept as they were, not overwritten. */
  conflicts: z.array(z.uuid()),
});
/** A merge outcome. */
export type MergeResult = z.infer<typeof MergeResult>;

/** Preferences and session state kept in the library. */
export const Settings = z.object({
  /** The name written on new comments. */
  authorName: z.string().trim().min(1).max(200),
  /** The document open when the app last closed, reopened on start. */
  lastDocumentId: z.uuid().nullable(),
});
/** Settings. */
export type Settings = z.infer<typeof Settings>;

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
    open: method(DocumentId, OpenedArticle),
  },
  annotations: {
    save: method(Annotation, Annotation),
    remove: method(DocumentId, z.object({ removed: z.boolean() })),
  },
  reports: {
    render: method(z.object({ documentId: z.uuid(), format: ReportFormat }), RenderedReport),
    merge: method(Report, MergeResult, 256 * 1024 * 1024),
  },
  settings: {
    get: method(NoInput, Settings),
    update: method(Settings.pick({ authorName: true }).partial(), Settings),
  },
} as const;

/** The contract's type. */
export type Contract = typeof contract;
/** A service name: "library", "annotations", "reports". */
export type ServiceName = keyof Contract;
/** The method names of one service. */
export type MethodName<S extends ServiceName> = keyof Contract[S] & string;
