import { useEffect, useRef } from 'react';

/** What the workbench's keys do. Single-key commands return false when there is nothing to act on. */
export interface WorkbenchKeys {
  undo(): void;
  redo(): void;
  openArticle(): void;
  find(): void;
  /** Text size: larger (1), smaller (-1) or back to normal (0). */
  zoom(step: 1 | -1 | 0): void;
  /** A digit: tags the selection with that key's tag, or retags after R. */
  tagKey(key: string): boolean;
  /** J and K: the next or previous annotation. */
  step(direction: 1 | -1): boolean;
  /** S and Q: the selection grows to the sentence or the quotation. */
  extend(unit: 'sentence' | 'quotation'): boolean;
  /** R: the next tag key retags the selected annotation. */
  startRetag(): boolean;
  /** Enter: the cursor goes to the selected annotation's comment. */
  focusComment(): boolean;
  removeSelected(): boolean;
  /** Shift+←/→ move the start by a word, Alt+Shift+←/→ the end (in reading order). */
  moveBoundary(edge: 'start' | 'end', direction: 1 | -1): boolean;
  /** Escape outside text fields: cancel what is pending, then let go of the annotation. */
  escape(): boolean;
  /** Escape in a text field of the workbench: back to the article. */
  leaveField(): void;
  showShortcuts(): void;
  /** Whether the article reads right to left, which turns the arrow keys round. */
  isRightToLeft(): boolean;
}

/** Whether an event comes from a field where typed keys are text. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return (
    target.tagName === 'INPUT' &&
    !['checkbox', 'radio', 'button', 'submit', 'color'].includes((target as HTMLInputElement).type)
  );
}

/** Whether the target would act on Enter itself (a button, a link, a list entry). */
function isActivatable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && target.closest('button, a[href], summary, [role="menuitem"]') !== null
  );
}

/**
 * Every key of the workbench, from one listener on the window, so the same key means the same
 * thing whether the article, the list or nothing has the focus. Ctrl/Cmd keys work everywhere;
 * single keys only outside text fields (where they are text). While a dialog is open, none of them
 * act: it has its own. Escape in a text field returns to the article.
 */
export function useWorkbenchKeys(keys: WorkbenchKeys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const current = ref.current;
      // An open modal dialog owns the keyboard, wherever the focus is: even Escape must reach it,
      // or a dialog whose focused button just became disabled could not be closed.
      if (document.querySelector('dialog[open]')) return;
      /** Marks the key as used unless the command said there was nothing to act on. */
      const handled = (isDone: boolean) => {
        if (isDone) event.preventDefault();
      };
      /** Runs a command that always acts, and marks the key as used. */
      const run = (command: () => void) => {
        event.preventDefault();
        command();
      };
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if ((event.ctrlKey || event.metaKey) && !event.altKey) {
        if (key === 'z') run(event.shiftKey ? current.redo : current.undo);
        else if (key === 'y') run(current.redo);
        else if (key === 'o') run(current.openArticle);
        else if (key === 'f') run(current.find);
        else if (key === '=' || key === '+') run(() => current.zoom(1));
        else if (key === '-') run(() => current.zoom(-1));
        else if (key === '0') run(() => current.zoom(0));
        return;
      }
      if (event.ctrlKey || event.metaKey) return;
      if (isTextField(event.target)) {
        if (event.key === 'Escape') run(current.leaveField);
        return;
      }
      if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
        const forward = (event.key === 'ArrowRight') !== current.isRightToLeft();
        handled(current.moveBoundary(event.altKey ? 'end' : 'start', forward ? 1 : -1));
        return;
      }
      if (event.altKey) return;
      if (event.key === '?') return run(current.showShortcuts);
      if (event.key === 'Escape') return handled(current.escape());
      if (event.key === 'Delete' || event.key === 'Backspace') return handled(current.removeSelected());
      if (event.key === 'Enter' && !isActivatable(event.target)) return handled(current.focusComment());
      if (event.shiftKey) return;
      if (/^[1-9]$/.test(key)) return handled(current.tagKey(key));
      if (key === 'j') return handled(current.step(1));
      if (key === 'k') return handled(current.step(-1));
      if (key === 's') return handled(current.extend('sentence'));
      if (key === 'q') return handled(current.extend('quotation'));
      if (key === 'r') return handled(current.startRetag());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
