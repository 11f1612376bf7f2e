import { randomUUID } from 'node:crypto';
import {
  ApiError,
  type MergeResult,
  type RenderedReport,
  type ReportFormat,
  type ServiceImplementation,
} from '../../shared/api';
import type { Annotation, Report, Tag } from '../../shared/model';
import { buildJsonReport, type ReportInput, renderHtmlReport, reportFileName } from '../../shared/report';
import type { AnnotationsService } from './annotationsService';
import { contentHash } from './contentHash';
import type { LibraryStore } from './db/libraryStore';
import { notFound } from './libraryService';

const MEDIA_TYPES: Record<ReportFormat, string> = {
  json: 'application/json',
  html: 'text/html; charset=utf-8',
};

/** Reports out of the library (JSON, HTML) and other analysts' JSON reports into it. */
export class ReportsService implements ServiceImplementation<'reports'> {
  constructor(
    private readonly store: LibraryStore,
    private readonly annotations: AnnotationsService,
    private readonly now: () => Date,
    private readonly generator: string,
  ) {}

  /** Renders a document's report in a format, with the file name to save it under. */
  render({ documentId, format }: { documentId: string; format: ReportFormat }): RenderedReport {
    const input = this.reportInput(documentId);
    const content =
      format === 'json' ? `${JSON.stringify(buildJsonReport(input), null, 2)}\n` : renderHtmlReport(input);
    return { fileName: reportFileName(input.article.title, format), mediaType: MEDIA_TYPES[format], content };
  }

  /** Everything a report of one document is made from. */
  reportInput(documentId: string): ReportInput {
    const article = this.store.documents.get(documentId);
    if (!article) throw notFound(documentId);
    return {
      article,
      tags: this.store.tags.list(),
      annotations: this.store.annotationsOf(documentId),
      generatedAt: this.now().toISOString(),
      generator: this.generator,
    };
  }

  /**
   * Adds a report's annotations to the document with the same text (importing the document when
   * the library lacks it). Annotations are matched by id: new ones are added, identical ones left,
   * and ones that differ are reported as conflicts and not overwritten. All of it is one transaction.
   */
  merge(report: Report): MergeResult {
    if (contentHash(report.document.text) !== report.document.contentHash) {
      throw new ApiError(
        'invalid-input',
        "The report's document text does not match its content hash, so it cannot be trusted; export the report again.",
      );
    }
    return this.store.transaction(() => {
      const existingId = this.store.documents.findByContentHash(report.document.contentHash);
      const documentId = existingId ?? this.insertDocument(report);
      this.ensureTags(report);
      const result: MergeResult = {
        documentId,
        isNewDocument: !existingId,
        added: 0,
        unchanged: 0,
        conflicts: [],
      };
      for (const annotation of report.annotations) {
        const incoming: Annotation = { ...annotation, documentId };
        const stored = this.store.annotations.get(annotation.id);
        if (!stored) {
          this.annotations.save(incoming);
          result.added += 1;
        } else if (sameContent({ ...stored, comments: this.store.comments.threadOf(stored.id) }, incoming)) {
          result.unchanged += 1;
        } else {
          result.conflicts.push(annotation.id);
        }
      }
      return result;
    });
  }

  private insertDocument(report: Report): string {
    const id = this.store.documents.get(report.document.id) ? randomUUID() : report.document.id;
    this.store.documents.insert({ ...report.document, id, importedAt: this.now().toISOString() });
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

/** Whether two annotations say the same thing (timestamps aside). */
function sameContent(left: Annotation, right: Annotation): boolean {
  const essence = (annotation: Annotation) =>
    stableStringify([
      annotation.documentId,
      annotation.tag,
      annotation.start,
      annotation.end,
      annotation.quote,
      annotation.attributes,
      annotation.comments,
    ]);
  return essence(left) === essence(right);
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
