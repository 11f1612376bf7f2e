import type { AttributeDefinition } from '../../../shared/model';

/** The label a new attribute starts with, until its user names it. */
export const NEW_ATTRIBUTE_LABEL = 'New attribute';

/** The longest attribute key the model allows (see `AttributeKey`). */
const MAX_KEY_LENGTH = 40;

/**
 * The attribute a tag gets from "Add attribute": a text attribute labelled "New attribute" (with a
 * number when the tag already has one so labelled, so rows can be told apart) and a key made from
 * that label. The key is fixed from then on: annotations store their values under it.
 */
export function newAttribute(existing: readonly AttributeDefinition[]): AttributeDefinition {
  const labels = new Set(existing.map((attribute) => attribute.label));
  let label = NEW_ATTRIBUTE_LABEL;
  for (let number = 2; labels.has(label); number++) label = `${NEW_ATTRIBUTE_LABEL} ${number}`;
  const key = attributeKeyOf(
    label,
    existing.map((attribute) => attribute.key),
  );
  return { key, label, type: 'text' };
}

/**
 * A camelCase attribute key for a label, e.g. "Source URL" → "sourceUrl", unique among `taken`
 * (a number is added: "sourceUrl2"). Accents are dropped and apostrophes joined ("Speaker’s role"
 * → "speakersRole"); a label without a leading letter gets the prefix "attribute". The result
 * always matches /^[a-z][a-zA-Z0-9]{0,39}$/.
 */
export function attributeKeyOf(label: string, taken: readonly string[] = []): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^a-zA-Z0-9]+/)
    .filter((word) => word !== '');
  let base = words
    .map((word, index) =>
      index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join('');
  if (!/^[a-z]/.test(base)) base = `attribute${base.charAt(0).toUpperCase()}${base.slice(1)}`;
  base = base.slice(0, MAX_KEY_LENGTH);
  const used = new Set(taken);
  let key = base;
  for (let number = 2; used.has(key); number++) {
    const suffix = String(number);
    key = base.slice(0, MAX_KEY_LENGTH - suffix.length) + suffix;
  }
  return key;
}
