import { useId, useMemo } from 'react';
import type { Annotation, Tag } from '../../../shared/model';
import { type AnnotationFilter, valuesOf } from './filterAnnotations';
import { KEY_ATTRIBUTES } from './keyAttributes';

/** Props of the Annotations region's filters. */
export interface AnnotationFiltersProps {
  annotations: readonly Annotation[];
  tags: readonly Tag[];
  counts: ReadonlyMap<string, number>;
  filter: AnnotationFilter;
  onFilter: (filter: AnnotationFilter) => void;
}

/**
 * Search and filters over the annotations: words in quotes and comments, tags (each with its
 * count), the key attributes (a verdict, speaker, stance or holder, shown only when some
 * annotation has one), and threads still open.
 */
export function AnnotationFilters({ annotations, tags, counts, filter, onFilter }: AnnotationFiltersProps) {
  const id = useId();
  // Recomputed only when the annotations change, not on every keystroke in the search box.
  const choices = useMemo(
    () => new Map(KEY_ATTRIBUTES.map(({ key }) => [key, valuesOf(annotations, key)])),
    [annotations],
  );
  const used = tags.filter((tag) => (counts.get(tag.key) ?? 0) > 0 || !tag.archived);
  return (
    <div className="annotation-filters">
      <input
        type="search"
        className="annotation-search"
        aria-label="Search annotations"
        placeholder="Search quotes and comments"
        value={filter.query}
        onChange={(event) => onFilter({ ...filter, query: event.target.value })}
      />
      <fieldset className="tag-filter">
        <legend className="visually-hidden">Filter by tag</legend>
        {used.map((tag) => {
          const isOn = filter.tags.has(tag.key);
          const count = counts.get(tag.key) ?? 0;
          return (
            <button
              key={tag.key}
              type="button"
              className="tag-chip"
              data-tag={tag.key}
              aria-pressed={isOn}
              aria-label={`${tag.label}: ${count}`}
              onClick={() => {
                const tags = new Set(filter.tags);
                if (isOn) tags.delete(tag.key);
                else tags.add(tag.key);
                onFilter({ ...filter, tags });
              }}
            >
              {tag.label} <span className="count">{count}</span>
            </button>
          );
        })}
      </fieldset>
      <div className="attribute-filters">
        {KEY_ATTRIBUTES.map(({ key, label }) => {
          const values = choices.get(key) ?? [];
          if (values.length === 0 && !filter.attributes[key]) return null;
          return (
            <label key={key} className="attribute-filter" htmlFor={`${id}-${key}`}>
              {label}
              <select
                id={`${id}-${key}`}
                value={filter.attributes[key] ?? ''}
                onChange={(event) =>
                  onFilter({ ...filter, attributes: { ...filter.attributes, [key]: event.target.value } })
                }
              >
                <option value="">Any</option>
                {values.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <label className="unresolved-filter">
          <input
            type="checkbox"
            checked={filter.isUnresolvedOnly}
            onChange={(event) => onFilter({ ...filter, isUnresolvedOnly: event.target.checked })}
          />
          Unresolved only
        </label>
      </div>
    </div>
  );
}
