import { type ReactNode, useId } from 'react';
import { useModalDialog } from './useModalDialog';

/** Props of a modal dialog frame. */
export interface ModalDialogProps {
  title: string;
  /** The dialog's own class, beside the shared `dialog` frame. */
  className: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog with a titled header and a Close button: it opens when it mounts, Esc or Close
 * closes it, and the focus goes back where it was (see `useModalDialog`).
 */
export function ModalDialog({ title, className, onClose, children }: ModalDialogProps) {
  const dialogRef = useModalDialog();
  const titleId = `${useId()}-title`;
  return (
    <dialog ref={dialogRef} className={`dialog ${className}`} aria-labelledby={titleId} onClose={onClose}>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="quiet" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </header>
      {children}
    </dialog>
  );
}
