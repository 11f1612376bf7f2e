import type { AttributeValue } from '../../../shared/model';

/** What the Annotations region can do to annotations; the app carries it out on the editor. */
export interface AnnotationActions {
  /** Selects an annotation and shows its passage. */
  choose(id: string): void;
  retag(id: string, tagKey: string): void;
  /** Sets the text of the annotation's own first comment. */
  comment(id: string, body: string): void;
  /** Sets one attribute; undefined removes it. */
  setAttribute(id: string, key: string, value: AttributeValue | undefined): void;
  reply(id: string, threadId: string, body: string): void;
  editComment(id: string, commentId: string, body: string): void;
  deleteComment(id: string, commentId: string): void;
  resolve(id: string, threadId: string, isResolved: boolean): void;
  remove(id: string): void;
  /** The values a text attribute has across the library, for completion. */
  suggestions(attributeKey: string): Promise<string[]>;
}
