import type { Transaction } from 'prosemirror-state';
import type { Annotation } from '../../../../shared/model';

/** One annotation's change: what it was and what it became (null where it does not exist). */
export interface AnnotationChange {
  before: Annotation | null;
  after: Annotation | null;
}

/** What a transaction asks of the annotation plugins, carried as its meta. */
export interface AnnotationMeta {
  /** Changes to apply, in order. */
  changes?: readonly AnnotationChange[];
  /** Select this annotation (null: none). */
  select?: string | null;
  /** Changes with the same key, made close together, undo as one step (typing a comment). */
  coalesceKey?: string;
  /**
   * Give the view the decorations of these blocks too (from, to exclusive), as they come on
   * screen: drawing, not a change.
   */
  show?: { from: number; to: number };
  /** Set by undo and redo, so history does not record their changes as new steps. */
  historyAction?: 'undo' | 'redo';
}

/** The meta key both annotation plugins read. */
export const ANNOTATION_META = 'margin-annotations';

/** The annotation meta of a transaction, if any. */
export function annotationMetaOf(transaction: Transaction): AnnotationMeta | undefined {
  return transaction.getMeta(ANNOTATION_META) as AnnotationMeta | undefined;
}

/** The same change the other way round, which undoes it. */
export function invertChange(change: AnnotationChange): AnnotationChange {
  return { before: change.after, after: change.before };
}
