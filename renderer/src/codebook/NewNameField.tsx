import { useId, useRef, useState } from 'react';

/** Props of a form that adds something by name (a tag, an attribute). */
export interface NewNameFieldProps {
  /** The field's label, e.g. "New tag name". */
  label: string;
  /** The button's text, e.g. "Add tag". */
  action: string;
  placeholder: string;
  isDisabled?: boolean;
  className?: string;
  /** Adds the named thing; resolves to whether it was added. */
  onAdd: (name: string) => Promise<boolean>;
}

/**
 * A name and a button to add what it names (Enter in the name adds too). The name is cleared once
 * added. It is not a <form>: it sits inside the tag editor's form, and forms cannot nest.
 * Asking for the name first means the thing is born with it: an attribute's key, which
 * never changes, is made from the name it was given.
 */
export function NewNameField({
  label,
  action,
  placeholder,
  isDisabled,
  className,
  onAdd,
}: NewNameFieldProps) {
  const id = useId();
  const [name, setName] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const [isAdding, setAdding] = useState(false);
  const trimmed = name.trim();

  const submit = async () => {
    if (trimmed === '' || isAdding || isDisabled) return;
    setAdding(true);
    try {
      if (await onAdd(trimmed)) setName('');
    } finally {
      setAdding(false);
      // The button is disabled while adding and again once the name is cleared, which drops the
      // focus to the page; the name field takes it back, unless the addition moved it elsewhere.
      if (document.activeElement === document.body || document.activeElement === null)
        inputRef.current?.focus();
    }
  };

  return (
    <div className={['codebook-new-name', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <div className="codebook-new-name-row">
        <input
          ref={inputRef}
          id={id}
          type="text"
          value={name}
          maxLength={80}
          placeholder={placeholder}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            void submit();
          }}
        />
        <button
          type="button"
          disabled={trimmed === '' || isAdding || isDisabled}
          onClick={() => void submit()}
        >
          {action}
        </button>
      </div>
    </div>
  );
}
