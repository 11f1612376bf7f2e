import { z } from 'zod';
import { Annotation } from './annotation';
import { Article } from './article';
import { Tag } from './tag';

/** The value of `format` in every JSON report. */
export const REPORT_FORMAT = 'margin.report';
/** The JSON report's version; it changes only when a change is not additive. */
export const REPORT_VERSION = 1;

/** Figures over a document's annotations. */
export const ReportStats = z.object({
  annotationCount: z.number().int().nonnegative(),
  /** Number of annotations per tag key (every tag of the report appears, with 0 when unused). */
  byTag: z.record(z.string(), z.number().int().nonnegative()),
  /** Share of the text's characters covered by at least one annotation, 0 to 1. */
  coverage: z.number().min(0).max(1),
});
/** Report figures. */
export type ReportStats = z.infer<typeof ReportStats>;

/** The JSON report, version 1 (DESIGN §3): what pipelines and `margin merge` read. */
export const Report = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  generatedAt: z.iso.datetime(),
  /** The program and version that wrote the report, e.g. "Margin 0.1.0". */
  generator: z.string(),
  document: Article,
  /** The codebook; `archived` and `attributes` are absent from reports written before they existed. */
  tags: z.array(Tag.partial({ shortcut: true, archived: true, attributes: true })),
  annotations: z.array(Annotation),
  stats: ReportStats,
});
/** A JSON report. */
export type Report = z.infer<typeof Report>;

/** The value of `format` in a report of several documents. */
export const CORPUS_FORMAT = 'margin.corpus';

/**
 * A report of several documents, version 1: one `margin.report` per document, in the order chosen,
 * under one date and generator. `margin merge` reads it like a single report.
 */
export const CorpusReport = z.object({
  format: z.literal(CORPUS_FORMAT),
  version: z.literal(REPORT_VERSION),
  generatedAt: z.iso.datetime(),
  generator: z.string(),
  reports: z.array(Report),
});
/** A report of several documents. */
export type CorpusReport = z.infer<typeof CorpusReport>;
