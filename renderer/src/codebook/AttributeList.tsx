import { useId, useRef, useState } from 'react';
import type { AttributeDefinition } from '../../../shared/model';
import { AttributeEditor } from './AttributeEditor';
import { NewNameField } from './NewNameField';
import { newAttribute } from './newAttribute';
import type { SaveTag } from './useTagSaver';

/** The most attributes a tag may have (see the `Tag` schema). */
const MAX_ATTRIBUTES = 40;

/** Props of a tag's attribute list. */
export interface AttributeListProps {
  attributes: readonly AttributeDefinition[];
  /** Saves a change to the tag the attributes belong to. */
  save: SaveTag;
}

/** The "Attributes" section of the tag editor: one row per attribute, and a way to add one. */
export function AttributeList({ attributes, save }: AttributeListProps) {
  const headingId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  // The attribute just added, whose type is focused so it can be chosen straight away.
  const [addedKey, setAddedKey] = useState<string | null>(null);

  const update = (key: string, change: (attribute: AttributeDefinition) => AttributeDefinition) =>
    save((tag) => ({
      ...tag,
      attributes: tag.attributes.map((attribute) => (attribute.key === key ? change(attribute) : attribute)),
    }));

  const remove = async (key: string) => {
    const saved = await save((tag) => ({
      ...tag,
      attributes: tag.attributes.filter((attribute) => attribute.key !== key),
    }));
    // The focused button has gone with its row; the next sensible place is the new name's field.
    if (saved) sectionRef.current?.querySelector<HTMLElement>('.codebook-new-name input')?.focus();
  };

  const add = async (label: string) => {
    let key: string | null = null;
    const saved = await save((tag) => {
      // Made from the tag as last saved, so two quick additions give two different keys.
      const attribute = newAttribute(tag.attributes, label);
      key = attribute.key;
      return { ...tag, attributes: [...tag.attributes, attribute] };
    });
    if (saved) setAddedKey(key);
    return saved;
  };

  return (
    <section ref={sectionRef} className="codebook-attributes" aria-labelledby={headingId}>
      <h3 id={headingId}>Attributes</h3>
      <p className="codebook-hint">
        The fields every annotation with this tag carries, filled in from the annotation’s details.
      </p>
      {attributes.length > 0 ? (
        <ul className="codebook-attribute-list" aria-label="Attributes">
          {attributes.map((attribute) => (
            <AttributeEditor
              key={attribute.key}
              attribute={attribute}
              isNew={attribute.key === addedKey}
              onChange={(change) => update(attribute.key, change)}
              onRemove={() => void remove(attribute.key)}
            />
          ))}
        </ul>
      ) : (
        <p className="codebook-empty">No attributes yet.</p>
      )}
      <NewNameField
        label="New attribute name"
        action="Add attribute"
        placeholder="e.g. Unit"
        isDisabled={attributes.length >= MAX_ATTRIBUTES}
        onAdd={add}
      />
    </section>
  );
}
