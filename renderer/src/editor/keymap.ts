import { keydownHandler } from 'prosemirror-keymap';
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Tag } from '../../../shared/model';
import { removeAnnotation, selectAnnotation } from './commands/changeAnnotation';
import type { EditContext } from './commands/editContext';
import { tagSelection } from './commands/tagSelection';
import { annotationsOf } from './plugins/annotationsPlugin';

/** Runs a command on the selected annotation, if there is one. */
function onSelected(command: (id: string) => Command): Command {
  return (state, dispatch, view) => {
    const id = annotationsOf(state).selectedId;
    return id ? command(id)(state, dispatch, view) : false;
  };
}

/**
 * The article's keys: each tag's shortcut (1–9) tags the selection, Delete or Backspace removes
 * the selected annotation, Escape lets go of it. The view is read-only, so ProseMirror's own key
 * handling is off and these run from the keydown event.
 */
export function articleKeydown(
  tags: readonly Tag[],
  context: EditContext,
): (view: EditorView, event: KeyboardEvent) => boolean {
  const bindings: Record<string, Command> = {
    Delete: onSelected(removeAnnotation),
    Backspace: onSelected(removeAnnotation),
    Escape: selectAnnotation(null),
  };
  for (const tag of tags) if (tag.shortcut) bindings[tag.shortcut] = tagSelection(tag.key, context);
  return keydownHandler(bindings);
}
