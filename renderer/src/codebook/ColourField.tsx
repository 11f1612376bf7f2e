import { useEffect, useRef } from 'react';
import { CodebookField } from './CodebookField';
import { useDraft } from './useDraft';

/** Props of the colour field. */
export interface ColourFieldProps {
  label: string;
  /** The stored "#rrggbb" colour. */
  value: string;
  /** Saves the colour; resolves to false to show the stored one again. */
  onCommit: (colour: string) => Promise<boolean>;
}

/**
 * A colour input that saves when the picker is closed. React's `onChange` fires on every `input`
 * event, that is for each step of a drag across the picker, so the saving listens to the native
 * `change` event instead and `onChange` only moves the draft.
 */
export function ColourField({ label, value, onCommit }: ColourFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft, revert] = useDraft(value.toLowerCase());

  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const commit = async () => {
      const colour = input.value.toLowerCase();
      if (colour === value.toLowerCase()) return;
      if (!(await onCommit(colour))) revert();
    };
    const onChange = () => void commit();
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, [value, onCommit, revert]);

  return (
    <CodebookField label={label} className="codebook-colour">
      {({ id }) => (
        <input
          ref={inputRef}
          id={id}
          type="color"
          value={draft}
          onChange={(event) => setDraft(event.target.value.toLowerCase())}
        />
      )}
    </CodebookField>
  );
}
