import { randomUUID } from 'node:crypto';
import {
  ApiError,
  type DocumentMerge,
  type MergeConflict,
  type MergeResult,
  type RenderedReport,
  type RenderRequest,
  type ReportFormat,
  type ServiceImplementation,
} from '../../shared/api';
import {
  type Annotation,
  type Block,
  CORPUS_FORMAT,
  type CorpusReport,
  REPORT_VERSION,
  type Report,
  type Tag,
} from '../../shared/model';
import {
  buildClaimReviews,
  buildJsonReport,
  buildWebAnnotationCollection,
  corpusFileName,
  DEFAULT_REPORT_OPTIONS,
  type ReportInput,
  type ReportOptions,
  renderCorpusHtmlReport,
  renderCsv,
  renderHtmlReport,
  reportFileName,
  safeHref,
} from '../../shared/report';
import type { AnnotationsService } from './annotationsService';
import { contentHash } from './contentHash';
import type { LibraryStore } from './db/libraryStore';
import { notFound } from './notFound';

const MEDIA_TYPES: Record<ReportFormat, string> = {
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  w3c: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  csv: 'text/csv; charset=utf-8; header=present',
  claimreview: 'application/ld+json',
};

/** Prints an HTML report to PDF: Electron's printToPDF in the app, a Chromium on the machine elsewhere. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Reports out of the library, in every format, and other analysts' JSON reports into it. */
export class ReportsService implements ServiceImplementation<'reports'> {
  constructor(
    private readonly store: LibraryStore,
    private readonly annotations: AnnotationsService,
    private readonly now: () => Date,
    private readonly generator: string,
    private readonly printPdf: PdfPrinter | null = null,
  ) {}

  /** Renders a report of one or more documents in a format, with the file name to save it under. */
  async render({
    documentIds,
    format,
    options = DEFAULT_REPORT_OPTIONS,
  }: RenderRequest): Promise<RenderedReport> {
    if (format === 'pdf' && this.printPdf === null) {
      throw new ApiError(
        'unsupported',
        'PDF export needs Chromium, Google Chrome or Microsoft Edge on this computer, and none was found; install one (or set MARGIN_CHROMIUM to its path), or export HTML and print it from a browser.',
      );
    }
    const generatedAt = this.now().toISOString();
    // The codebook is the library's, the same for every document of a corpus: read once.
    const tags = this.store.tags.list();
    const inputs = [...new Set(documentIds)].map((id) => this.reportInput(id, generatedAt, tags));
    const fileName =
      inputs.length === 1
        ? reportFileName(inputs[0]!.article.title, format)
        : corpusFileName(inputs.length, format);
    const text = (content: string): RenderedReport => ({
      fileName,
      mediaType: MEDIA_TYPES[format],
      encoding: 'utf8',
      content,
    });
    switch (format) {
      case 'json':
        return text(`${JSON.stringify(this.jsonReport(inputs, generatedAt), null, 2)}\n`);
      case 'html':
        return text(htmlReport(inputs, options));
      case 'pdf': {
        const pdf = await this.printPdf!(htmlReport(inputs, options));
        return {
          fileName,
          mediaType: MEDIA_TYPES.pdf,
          encoding: 'base64',
          content: Buffer.from(pdf).toString('base64'),
        };
      }
      case 'w3c':
        return text(`${JSON.stringify(buildWebAnnotationCollection(inputs, options), null, 2)}\n`);
      case 'csv':
        return text(renderCsv(inputs, options));
      case 'claimreview':
        return text(`${JSON.stringify(buildClaimReviews(inputs), null, 2)}\n`);
    }
  }

  /** The JSON report of one document, or the corpus report of several. */
  private jsonReport(inputs: readonly ReportInput[], generatedAt: string): Report | CorpusReport {
    if (inputs.length === 1) return buildJsonReport(inputs[0]!);
    return {
      format: CORPUS_FORMAT,
      version: REPORT_VERSION,
      generatedAt,
      generator: this.generator,
      reports: inputs.map(buildJsonReport),
    };
  }

  /** Everything a report of one document is made from. */
  private reportInput(
    documentId: string,
    generatedAt = this.now().toISOString(),
    tags: Tag[] = this.store.tags.list(),
  ): ReportInput {
    const article = this.store.documents.get(documentId);
    if (!article) throw notFound(documentId);
    return {
      article,
      tags,
      annotations: this.store.annotationsOf(documentId),
      generatedAt,
      generator: this.generator,
    };
  }

  /**
   * Brings a report (one document, or a corpus of several) into the library. Each document is
   * matched by its content hash, or added when the library lacks it. Annotations are matched by id:
   * new ones are added as they are (each comment keeps its author), identical ones are left, and
   * ones that differ are listed as conflicts and not overwritten. All of it is one transaction.
   */
  merge(report: Report | CorpusReport): MergeResult {
    const reports = report.format === CORPUS_FORMAT ? report.reports : [report];
    for (const single of reports) {
      if (contentHash(single.document.text) !== single.document.contentHash) {
        throw new ApiError(
          'invalid-input',
          `The text of "${single.document.title}" does not match its content hash, so the report cannot be trusted; export it again.`,
        );
      }
    }
    return this.store.transaction(() => ({ documents: reports.map((single) => this.mergeOne(single)) }));
  }

  private mergeOne(report: Report): DocumentMerge {
    const existingId = this.store.documents.findByContentHash(report.document.contentHash);
    const documentId = existingId ?? this.insertDocument(report);
    this.ensureTags(report);
    const result: DocumentMerge = {
      documentId,
      // The library's title when it had the document: the one the analyst knows it by.
      title: existingId
        ? (this.store.documents.get(existingId)?.title ?? report.document.title)
        : report.document.title,
      isNewDocument: !existingId,
      added: 0,
      unchanged: 0,
      conflicts: [],
    };
    // One query finds which ids the library already has; the rest are added in one pass.
    const known = this.store.annotations.existing(report.annotations.map((annotation) => annotation.id));
    const added = new Map<string, Annotation>();
    for (const annotation of report.annotations) {
      const incoming: Annotation = { ...annotation, documentId };
      const record = known.has(annotation.id) ? this.store.annotations.get(annotation.id) : undefined;
      // The same id twice in one report: the second meets the first as the library would.
      const earlier = added.get(annotation.id);
      if (!record && !earlier) {
        added.set(annotation.id, incoming);
        continue;
      }
      const stored: Annotation = earlier ?? {
        ...record!,
        comments: this.store.comments.threadOf(record!.id),
      };
      const differences = differencesBetween(stored, incoming);
      if (differences.length === 0) result.unchanged += 1;
      else result.conflicts.push({ ours: stored, theirs: incoming, differences });
    }
    this.annotations.insertNew([...added.values()]);
    result.added = added.size;
    return result;
  }

  private insertDocument(report: Report): string {
    // The document keeps its id and import date, so exporting it again gives the same report.
    const id = this.store.documents.get(report.document.id) ? randomUUID() : report.document.id;
    const { document } = report;
    // The original file is not in the report, but its hash and name still say what was annotated.
    this.store.documents.insert(
      { ...document, id, blocks: document.blocks.map(withSafeLinks) },
      {
        sourceHash: document.sourceHash ?? null,
        sourceFile: document.sourceFile ?? null,
        lineage: document.lineage ?? id,
        version: document.version ?? 1,
        versionReason: document.versionReason ?? 'imported',
      },
    );
    return id;
  }

  /** Adds the tags a report uses that this codebook lacks, so no annotation loses its tag. */
  private ensureTags(report: Report): void {
    const described = new Map(report.tags.map((tag) => [tag.key, tag]));
    for (const key of new Set(report.annotations.map((annotation) => annotation.tag))) {
      if (this.store.tags.has(key)) continue;
      const tag: Tag = {
        key,
        label: described.get(key)?.label ?? key,
        color: described.get(key)?.color ?? '#6b7280',
        description: described.get(key)?.description ?? '',
        shortcut: null,
        underline: described.get(key)?.underline ?? 'solid',
        archived: described.get(key)?.archived ?? false,
        attributes: described.get(key)?.attributes ?? [],
      };
      this.store.tags.insert(tag);
    }
  }
}

/** What differs between two copies of an annotation (timestamps aside); empty when they agree. */
function differencesBetween(ours: Annotation, theirs: Annotation): MergeConflict['differences'] {
  const differences: MergeConflict['differences'] = [];
  if (ours.tag !== theirs.tag) differences.push('tag');
  if (ours.documentId !== theirs.documentId || ours.start !== theirs.start || ours.end !== theirs.end) {
    differences.push('range');
  }
  if (stableStringify(ours.attributes) !== stableStringify(theirs.attributes)) differences.push('attributes');
  if (stableStringify(ours.comments) !== stableStringify(theirs.comments)) differences.push('comments');
  return differences;
}

/**
 * JSON with object keys sorted, so equal values give equal strings whatever their key order. A
 * field that is null counts as absent: reports written before a field existed lack it.
 */
function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner)
            .filter(([, field]) => field !== null)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );
}

/** The HTML report of one document, or the corpus report of several. */
function htmlReport(inputs: readonly ReportInput[], options: ReportOptions): string {
  return inputs.length === 1
    ? renderHtmlReport(inputs[0]!, options)
    : renderCorpusHtmlReport(inputs, options);
}

/**
 * A block with only the links an importer would have kept (web and e-mail): a report is another
 * program's file, and its link marks are checked like a page's before the library keeps them.
 */
function withSafeLinks(block: Block): Block {
  const marks = block.marks.filter((mark) => mark.type !== 'link' || safeHref(mark.href) !== null);
  return marks.length === block.marks.length ? block : { ...block, marks };
}
