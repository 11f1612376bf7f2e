import type { ReactNode } from 'react';
import { useDraft } from './useDraft';

/** Props of a checkbox that saves as soon as it is ticked or cleared. */
export interface DraftCheckboxFieldProps {
  /** The label; all of its text is the checkbox's accessible name. */
  children: ReactNode;
  isChecked: boolean;
  /** Saves the new state; resolves to false to show the stored state again. */
  onCommit: (isChecked: boolean) => Promise<boolean>;
  className?: string;
}

/** A labelled checkbox that saves on change, showing the stored state again if the save fails. */
export function DraftCheckboxField({ children, isChecked, onCommit, className }: DraftCheckboxFieldProps) {
  const [draft, setDraft, revert] = useDraft(isChecked);
  const toggle = async (checked: boolean) => {
    setDraft(checked);
    if (!(await onCommit(checked))) revert();
  };
  return (
    <label className={['codebook-checkbox', className].filter(Boolean).join(' ')}>
      <input type="checkbox" checked={draft} onChange={(event) => void toggle(event.target.checked)} />
      <span>{children}</span>
    </label>
  );
}
