import { type EditorState, Plugin, PluginKey } from 'prosemirror-state';
import { PersistentMap } from '../../../../shared/collections/persistentMap';
import type { Annotation } from '../../../../shared/model';
import { type AnnotationChange, annotationMetaOf } from './annotationChange';
import {
  annotationPieces,
  assignLanes,
  buildDecorations,
  findAnnotationDecorations,
  overlappingIds,
} from './annotationDecorations';
import { BlockDecorations } from './blockDecorations';

/** The annotations of the open document, as the editor holds them. */
export interface AnnotationsState {
  readonly documentId: string;
  /** The canonical text; offsets index into it. */
  readonly text: string;
  /** Persistent maps: a change copies a sixty-fourth of them, not all 50,000 entries. */
  readonly byId: PersistentMap<Annotation>;
  readonly lanes: PersistentMap<number>;
  readonly decorations: BlockDecorations;
  readonly selectedId: string | null;
}

/** How to set the plugin up for one document. */
export interface AnnotationsConfig {
  documentId: string;
  text: string;
  annotations: readonly Annotation[];
  /**
   * Give the view only the decorations of the first blocks, as many as hold this many characters,
   * and the others as `show` meta asks for them. Unset: all of them from the start.
   */
  shownChars?: number;
}

/** The key of the annotations plugin, to read its state. */
export const annotationsKey = new PluginKey<AnnotationsState>('annotations');

/** The annotations state of an editor state. */
export function annotationsOf(state: EditorState): AnnotationsState {
  const value = annotationsKey.getState(state);
  if (!value) throw new Error('The annotations plugin is not installed in this editor.');
  return value;
}

/**
 * Keeps annotations as decorations: built once when a document opens, then changed one
 * annotation at a time by transactions carrying annotation meta, and mapped through every
 * transaction. It never talks to the API; whoever dispatches reads the changes and persists them.
 */
export function annotationsPlugin(config: AnnotationsConfig): Plugin<AnnotationsState> {
  return new Plugin<AnnotationsState>({
    key: annotationsKey,
    state: {
      init: (_, state) => {
        const lanes = PersistentMap.of(assignLanes(config.annotations));
        return {
          documentId: config.documentId,
          text: config.text,
          byId: PersistentMap.of(
            config.annotations.map((annotation) => [annotation.id, annotation] as const),
          ),
          lanes,
          decorations: buildDecorations(
            BlockDecorations.none(state.doc, config.shownChars),
            config.annotations,
            lanes,
            null,
          ),
          selectedId: null,
        };
      },
      apply: (transaction, value) => {
        // The article's text is not edited in this view; should it ever be, the decorations are
        // built again over the new blocks rather than mapped.
        let next = transaction.docChanged
          ? {
              ...value,
              decorations: buildDecorations(
                BlockDecorations.none(transaction.doc),
                [...value.byId.values()],
                value.lanes,
                value.selectedId,
              ),
            }
          : value;
        const meta = annotationMetaOf(transaction);
        if (!meta) return next;
        if (meta.show) {
          next = { ...next, decorations: next.decorations.show(meta.show.from, meta.show.to) };
        }
        for (const change of meta.changes ?? []) next = applyChange(next, change);
        if (meta.select !== undefined) next = select(next, meta.select);
        return next;
      },
    },
    props: {
      decorations: (state) => annotationsKey.getState(state)?.decorations,
    },
  });
}

function applyChange(value: AnnotationsState, change: AnnotationChange): AnnotationsState {
  const id = change.after?.id ?? change.before?.id;
  if (!id) return value;
  let { byId, lanes } = value;
  const current = byId.get(id);
  const removed = current ? findAnnotationDecorations(value.decorations, current) : [];
  let selectedId = value.selectedId;
  let decorations = value.decorations.change(removed, []);
  if (change.after) {
    const after = change.after;
    const lane =
      current && current.start === after.start && current.end === after.end
        ? (lanes.get(id) ?? 0)
        : freeLane(decorations, lanes, after);
    byId = byId.set(id, after);
    lanes = lanes.set(id, lane);
    decorations = decorations.change([], annotationPieces(decorations, after, lane, id === selectedId));
  } else {
    byId = byId.delete(id);
    lanes = lanes.delete(id);
    if (selectedId === id) selectedId = null;
  }
  return { ...value, byId, lanes, decorations, selectedId };
}

/** The lowest lane no annotation overlapping `annotation` uses. */
function freeLane(
  decorations: BlockDecorations,
  lanes: PersistentMap<number>,
  annotation: Annotation,
): number {
  const taken = new Set(
    overlappingIds(decorations, annotation.start, annotation.end).map((id) => lanes.get(id)),
  );
  let lane = 0;
  while (taken.has(lane)) lane += 1;
  return lane;
}

/**
 * Blocks around a selected annotation whose highlights are drawn with it: about a screen's worth
 * either way, so revealing it far down shows its neighbours highlighted too.
 */
export const SHOWN_AROUND = { before: 10, after: 40 };

/** Draws the highlights of the blocks around offsets `start` to `end`, where they are not yet. */
function showAround(decorations: BlockDecorations, start: number, end: number): BlockDecorations {
  return decorations.show(
    decorations.blockAt(start) - SHOWN_AROUND.before,
    decorations.blockAt(end) + SHOWN_AROUND.after,
  );
}

function select(value: AnnotationsState, id: string | null): AnnotationsState {
  const selectedId = id !== null && value.byId.has(id) ? id : null;
  if (selectedId === value.selectedId) return value;
  const chosen = selectedId ? value.byId.get(selectedId) : undefined;
  let decorations = chosen ? showAround(value.decorations, chosen.start, chosen.end) : value.decorations;
  for (const changedId of [value.selectedId, selectedId]) {
    const annotation = changedId ? value.byId.get(changedId) : undefined;
    if (!annotation) continue;
    decorations = decorations.change(
      findAnnotationDecorations(decorations, annotation),
      annotationPieces(
        decorations,
        annotation,
        value.lanes.get(annotation.id) ?? 0,
        annotation.id === selectedId,
      ),
    );
  }
  return { ...value, decorations, selectedId };
}
