import { useId, useRef, useState } from 'react';
import type { AttributeDefinition } from '../../../shared/model';
import { AttributeEditor } from './AttributeEditor';
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
  const addRef = useRef<HTMLButtonElement>(null);
  // The attribute just added, whose label is focused so it can be named straight away.
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
    // The focused button has gone with its row; the next sensible place is "Add attribute".
    if (saved) addRef.current?.focus();
  };

  const add = async () => {
    let key: string | null = null;
    const saved = await save((tag) => {
      // Made from the tag as last saved, so two quick clicks give two different keys.
      const attribute = newAttribute(tag.attributes);
      key = attribute.key;
      return { ...tag, attributes: [...tag.attributes, attribute] };
    });
    if (saved) setAddedKey(key);
  };

  return (
    <section className="codebook-attributes" aria-labelledby={headingId}>
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
      <button
        ref={addRef}
        type="button"
        disabled={attributes.length >= MAX_ATTRIBUTES}
        onClick={() => void add()}
      >
        Add attribute
      </button>
    </section>
  );
}
