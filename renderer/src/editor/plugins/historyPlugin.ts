import { type Command, type EditorState, Plugin, PluginKey } from 'prosemirror-state';
import { ANNOTATION_META, type AnnotationChange, annotationMetaOf, invertChange } from './annotationChange';

/** A step of history: the changes one user action made. */
interface HistoryGroup {
  changes: readonly AnnotationChange[];
  coalesceKey: string | undefined;
  time: number;
}

/** The undo and redo stacks of annotation changes. */
export interface HistoryState {
  readonly done: readonly HistoryGroup[];
  readonly undone: readonly HistoryGroup[];
}

/** Edits with the same coalesce key closer together than this undo as one step. */
const COALESCE_MILLISECONDS = 1500;
/** How many steps are kept. */
const DEPTH = 1000;

const historyKey = new PluginKey<HistoryState>('annotationHistory');
/** The meta that empties the history. */
const CLEAR_HISTORY = 'margin-clear-history';

/** Forgets every step, so nothing before now can be undone. */
export const clearHistory: Command = (state, dispatch) => {
  dispatch?.(state.tr.setMeta(CLEAR_HISTORY, true));
  return true;
};

/**
 * Undo history for annotation changes (create, retag, delete, comment). The article text never
 * changes, so ProseMirror's own history has nothing to track; this records annotation changes
 * and undoes them by applying their inverse, which the host then persists like any change.
 */
export function historyPlugin(): Plugin<HistoryState> {
  return new Plugin<HistoryState>({
    key: historyKey,
    state: {
      init: () => ({ done: [], undone: [] }),
      apply: (transaction, history) => {
        if (transaction.getMeta(CLEAR_HISTORY)) return { done: [], undone: [] };
        const meta = annotationMetaOf(transaction);
        if (!meta?.changes?.length) return history;
        if (meta.historyAction === 'undo') {
          return { done: history.done.slice(0, -1), undone: [...history.undone, history.done.at(-1)!] };
        }
        if (meta.historyAction === 'redo') {
          return { done: [...history.done, history.undone.at(-1)!], undone: history.undone.slice(0, -1) };
        }
        const group: HistoryGroup = {
          changes: meta.changes,
          coalesceKey: meta.coalesceKey,
          time: transaction.time,
        };
        const last = history.done.at(-1);
        if (
          last &&
          group.coalesceKey &&
          last.coalesceKey === group.coalesceKey &&
          group.time - last.time < COALESCE_MILLISECONDS
        ) {
          return { done: [...history.done.slice(0, -1), mergeGroups(last, group)], undone: [] };
        }
        return { done: [...history.done, group].slice(-DEPTH), undone: [] };
      },
    },
  });
}

/** One group standing for two: each annotation goes from its first `before` to its last `after`. */
function mergeGroups(first: HistoryGroup, second: HistoryGroup): HistoryGroup {
  const changes = [...first.changes];
  for (const change of second.changes) {
    const id = change.after?.id ?? change.before?.id;
    const index = changes.findIndex((earlier) => (earlier.after?.id ?? earlier.before?.id) === id);
    if (index === -1) changes.push(change);
    else changes[index] = { before: changes[index]!.before, after: change.after };
  }
  return { changes, coalesceKey: second.coalesceKey, time: second.time };
}

/** Whether there is something to undo, and to redo. */
export function historyDepth(state: EditorState): { canUndo: boolean; canRedo: boolean } {
  const history = historyKey.getState(state);
  return { canUndo: (history?.done.length ?? 0) > 0, canRedo: (history?.undone.length ?? 0) > 0 };
}

/** Undoes the last annotation change. */
export const undo: Command = (state, dispatch) => {
  const group = historyKey.getState(state)?.done.at(-1);
  if (!group) return false;
  const changes = group.changes.map(invertChange).reverse();
  dispatch?.(
    state.tr.setMeta(ANNOTATION_META, { changes, historyAction: 'undo', select: selectionAfter(changes) }),
  );
  return true;
};

/** Redoes the last undone annotation change. */
export const redo: Command = (state, dispatch) => {
  const group = historyKey.getState(state)?.undone.at(-1);
  if (!group) return false;
  dispatch?.(
    state.tr.setMeta(ANNOTATION_META, {
      changes: group.changes,
      historyAction: 'redo',
      select: selectionAfter(group.changes),
    }),
  );
  return true;
};

/** After undo or redo, select the annotation it brought back or changed, so the user sees it. */
function selectionAfter(changes: readonly AnnotationChange[]): string | null {
  return changes.findLast((change) => change.after)?.after?.id ?? null;
}
