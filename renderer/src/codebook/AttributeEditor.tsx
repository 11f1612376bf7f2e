import { useEffect, useRef } from 'react';
import type { AttributeDefinition, AttributeType } from '../../../shared/model';
import { DraftCheckboxField } from './DraftCheckboxField';
import { DraftSelectField, type SelectOption } from './DraftSelectField';
import { DraftTextField } from './DraftTextField';

/** Props of one attribute's row. */
export interface AttributeEditorProps {
  attribute: AttributeDefinition;
  /** Whether it was just added: its type is then focused, the next thing to choose. */
  isNew: boolean;
  /** Saves a change to this attribute; resolves to whether it was saved. */
  onChange: (change: (attribute: AttributeDefinition) => AttributeDefinition) => Promise<boolean>;
  onRemove: () => void;
}

const TYPE_OPTIONS: SelectOption<AttributeType>[] = [
  { value: 'text', label: 'Text' },
  { value: 'choice', label: 'Choice' },
  { value: 'number', label: 'Number' },
  { value: 'url', label: 'URL' },
  { value: 'links', label: 'Links with notes' },
];

/**
 * One attribute of a tag: its label, type and the settings of that type. The key is shown but
 * cannot be changed: annotations store their values under it.
 */
export function AttributeEditor({ attribute, isNew, onChange, onRemove }: AttributeEditorProps) {
  const groupRef = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    if (!isNew) return;
    groupRef.current?.querySelector('select')?.focus();
  }, [isNew]);

  const commitLabel = (text: string) => {
    const label = text.trim();
    if (label === '' || label === attribute.label) return false;
    return onChange((stored) => ({ ...stored, label }));
  };

  const commitOptions = (text: string) => {
    const options = text
      .split(',')
      .map((option) => option.trim())
      .filter((option) => option !== '');
    if (options.join(', ') === (attribute.options ?? []).join(', ')) return false;
    return onChange((stored) => ({ ...stored, options }));
  };

  const commitBound = (bound: 'min' | 'max') => (text: string) => {
    const value = text.trim() === '' ? undefined : Number(text);
    if (value !== undefined && !Number.isFinite(value)) return false;
    if (value === attribute[bound]) return false;
    return onChange((stored) => withBound(stored, bound, value));
  };

  return (
    <li className="codebook-attribute">
      <fieldset ref={groupRef} aria-label={`Attribute ${attribute.label}`}>
        <div className="codebook-row">
          <DraftTextField label="Label" value={attribute.label} maxLength={80} onCommit={commitLabel} />
          <DraftSelectField
            label="Type"
            value={attribute.type}
            options={TYPE_OPTIONS}
            onCommit={(type) => onChange((stored) => withType(stored, type))}
          />
        </div>
        {attribute.type === 'choice' ? (
          <DraftTextField
            label="Options"
            value={(attribute.options ?? []).join(', ')}
            hint="The choices, separated by commas, in the order they are offered."
            onCommit={commitOptions}
          />
        ) : null}
        {attribute.type === 'number' ? (
          <div className="codebook-row">
            <DraftTextField
              label="Min"
              type="number"
              value={boundText(attribute.min)}
              onCommit={commitBound('min')}
            />
            <DraftTextField
              label="Max"
              type="number"
              value={boundText(attribute.max)}
              onCommit={commitBound('max')}
            />
          </div>
        ) : null}
        {attribute.type === 'text' ? (
          <DraftCheckboxField
            isChecked={attribute.suggest ?? false}
            onCommit={(suggest) => onChange((stored) => ({ ...stored, suggest }))}
          >
            Suggest values used before
          </DraftCheckboxField>
        ) : null}
        <div className="codebook-attribute-footer">
          <span className="codebook-hint">
            Stored as <code>{attribute.key}</code>
          </span>
          <button
            type="button"
            className="danger"
            aria-label={`Remove attribute ${attribute.label}`}
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
      </fieldset>
    </li>
  );
}

function boundText(bound: number | undefined): string {
  return bound === undefined ? '' : String(bound);
}

/** The attribute with its smallest or largest value set, or left out when `value` is undefined. */
function withBound(
  attribute: AttributeDefinition,
  bound: 'min' | 'max',
  value: number | undefined,
): AttributeDefinition {
  const { [bound]: _previous, ...rest } = attribute;
  return value === undefined ? rest : { ...rest, [bound]: value };
}

/**
 * The attribute as another type. Settings of the old type are dropped rather than kept unused in
 * the codebook (and in every exported copy of it); a choice starts with no options.
 */
function withType(attribute: AttributeDefinition, type: AttributeType): AttributeDefinition {
  const { key, label } = attribute;
  switch (type) {
    case 'choice':
      return { key, label, type, options: attribute.options ?? [] };
    case 'number':
      return {
        key,
        label,
        type,
        ...(attribute.min === undefined ? {} : { min: attribute.min }),
        ...(attribute.max === undefined ? {} : { max: attribute.max }),
      };
    case 'text':
      return { key, label, type, ...(attribute.suggest === undefined ? {} : { suggest: attribute.suggest }) };
    default:
      return { key, label, type };
  }
}
