import { useEffect, useRef } from 'react';

/** What the app-wide keys do. */
export interface GlobalShortcuts {
  undo(): void;
  redo(): void;
  openArticle(): void;
  /** Delete the selected annotation; false when none is selected. */
  removeSelected(): boolean;
  /** Tag the article's selection with the tag whose shortcut is `key`; false when that cannot be done. */
  tagWithShortcut(key: string): boolean;
}

/** Whether an event comes from a field where typed keys are text. */
function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.tagName === 'TEXTAREA' ||
      (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text'))
  );
}

/**
 * The keys that work wherever the focus is: Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) undo and
 * redo annotation changes — comment typing included, so one history covers everything — and
 * Ctrl/Cmd+O opens an article. Outside text fields, Delete removes the selected annotation and
 * the tag keys tag the article's selection. Keys the article already handled are left alone.
 */
export function useGlobalShortcuts(shortcuts: GlobalShortcuts): void {
  const ref = useRef(shortcuts);
  ref.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const current = ref.current;
      const isModified = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (isModified && !event.altKey && (key === 'z' || key === 'y')) {
        event.preventDefault();
        if (key === 'y' || event.shiftKey) current.redo();
        else current.undo();
        return;
      }
      if (isModified && !event.altKey && key === 'o') {
        event.preventDefault();
        current.openArticle();
        return;
      }
      if (isModified || event.altKey || isTextField(event.target)) return;
      if ((event.key === 'Delete' || event.key === 'Backspace') && current.removeSelected())
        event.preventDefault();
      else if (/^[1-9]$/.test(event.key) && current.tagWithShortcut(event.key)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
