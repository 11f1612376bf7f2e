import { anchorAt, isValidRange } from '../../shared/anchoring';
import { ApiError, type ServiceImplementation } from '../../shared/api';
import type { Annotation, Comment } from '../../shared/model';
import type { LibraryStore } from './db/libraryStore';
import { notFound } from './notFound';

/** How many documents' texts are kept in memory to check annotations against. */
const CACHED_TEXTS = 8;
/** How many completions a text attribute offers. */
const SUGGESTION_LIMIT = 200;

/** Saving and removing annotations, each checked against its document's text. */
export class AnnotationsService implements ServiceImplementation<'annotations'> {
  private readonly texts = new Map<string, string>();

  /** `authorName` gives the name of the person using the library: only they may change their comments. */
  constructor(
    private readonly store: LibraryStore,
    private readonly authorName: () => string,
  ) {}

  /**
   * Creates or replaces an annotation with its comment thread, in one transaction. The range must
   * lie in the document, `quote` must equal the text there and the tag must be in the codebook.
   */
  save(annotation: Annotation): Annotation {
    const saved = this.checked(annotation, this.textOf(annotation.documentId), (key) =>
      this.store.tags.has(key),
    );
    const { comments, ...record } = saved;
    this.store.transaction(() => {
      if (this.store.annotations.get(record.id)) {
        checkAuthorship(this.store.comments.threadOf(record.id), comments, this.authorName());
      }
      this.write(record, comments);
    });
    return saved;
  }

  /**
   * Adds annotations none of which the library has yet (a merged report's new ones), checked as
   * `save` checks each, with the document's text and the codebook read once. Comments keep their
   * authors: they are someone else's work arriving, not edits. Runs inside the caller's transaction.
   */
  insertNew(annotations: readonly Annotation[]): void {
    const tags = new Set(this.store.tags.list().map((tag) => tag.key));
    for (const annotation of annotations) {
      const { comments, ...record } = this.checked(annotation, this.textOf(annotation.documentId), (key) =>
        tags.has(key),
      );
      this.write(record, comments, true);
    }
  }

  /**
   * The annotation as it will be stored, once its range lies in the document, its quote equals the
   * text there and its tag is in the codebook; prefix and suffix are recomputed from the text so
   * they can always be trusted.
   */
  private checked(annotation: Annotation, text: string, hasTag: (key: string) => boolean): Annotation {
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
    if (!hasTag(annotation.tag)) {
      throw new ApiError(
        'invalid-input',
        `There is no tag "${annotation.tag}" in the codebook; choose one of the codebook's tags.`,
      );
    }
    return { ...annotation, prefix: anchor.prefix, suffix: anchor.suffix };
  }

  private write(record: Omit<Annotation, 'comments'>, comments: Annotation['comments'], isNew = false): void {
    if (isNew) {
      // A new annotation has no row and no thread to replace.
      this.store.annotations.insert(record);
      if (comments.length > 0) this.store.comments.replaceThread(record.id, comments);
      return;
    }
    if (!this.store.annotations.upsert(record)) {
      throw new ApiError(
        'invalid-input',
        `Annotation ${record.id} belongs to another document; give a new annotation a new id.`,
      );
    }
    this.store.comments.replaceThread(record.id, comments);
  }

  /** The values a text attribute (a speaker, a cue …) has anywhere in the library, most used first. */
  suggestions({ attribute }: { attribute: string }): string[] {
    return this.store.annotations.valuesOf(attribute, SUGGESTION_LIMIT);
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

/** Every comment of a thread, replies included, by id. */
function commentsById(thread: readonly Comment[], into = new Map<string, Comment>()): Map<string, Comment> {
  for (const comment of thread) {
    into.set(comment.id, comment);
    commentsById(comment.replies, into);
  }
  return into;
}

/**
 * Comments are edited and deleted only by their authors: another analyst's comment (one merged
 * from their report) must come back unchanged, and a new comment must carry the current name.
 * Resolving a thread is not editing it, so anyone may resolve or reopen one.
 */
function checkAuthorship(before: readonly Comment[], after: readonly Comment[], author: string): void {
  const previous = commentsById(before);
  const next = commentsById(after);
  for (const [id, comment] of previous) {
    if (comment.author === author) continue;
    const kept = next.get(id);
    if (!kept || kept.body !== comment.body || kept.author !== comment.author) {
      throw new ApiError(
        'forbidden',
        `Only ${comment.author} can edit or delete their comment; reply to it instead.`,
      );
    }
  }
  for (const [id, comment] of next) {
    if (!previous.has(id) && comment.author !== author) {
      throw new ApiError(
        'invalid-input',
        `A new comment must carry your name (${author}); reload the document and write it again.`,
      );
    }
  }
}
