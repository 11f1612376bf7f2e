import type { AttributeDefinition } from '../../../shared/model';

/** The longest attribute key the model allows (see `AttributeKey`). */
const MAX_KEY_LENGTH = 40;

/**
 * The attribute a tag gets from "Add attribute": a text attribute with the name it was given and a
 * key made from that name, unique within the tag. The key is fixed from then on (annotations store
 * their values under it), so it reads as the attribute's name in JSON fields and CSV columns.
 */
export function newAttribute(existing: readonly AttributeDefinition[], label: string): AttributeDefinition {
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
