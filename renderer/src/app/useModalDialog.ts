import { type RefObject, useEffect, useRef } from 'react';

/**
 * Opens a `<dialog>` as a modal when it mounts and, when it unmounts, gives the focus back to
 * where it was: unmounting an open modal dialog does not restore it as `close()` would. `focus`
 * picks what inside the dialog gets the focus first (by default, what the browser chooses).
 */
export function useModalDialog(
  focus?: (dialog: HTMLDialogElement) => HTMLElement | null,
): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  // Kept in a ref so Strict Mode's second effect run cannot replace it with an element inside.
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const focusRef = useRef(focus);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (document.activeElement instanceof HTMLElement && !dialog.contains(document.activeElement)) {
      returnFocusRef.current ??= document.activeElement;
    }
    if (!dialog.open) dialog.showModal();
    focusRef.current?.(dialog)?.focus();
    return () => returnFocusRef.current?.focus();
  }, []);
  return dialogRef;
}
