import { type Annotation, type Comment, hasOpenThread } from '../../../shared/model';

/** What the Annotations region shows: every criterion set must hold. */
export interface AnnotationFilter {
  /** Words to find in the quote, the comments or the attribute values (case-insensitive). */
  query: string;
  /** Tags to show; empty shows every tag. */
  tags: ReadonlySet<string>;
  /** Attribute values to match exactly, by attribute key (a verdict, a speaker, a stance). */
  attributes: Readonly<Record<string, string>>;
  /** Only annotations with a thread nobody resolved. */
  isUnresolvedOnly: boolean;
}

/** The filter that shows everything. */
export const NO_FILTER: AnnotationFilter = {
  query: '',
  tags: new Set(),
  attributes: {},
  isUnresolvedOnly: false,
};

/** Whether a filter shows everything. */
export function isEmptyFilter(filter: AnnotationFilter): boolean {
  return (
    filter.query.trim() === '' &&
    filter.tags.size === 0 &&
    Object.values(filter.attributes).every((value) => value === '') &&
    !filter.isUnresolvedOnly
  );
}

// Annotations are immutable (a change makes a new object), so the searchable text of one can be
// computed once and kept for as long as the object lives: typing in the search box then scans
// prepared strings instead of rebuilding them for thousands of annotations per keystroke.
const searchTexts = new WeakMap<Annotation, string>();

function searchTextOf(annotation: Annotation): string {
  let text = searchTexts.get(annotation);
  if (text === undefined) {
    const parts = [annotation.quote];
    const addComments = (comments: readonly Comment[]) => {
      for (const comment of comments) {
        parts.push(comment.body, comment.author);
        addComments(comment.replies);
      }
    };
    addComments(annotation.comments);
    for (const value of Object.values(annotation.attributes)) {
      if (typeof value === 'string') parts.push(value);
      else if (Array.isArray(value)) for (const link of value) parts.push(link.url, link.note);
    }
    text = parts.join('\n').toLocaleLowerCase();
    searchTexts.set(annotation, text);
  }
  return text;
}

/**
 * The annotations a filter lets through, in the order given (text order stays text order). The
 * same list comes back, unchanged, when the filter shows everything.
 */
export function filterAnnotations(
  annotations: readonly Annotation[],
  filter: AnnotationFilter,
): readonly Annotation[] {
  if (isEmptyFilter(filter)) return annotations;
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const attributes = Object.entries(filter.attributes).filter(([, value]) => value !== '');
  return annotations.filter(
    (annotation) =>
      (filter.tags.size === 0 || filter.tags.has(annotation.tag)) &&
      (!filter.isUnresolvedOnly || hasOpenThread(annotation)) &&
      attributes.every(([key, value]) => String(annotation.attributes[key] ?? '') === value) &&
      (words.length === 0 || words.every((word) => searchTextOf(annotation).includes(word))),
  );
}

/** How many annotations each tag has. */
export function countByTag(annotations: readonly Annotation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const annotation of annotations) counts.set(annotation.tag, (counts.get(annotation.tag) ?? 0) + 1);
  return counts;
}

/** The values an attribute takes among these annotations, the most used first (for a filter's choices). */
export function valuesOf(annotations: readonly Annotation[], key: string): string[] {
  const counts = new Map<string, number>();
  for (const annotation of annotations) {
    const value = annotation.attributes[key];
    if (value === undefined || value === null || value === '' || Array.isArray(value)) continue;
    counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
}
