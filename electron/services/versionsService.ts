import { randomUUID } from 'node:crypto';
import { anchorAt, isValidRange, placeBlocks, reanchorAll, textDiff } from '../../shared/anchoring';
import {
  ApiError,
  type CorrectionRequest,
  type DiffPiece,
  type ImportResult,
  type ServiceImplementation,
  type VersionReview,
  type VersionSummary,
} from '../../shared/api';
import type { Annotation, Article, ArticleSummary, Comment } from '../../shared/model';
import type { AnnotationsService } from './annotationsService';
import { contentHash, fileHash } from './contentHash';
import type { LibraryStore } from './db/libraryStore';
import { baseName } from './import/fileName';
import { type ImportedArticle, readArticle } from './import/readArticle';
import { notFound } from './notFound';

/**
 * Versions of an article: a new version imported (or corrected in Margin) keeps the old one and
 * carries its annotations over, each re-anchored by its words (see reanchorAll) and marked exact,
 * moved or changed; those that find no place wait as orphans for a person to place or dismiss.
 */
export class VersionsService implements ServiceImplementation<'versions'> {
  constructor(
    private readonly store: LibraryStore,
    private readonly annotations: AnnotationsService,
    private readonly now: () => Date,
  ) {}

  /** Every version of the article this document is a version of, oldest first. */
  list({ id }: { id: string }): VersionSummary[] {
    const versions = this.store.versions.versionsOf(id);
    if (versions.length === 0) throw notFound(id);
    return versions;
  }

  /** The carried annotations of this version a person should look at. */
  review({ id }: { id: string }): VersionReview {
    const versions = this.list({ id });
    const index = versions.findIndex((version) => version.id === id);
    const orphaned = this.store.versions
      .orphansOf(id)
      .map((annotationId) => this.store.annotations.get(annotationId))
      .filter((record) => record !== undefined)
      .map((record) => ({ ...record, comments: this.store.comments.threadOf(record.id) }));
    return {
      previous: index > 0 ? versions[index - 1]! : null,
      carried: this.store.versions.carriedInto(id),
      changed: this.store.versions.changedOf(id),
      orphaned,
    };
  }

  /** Accepts a changed annotation where it was placed. */
  confirm({ documentId, annotationId }: { documentId: string; annotationId: string }): {
    confirmed: boolean;
  } {
    return { confirmed: this.store.versions.markReviewed(documentId, annotationId) };
  }

  /** Places an orphaned annotation of an earlier version on a passage of this document. */
  place(input: { documentId: string; annotationId: string; start: number; end: number }): Annotation {
    if (!this.store.versions.orphansOf(input.documentId).includes(input.annotationId)) {
      throw new ApiError(
        'not-found',
        'That annotation is not waiting to be placed in this version; reload the review list.',
      );
    }
    const old = this.store.annotations.get(input.annotationId)!;
    const text = this.textOf(input.documentId);
    if (!isValidRange(text, input.start, input.end)) {
      throw new ApiError(
        'invalid-input',
        'Select the passage to place the annotation on, within the article.',
      );
    }
    const placed = this.copy(
      { ...old, comments: this.store.comments.threadOf(old.id) },
      input.documentId,
      text,
      input.start,
      input.end,
    );
    this.store.transaction(() => {
      this.annotations.insertNew([placed]);
      this.store.versions.markCarried(placed.id, old.id, 'exact', null);
      this.store.versions.markReviewed(input.documentId, placed.id);
      this.store.versions.removeOrphan(input.documentId, input.annotationId);
    });
    return placed;
  }

  /** Gives up an orphaned annotation for this version; the earlier version keeps it. */
  dismiss({ documentId, annotationId }: { documentId: string; annotationId: string }): {
    dismissed: boolean;
  } {
    return { dismissed: this.store.versions.removeOrphan(documentId, annotationId) };
  }

  /** What changed between two versions, word by word. */
  diff({ fromId, toId }: { fromId: string; toId: string }): DiffPiece[] {
    const from = this.textOf(fromId);
    const to = this.textOf(toId);
    const pieces: DiffPiece[] = [];
    for (const segment of textDiff(from, to)) {
      if (segment.isEqual) {
        pieces.push({ kind: 'same', text: from.slice(segment.oldStart, segment.oldEnd) });
        continue;
      }
      if (segment.oldEnd > segment.oldStart) {
        pieces.push({ kind: 'removed', text: from.slice(segment.oldStart, segment.oldEnd) });
      }
      if (segment.newEnd > segment.newStart)
        pieces.push({ kind: 'added', text: to.slice(segment.newStart, segment.newEnd) });
    }
    return pieces;
  }

  /** Imports a file as the next version of this document's article. */
  async importVersion(input: { documentId: string; fileName: string; data: string }): Promise<ImportResult> {
    if (!this.store.documents.summary(input.documentId)) throw notFound(input.documentId);
    const bytes = Buffer.from(input.data, 'base64');
    const imported = await readArticle(input.fileName, bytes);
    const existingId = this.store.documents.findByContentHash(contentHash(imported.text));
    if (existingId) return { document: this.summary(existingId), isDuplicate: true };
    return this.addVersion(input.documentId, imported, { fileName: input.fileName, bytes });
  }

  /**
   * Makes a document an article of its own, dropping the annotations carried into it; those made
   * on it since stay.
   */
  detach({ id }: { id: string }): ArticleSummary {
    if (!this.store.documents.summary(id)) throw notFound(id);
    this.store.transaction(() => {
      for (const annotationId of this.store.versions.carriedAnnotations(id))
        this.store.annotations.remove(annotationId);
      for (const orphan of this.store.versions.orphansOf(id)) this.store.versions.removeOrphan(id, orphan);
      this.store.versions.detach(id);
    });
    return this.summary(id);
  }

  /**
   * Saves corrections of the text as a new version. The editor mapped every annotation through
   * the edits; each keeps its place, its quote updated to the corrected words. One the
   * corrections swallowed whole is an orphan, for the person correcting to place or dismiss.
   */
  correct(request: CorrectionRequest): ImportResult {
    const original = this.store.documents.get(request.documentId);
    if (!original) throw notFound(request.documentId);
    const { text, blocks } = placeBlocks(
      request.blocks.map((block) => ({ ...block, marks: block.marks ?? [] })),
    );
    if (text === original.text) return { document: this.summary(original.id), isDuplicate: true };
    const placedAt = new Map(request.annotations.map((placement) => [placement.id, placement]));
    // A title that is the article's headline is corrected with it.
    const headline = original.blocks[0];
    const isTitleHeadline = headline?.type === 'heading' && headline.text === original.title;
    const title = isTitleHeadline && blocks[0]?.type === 'heading' ? blocks[0].text : original.title;
    const article = this.nextArticle(original, { text, blocks, metadata: { ...original, title } });
    const carried: { annotation: Annotation; from: string }[] = [];
    const orphans: string[] = [];
    for (const annotation of this.store.annotationsOf(original.id)) {
      const placement = placedAt.get(annotation.id);
      if (placement && isValidRange(text, placement.start, placement.end)) {
        carried.push({
          annotation: this.copy(annotation, article.id, text, placement.start, placement.end),
          from: annotation.id,
        });
      } else {
        orphans.push(annotation.id);
      }
    }
    this.store.transaction(() => {
      this.store.documents.insert(article, {
        sourceHash: original.sourceHash ?? null,
        sourceFile: original.sourceFile ?? null,
        lineage: original.lineage ?? original.id,
        version: this.nextVersionNumber(original.id),
        versionReason: 'corrected',
      });
      this.annotations.insertNew(carried.map((entry) => entry.annotation));
      for (const { annotation, from } of carried) {
        this.store.versions.markCarried(annotation.id, from, 'exact', null);
        this.store.versions.markReviewed(article.id, annotation.id);
      }
      for (const orphan of orphans) this.store.versions.addOrphan(article.id, orphan);
    });
    return {
      document: this.summary(article.id),
      isDuplicate: false,
      previousVersion: this.summary(original.id),
    };
  }

  /**
   * Stores `imported` as the next version after `previousId`, with its file, and carries the
   * previous version's annotations over. Runs in one transaction: all of it lands, or nothing.
   */
  addVersion(
    previousId: string,
    imported: ImportedArticle,
    file: { fileName: string; bytes: Uint8Array },
  ): ImportResult {
    const previous = this.store.documents.get(previousId);
    if (!previous) throw notFound(previousId);
    const article = this.nextArticle(previous, imported);
    const sourceHash = fileHash(file.bytes);
    const oldAnnotations = this.store.annotationsOf(previous.id);
    const placements = reanchorAll(oldAnnotations, previous.text, article.text);
    this.store.transaction(() => {
      this.store.originals.keep(sourceHash, file.bytes);
      this.store.documents.insert(article, {
        sourceHash,
        sourceFile: baseName(file.fileName),
        lineage: previous.lineage ?? previous.id,
        version: this.nextVersionNumber(previous.id),
        versionReason: 'new-version',
      });
      const carried: {
        annotation: Annotation;
        from: string;
        status: 'exact' | 'moved' | 'changed';
        previousQuote: string;
      }[] = [];
      oldAnnotations.forEach((annotation, index) => {
        const placement = placements[index]!;
        if (placement.status === 'orphaned') {
          this.store.versions.addOrphan(article.id, annotation.id);
          return;
        }
        carried.push({
          annotation: this.copy(annotation, article.id, article.text, placement.start, placement.end),
          from: annotation.id,
          status: placement.status,
          previousQuote: placement.previousQuote,
        });
      });
      this.annotations.insertNew(carried.map((entry) => entry.annotation));
      for (const entry of carried) {
        const previousQuote = entry.status === 'changed' ? entry.previousQuote : null;
        this.store.versions.markCarried(entry.annotation.id, entry.from, entry.status, previousQuote);
      }
      const count = (status: string) => placements.filter((placement) => placement.status === status).length;
      this.store.versions.setCarried(article.id, {
        exact: count('exact'),
        moved: count('moved'),
        changed: count('changed'),
        orphaned: count('orphaned'),
      });
    });
    return {
      document: this.summary(article.id),
      isDuplicate: false,
      previousVersion: this.summary(previous.id),
    };
  }

  private nextArticle(
    previous: Article,
    imported: Pick<ImportedArticle, 'text' | 'blocks' | 'metadata'>,
  ): Article {
    return {
      ...imported.metadata,
      id: randomUUID(),
      contentHash: contentHash(imported.text),
      text: imported.text,
      blocks: imported.blocks,
      importedAt: this.now().toISOString(),
      // A new version keeps the article's place in the library under the title it had.
      title: imported.metadata.title || previous.title,
    };
  }

  private nextVersionNumber(documentId: string): number {
    return this.store.versions.highestVersion(documentId) + 1;
  }

  /** An annotation copied into another document at a new range: new ids, same tag, attributes and thread. */
  private copy(
    annotation: Annotation,
    documentId: string,
    text: string,
    start: number,
    end: number,
  ): Annotation {
    return {
      ...annotation,
      id: randomUUID(),
      documentId,
      start,
      end,
      ...anchorAt(text, start, end),
      comments: annotation.comments.map(withNewIds),
      updatedAt: this.now().toISOString(),
    };
  }

  private textOf(id: string): string {
    const text = this.store.documents.text(id);
    if (text === undefined) throw notFound(id);
    return text;
  }

  private summary(id: string): ArticleSummary {
    const summary = this.store.documents.summary(id);
    if (!summary) throw notFound(id);
    return summary;
  }
}

function withNewIds(comment: Comment): Comment {
  return { ...comment, id: randomUUID(), replies: comment.replies.map(withNewIds) };
}
