import { useId } from 'react';
import { useDraft } from './useDraft';

/** One choice of a select field: the stored value and what the person reads. */
export interface SelectOption<Value extends string> {
  value: Value;
  label: string;
}

/** Props of a select field that saves as soon as a choice is made. */
export interface DraftSelectFieldProps<Value extends string> {
  label: string;
  value: Value;
  options: readonly SelectOption<Value>[];
  /** Saves the choice; resolves to false to show the stored value again. */
  onCommit: (value: Value) => Promise<boolean>;
  hint?: string;
  className?: string;
}

/**
 * A labelled select that saves on change. It shows the new choice while the save is under way
 * (rather than snapping back to the stored one until the answer comes), and the stored one again if
 * the save fails.
 */
export function DraftSelectField<Value extends string>({
  label,
  value,
  options,
  onCommit,
  hint,
  className,
}: DraftSelectFieldProps<Value>) {
  const id = useId();
  const hintId = useId();
  const [draft, setDraft, revert] = useDraft(value);
  const choose = async (text: string) => {
    const option = options.find((candidate) => candidate.value === text);
    if (!option || option.value === value) return;
    setDraft(option.value);
    if (!(await onCommit(option.value))) revert();
  };
  return (
    <div className={['codebook-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={draft}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => void choose(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="codebook-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
