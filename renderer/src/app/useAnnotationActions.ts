import { type RefObject, useMemo } from 'react';
import type { Api } from '../../../shared/api';
import type { AnnotationActions } from '../annotations/annotationActions';
import { setAttribute } from '../editor/commands/changeAnnotation';
import { deleteComment, editComment, replyTo, setResolved } from '../editor/commands/changeThread';
import type { EditorController } from '../editor/EditorController';

/**
 * The Annotations region's actions, carried out on the editor (so each is undoable and saved
 * like any change). Stable for the app's life: the controller is read from its ref at call time,
 * so memoised list entries never re-render for a new function.
 */
export function useAnnotationActions(
  controllerRef: RefObject<EditorController | null>,
  api: Api,
): AnnotationActions {
  return useMemo(() => {
    const controller = () => controllerRef.current;
    return {
      choose: (id) => controller()?.select(id, { reveal: true }),
      retag: (id, tagKey) => controller()?.retag(id, tagKey),
      comment: (id, body) => controller()?.setComment(id, body),
      setAttribute: (id, key, value) =>
        controller()?.edit((context) => setAttribute(id, key, value, context)),
      reply: (id, threadId, body) => controller()?.edit((context) => replyTo(id, threadId, body, context)),
      editComment: (id, commentId, body) =>
        controller()?.edit((context) => editComment(id, commentId, body, context)),
      deleteComment: (id, commentId) =>
        controller()?.edit((context) => deleteComment(id, commentId, context)),
      resolve: (id, threadId, isResolved) =>
        controller()?.edit((context) => setResolved(id, threadId, isResolved, context)),
      remove: (id) => {
        controller()?.remove(id);
        controller()?.focus();
      },
      suggestions: (attribute) => api.annotations.suggestions({ attribute }),
    } satisfies AnnotationActions;
  }, [controllerRef, api]);
}
