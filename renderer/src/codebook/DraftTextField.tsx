import { type KeyboardEvent, useRef } from 'react';
import { CodebookField } from './CodebookField';
import { useDraft } from './useDraft';

/** Props of a text field that saves when its edit is committed. */
export interface DraftTextFieldProps {
  label: string;
  /** The stored value, shown again whenever it changes or a save fails. */
  value: string;
  /** Saves the edited text; resolves to false (or returns false) to show the stored value again. */
  onCommit: (text: string) => Promise<boolean> | boolean;
  isMultiline?: boolean;
  type?: 'text' | 'number';
  maxLength?: number;
  placeholder?: string;
  /** A sentence under the field, read out as the field's description. */
  hint?: string;
  className?: string;
}

/**
 * A labelled text input (or textarea) that keeps its text while it is typed and saves it on blur
 * or Enter (Ctrl/⌘+Enter in a textarea, where Enter starts a new line): saving every keystroke
 * would send a request per letter and store half-typed names.
 */
export function DraftTextField({
  label,
  value,
  onCommit,
  isMultiline = false,
  type = 'text',
  maxLength,
  placeholder,
  hint,
  className,
}: DraftTextFieldProps) {
  const [draft, setDraft, revert] = useDraft(value);
  // The text being saved: Enter then blur would otherwise save the same text twice.
  const saving = useRef<string | null>(null);

  const commit = async () => {
    if (draft === value || draft === saving.current) return;
    saving.current = draft;
    try {
      if (!(await onCommit(draft))) revert();
    } finally {
      saving.current = null;
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || (isMultiline && !event.ctrlKey && !event.metaKey)) return;
    event.preventDefault();
    void commit();
  };

  return (
    <CodebookField label={label} hint={hint} className={className}>
      {({ id, describedBy }) => {
        const shared = {
          id,
          value: draft,
          maxLength,
          placeholder,
          'aria-describedby': describedBy,
          onKeyDown,
          onBlur: () => void commit(),
        };
        return isMultiline ? (
          <textarea {...shared} rows={3} onChange={(event) => setDraft(event.target.value)} />
        ) : (
          <input
            {...shared}
            type={type}
            step={type === 'number' ? 'any' : undefined}
            onChange={(event) => setDraft(event.target.value)}
          />
        );
      }}
    </CodebookField>
  );
}
