import { useId, useState } from 'react';
import type { AttributeDefinition, AttributeValue, EvidenceLink } from '../../../shared/model';

/** Props of an annotation's attribute fields. */
export interface AttributeFieldsProps {
  definitions: readonly AttributeDefinition[];
  values: Readonly<Record<string, AttributeValue>>;
  onChange: (key: string, value: AttributeValue | undefined) => void;
  suggestions: (key: string) => Promise<string[]>;
}

/**
 * The fields a tag declares (a quote's speaker, a claim's verdict and evidence …), saved as they
 * change like everything else in the panel. Text fields that suggest offer the values used
 * anywhere in the library, so one speaker is not spelled three ways.
 */
export function AttributeFields({ definitions, values, onChange, suggestions }: AttributeFieldsProps) {
  if (definitions.length === 0) return null;
  return (
    <fieldset className="attributes">
      <legend>Attributes</legend>
      {definitions.map((definition) => (
        <AttributeField
          key={definition.key}
          definition={definition}
          value={values[definition.key]}
          onChange={(value) => onChange(definition.key, value)}
          suggestions={suggestions}
        />
      ))}
    </fieldset>
  );
}

interface AttributeFieldProps {
  definition: AttributeDefinition;
  value: AttributeValue | undefined;
  onChange: (value: AttributeValue | undefined) => void;
  suggestions: (key: string) => Promise<string[]>;
}

function AttributeField({ definition, value, onChange, suggestions }: AttributeFieldProps) {
  const id = useId();
  const [options, setOptions] = useState<string[]>([]);
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  if (definition.type === 'links') {
    return (
      <EvidenceField
        label={definition.label}
        links={Array.isArray(value) ? value : []}
        onChange={(links) => onChange(links.length > 0 ? links : undefined)}
      />
    );
  }
  let control: React.ReactNode;
  if (definition.type === 'choice') {
    control = (
      <select id={id} value={text} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">—</option>
        {(definition.options ?? []).map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
        {text && !definition.options?.includes(text) ? <option value={text}>{text}</option> : null}
      </select>
    );
  } else if (definition.type === 'number') {
    control = (
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={definition.min}
        max={definition.max}
        value={text}
        onChange={(event) => {
          const number = event.target.valueAsNumber;
          if (event.target.value === '' || Number.isNaN(number)) return onChange(undefined);
          const low = definition.min ?? -Infinity;
          const high = definition.max ?? Infinity;
          onChange(Math.min(high, Math.max(low, number)));
        }}
      />
    );
  } else {
    const listId = `${id}-suggestions`;
    control = (
      <>
        <input
          id={id}
          type={definition.type === 'url' ? 'url' : 'text'}
          value={text}
          list={definition.suggest ? listId : undefined}
          autoComplete="off"
          spellCheck={definition.type !== 'url'}
          onFocus={() => {
            if (definition.suggest) suggestions(definition.key).then(setOptions, () => setOptions([]));
          }}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        />
        {definition.suggest ? (
          <datalist id={listId}>
            {options.map((option) => (
              <option key={option} value={option} />
            ))}
          </datalist>
        ) : null}
      </>
    );
  }
  return (
    <div className="attribute-field">
      <label htmlFor={id}>{definition.label}</label>
      {control}
    </div>
  );
}

function EvidenceField({
  label,
  links,
  onChange,
}: {
  label: string;
  links: readonly EvidenceLink[];
  onChange: (links: EvidenceLink[]) => void;
}) {
  const change = (index: number, patch: Partial<EvidenceLink>) =>
    onChange(links.map((link, at) => (at === index ? { ...link, ...patch } : link)));
  return (
    <fieldset className="evidence">
      <legend>{label}</legend>
      {links.map((link, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: links have no identity of their own; their place is it.
        <div className="evidence-link" key={index}>
          <input
            type="url"
            aria-label={`${label} link ${index + 1}`}
            placeholder="https://…"
            value={link.url}
            onChange={(event) => change(index, { url: event.target.value })}
          />
          <input
            type="text"
            aria-label={`${label} note ${index + 1}`}
            placeholder="What it shows"
            value={link.note}
            onChange={(event) => change(index, { note: event.target.value })}
          />
          <button
            type="button"
            className="quiet"
            aria-label={`Remove ${label.toLocaleLowerCase()} link ${index + 1}`}
            onClick={() => onChange(links.filter((_, at) => at !== index))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="quiet" onClick={() => onChange([...links, { url: '', note: '' }])}>
        Add link
      </button>
    </fieldset>
  );
}
