import { CodebookField } from './CodebookField';
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
  const [draft, setDraft, revert] = useDraft(value);
  const choose = async (text: string) => {
    const option = options.find((candidate) => candidate.value === text);
    if (!option || option.value === value) return;
    setDraft(option.value);
    if (!(await onCommit(option.value))) revert();
  };
  return (
    <CodebookField label={label} hint={hint} className={className}>
      {({ id, describedBy }) => (
        <select
          id={id}
          value={draft}
          aria-describedby={describedBy}
          onChange={(event) => void choose(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </CodebookField>
  );
}
