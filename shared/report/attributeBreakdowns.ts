import type { Annotation, AttributeDefinition, Tag } from '../model';

/** How many of one tag's annotations carry each value of one attribute: claims by verdict, quotes by speaker. */
export interface AttributeBreakdown {
  tag: Pick<Tag, 'key' | 'label'>;
  attribute: Pick<AttributeDefinition, 'key' | 'label' | 'type'>;
  /** Each value with its count: a choice's options in the codebook's order (0 when unused), then
   * other values met; a text attribute's values, most frequent first. */
  rows: { value: string; count: number }[];
  /** Annotations of the tag without a value for the attribute. */
  unset: number;
}

/**
 * The breakdowns a summary shows, in codebook order: for every tag that has annotations, each of
 * its choice attributes, and its first text attribute that offers completions (a quote's speaker,
 * an opinion's target), whose values repeat across passages. Free text such as a cue is left out,
 * and so is an attribute that none of the tag's annotations has a value for.
 */
export function attributeBreakdowns(
  tags: readonly Tag[],
  annotations: readonly Pick<Annotation, 'tag' | 'attributes'>[],
): AttributeBreakdown[] {
  const byTag = new Map<string, Pick<Annotation, 'tag' | 'attributes'>[]>();
  for (const annotation of annotations) {
    const list = byTag.get(annotation.tag);
    if (list) list.push(annotation);
    else byTag.set(annotation.tag, [annotation]);
  }
  const result: AttributeBreakdown[] = [];
  for (const tag of tags) {
    const tagged = byTag.get(tag.key);
    if (!tagged) continue;
    const textAttribute = tag.attributes.find(
      (definition) => definition.type === 'text' && definition.suggest,
    );
    for (const definition of tag.attributes) {
      if (definition.type !== 'choice' && definition !== textAttribute) continue;
      const counted = breakdown(tag, definition, tagged);
      // An attribute nobody filled in says nothing worth a table.
      if (counted.rows.some((row) => row.count > 0)) result.push(counted);
    }
  }
  return result;
}

function breakdown(
  tag: Tag,
  definition: AttributeDefinition,
  annotations: readonly Pick<Annotation, 'attributes'>[],
): AttributeBreakdown {
  const counts = new Map<string, number>();
  for (const option of definition.type === 'choice' ? (definition.options ?? []) : []) counts.set(option, 0);
  let unset = 0;
  for (const annotation of annotations) {
    const value = annotation.attributes[definition.key];
    const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
    if (text === '') unset += 1;
    else counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  let rows = [...counts].map(([value, count]) => ({ value, count }));
  if (definition.type !== 'choice') {
    rows = rows.sort((first, second) => second.count - first.count || compareText(first.value, second.value));
  }
  return {
    tag: { key: tag.key, label: tag.label },
    attribute: { key: definition.key, label: definition.label, type: definition.type },
    rows,
    unset,
  };
}

function compareText(first: string, second: string): number {
  return first < second ? -1 : first > second ? 1 : 0;
}
