import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import { useEffect, useRef, useState } from 'react';
import type { CorrectionRequest, OpenedArticle } from '../../../../shared/api';
import type { Annotation } from '../../../../shared/model';
import { offsetToPosition } from '../schema/articleSchema';
import { articleToDoc } from '../schema/articleToDoc';
import { docToBlocks } from './docToBlocks';

/** An annotation's range in the editor while the text is corrected, mapped through every edit. */
interface Tracked {
  id: string;
  tag: string;
  from: number;
  to: number;
}

const trackedKey = new PluginKey<Tracked[]>('corrected-annotations');

/**
 * Follows every annotation through the edits (ProseMirror's mapping: text typed at a passage's
 * edge stays outside it, text deleted from it shrinks it) and draws them, so the person
 * correcting sees what each change touches.
 */
function trackAnnotations(annotations: readonly Annotation[]): Plugin<Tracked[]> {
  return new Plugin<Tracked[]>({
    key: trackedKey,
    state: {
      init: () =>
        annotations.map((annotation) => ({
          id: annotation.id,
          tag: annotation.tag,
          from: offsetToPosition(annotation.start),
          to: offsetToPosition(annotation.end),
        })),
      apply: (transaction, tracked) =>
        transaction.docChanged
          ? tracked.map((range) => ({
              ...range,
              from: transaction.mapping.map(range.from, 1),
              to: transaction.mapping.map(range.to, -1),
            }))
          : tracked,
    },
    props: {
      decorations(state) {
        const tracked = trackedKey.getState(state) ?? [];
        return DecorationSet.create(
          state.doc,
          tracked
            .filter((range) => range.to > range.from)
            .map((range) =>
              Decoration.inline(range.from, range.to, { class: 'correction-mark', 'data-tag': range.tag }),
            ),
        );
      },
    },
  });
}

/** Props of the correction editor. */
export interface CorrectionEditorProps {
  opened: OpenedArticle;
  /** The annotations as they are now (some may be newer than the opened document). */
  annotations: readonly Annotation[];
  /** Saves the corrections (as a new version, in the library). */
  onSave: (request: CorrectionRequest) => Promise<void>;
  onCancel: () => void;
}

/**
 * Correction mode: the article's text becomes editable (typos, OCR errors), its annotations
 * following each edit. Saving sends the corrected blocks and each annotation's new range; the
 * library keeps them as a new version, so the original stays citable. Undo and redo work on the
 * typing; Escape cancels.
 */
export function CorrectionEditor({ opened, annotations, onSave, onCancel }: CorrectionEditorProps) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [edits, setEdits] = useState(0);
  const [isSaving, setSaving] = useState(false);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  // The annotations are read once, when correcting starts; nothing else changes them meanwhile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const cancelCorrection = () => {
      cancel.current();
      return true;
    };
    const state = EditorState.create({
      doc: articleToDoc(opened.article),
      plugins: [
        history(),
        keymap({
          'Mod-z': undo,
          'Mod-Shift-z': redo,
          'Mod-y': redo,
          Escape: cancelCorrection,
        }),
        keymap(baseKeymap),
        trackAnnotations(annotations),
      ],
    });
    const editor = new EditorView(mount.current!, {
      state,
      attributes: {
        class: 'article-text is-correcting',
        'aria-label': 'Article text, being corrected',
        spellcheck: 'true',
      },
      dispatchTransaction(transaction) {
        editor.updateState(editor.state.apply(transaction));
        if (transaction.docChanged) setEdits((count) => count + 1);
      },
    });
    view.current = editor;
    editor.focus();
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [opened]);

  const save = async () => {
    const editor = view.current;
    if (!editor) return;
    const corrected = docToBlocks(editor.state.doc);
    if (corrected.blocks.length === 0) return;
    const annotations = (trackedKey.getState(editor.state) ?? []).flatMap((range) => {
      const start = corrected.offsetOf(range.from);
      const end = corrected.offsetOf(range.to);
      return start !== null && end !== null && end > start ? [{ id: range.id, start, end }] : [];
    });
    setSaving(true);
    try {
      await onSave({ documentId: opened.article.id, blocks: corrected.blocks, annotations });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="correction">
      <div className="correction-bar" role="toolbar" aria-label="Correction">
        <span role="status">
          {edits === 0
            ? 'Correcting: type to fix typos or OCR errors; annotations follow the text.'
            : `${edits} ${edits === 1 ? 'edit' : 'edits'}; saving keeps the original as the previous version.`}
        </span>
        <button
          type="button"
          className="primary small"
          disabled={edits === 0 || isSaving}
          onClick={() => void save()}
        >
          Save corrections
        </button>
        <button type="button" className="small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <div
        ref={mount}
        className="article-mount"
        dir={opened.article.dir}
        lang={opened.article.lang ?? undefined}
      />
    </div>
  );
}
