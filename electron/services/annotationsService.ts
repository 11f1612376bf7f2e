import { anchorAt, isValidRange } from '../../shared/anchoring';
import { ApiError, type ServiceImplementation } from '../../shared/api';
import type { Annotation } from '../../shared/model';
import type { LibraryStore } from './db/libraryStore';
import { notFound } from './libraryService';

/** How many documents' texts are kept in memory to check annotations against. */
const CACHED_TEXTS = 8;

/** Saving and removing annotations, each checked against its document's text. */
export class AnnotationsService implements ServiceImplementation<'annotations'> {
  private readonly texts = new Map<string, string>();

  constructor(private readonly store: LibraryStore) {}

  /**
   * Creates or replaces an annotation with its comment thread, in one transaction. The range must
   * lie in the document and `quote` must equal the text there; prefix and suffix are recomputed
   * from the text so they can always be trusted.
   */
  save(annotation: Annotation): Annotation {
    const text = this.textOf(annotation.documentId);
    if (!isValidRange(text, annotation.start, annotation.end)) {
      throw new ApiError(
        'invalid-input',
        `The annotation's range ${annotation.start}–${annotation.end} lies outside the document's text (length ${text.length}); reload the document and tag the passage again.`,
      );
    }
    const anchor = anchorAt(text, annotation.start, annotation.end);
    if (anchor.quote !== annotation.quote) {
      throw new ApiError(
        'invalid-input',
        "The annotation's quote does not match the document's text at its offsets; reload the document and tag the passage again.",
      );
    }
    if (!this.store.tags.has(annotation.tag)) {
      throw new ApiError(
        'invalid-input',
        `There is no tag "${annotation.tag}" in the codebook; choose one of the codebook's tags.`,
      );
    }
    const saved: Annotation = { ...annotation, prefix: anchor.prefix, suffix: anchor.suffix };
    const { comments, ...record } = saved;
    this.store.transaction(() => {
      if (!this.store.annotations.upsert(record)) {
        throw new ApiError(
          'invalid-input',
          `Annotation ${annotation.id} belongs to another document; give a new annotation a new id.`,
        );
      }
      this.store.comments.replaceThread(record.id, comments);
    });
    return saved;
  }

  /** Deletes an annotation and its comments. */
  remove({ id }: { id: string }): { removed: boolean } {
    return { removed: this.store.annotations.remove(id) };
  }

  private textOf(documentId: string): string {
    const cached = this.texts.get(documentId);
    if (cached !== undefined) return cached;
    const text = this.store.documents.text(documentId);
    if (text === undefined) throw notFound(documentId);
    if (this.texts.size >= CACHED_TEXTS) this.texts.delete(this.texts.keys().next().value as string);
    this.texts.set(documentId, text);
    return text;
  }
}
