import { type FormEvent, useId, useState } from 'react';

/** Props of the "Add tag" form. */
export interface NewTagFormProps {
  /** Adds a tag with this label; resolves to whether it was added. */
  onAdd: (label: string) => Promise<boolean>;
}

/** A name and an "Add tag" button (Enter in the name adds too). The name is cleared once added. */
export function NewTagForm({ onAdd }: NewTagFormProps) {
  const id = useId();
  const [label, setLabel] = useState('');
  const [isAdding, setAdding] = useState(false);
  const trimmed = label.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || isAdding) return;
    setAdding(true);
    try {
      if (await onAdd(trimmed)) setLabel('');
    } finally {
      setAdding(false);
    }
  };

  return (
    <form className="codebook-new-tag" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id}>New tag name</label>
      <div className="codebook-new-tag-row">
        <input
          id={id}
          type="text"
          value={label}
          maxLength={80}
          placeholder="e.g. Statistic"
          onChange={(event) => setLabel(event.target.value)}
        />
        <button type="submit" disabled={trimmed === '' || isAdding}>
          Add tag
        </button>
      </div>
    </form>
  );
}
