import { useEffect, useId, useRef, useState } from 'react';
import type { Tag } from '../../../shared/model';

/** Which way "Move up" and "Move down" move a tag. */
export type MoveDirection = 'up' | 'down';

/** Props of the codebook's tag list. */
export interface TagListProps {
  tags: readonly Tag[];
  selectedKey: string | undefined;
  onSelect: (key: string) => void;
  /** Saves the codebook in this order; resolves to whether it was saved. */
  onReorder: (keys: string[]) => Promise<boolean>;
}

/**
 * Every tag in codebook order, archived ones included: a button to edit each, and buttons to move
 * it up or down.
 */
export function TagList({ tags, selectedKey, onSelect, onReorder }: TagListProps) {
  const descriptionId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  // The move button to focus once the list shows the new order: re-rendering moves a row's DOM node
  // (which drops focus), and a tag moved to the top or bottom disables the button just pressed.
  const [focusAfterMove, setFocusAfterMove] = useState<{
    order: string;
    key: string;
    direction: MoveDirection;
  }>();

  useEffect(() => {
    if (!focusAfterMove || tags.map((tag) => tag.key).join() !== focusAfterMove.order) return;
    setFocusAfterMove(undefined);
    const { key, direction } = focusAfterMove;
    const other = direction === 'up' ? 'down' : 'up';
    const button = (name: MoveDirection) =>
      listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${key} ${name}"]:not(:disabled)`);
    (button(direction) ?? button(other))?.focus();
  }, [tags, focusAfterMove]);

  const move = async (index: number, direction: MoveDirection) => {
    const target = direction === 'up' ? index - 1 : index + 1;
    const keys = tags.map((tag) => tag.key);
    const key = keys[index];
    if (key === undefined || target < 0 || target >= keys.length) return;
    keys.splice(index, 1);
    keys.splice(target, 0, key);
    if (await onReorder(keys)) setFocusAfterMove({ order: keys.join(), key, direction });
  };

  return (
    <ol className="codebook-tags" aria-label="Tags" ref={listRef}>
      {tags.map((tag, index) => {
        const isSelected = tag.key === selectedKey;
        const details = [tag.shortcut ? `key ${tag.shortcut}` : '', tag.archived ? 'archived' : '']
          .filter(Boolean)
          .join(', ');
        return (
          <li key={tag.key} className={isSelected ? 'codebook-tag-row is-selected' : 'codebook-tag-row'}>
            {/* The name is the label alone, so "Claim" finds its row; key and state are its description. */}
            <button
              type="button"
              className="codebook-tag"
              data-tag={tag.key}
              aria-label={tag.label}
              aria-current={isSelected ? 'true' : undefined}
              aria-describedby={details ? `${descriptionId}-${tag.key}` : undefined}
              onClick={() => onSelect(tag.key)}
            >
              <span className="tag-swatch" aria-hidden="true" />
              <span className="codebook-tag-text">
                <span className="codebook-tag-label">{tag.label}</span>
                {tag.archived ? <span className="codebook-badge">Archived</span> : null}
              </span>
              {tag.shortcut ? <kbd>{tag.shortcut}</kbd> : null}
              {details ? (
                <span id={`${descriptionId}-${tag.key}`} className="visually-hidden">
                  {details.charAt(0).toUpperCase() + details.slice(1)}
                </span>
              ) : null}
            </button>
            <button
              type="button"
              className="quiet codebook-move"
              data-move={`${tag.key} up`}
              aria-label={`Move ${tag.label} up`}
              disabled={index === 0}
              onClick={() => void move(index, 'up')}
            >
              ↑
            </button>
            <button
              type="button"
              className="quiet codebook-move"
              data-move={`${tag.key} down`}
              aria-label={`Move ${tag.label} down`}
              disabled={index === tags.length - 1}
              onClick={() => void move(index, 'down')}
            >
              ↓
            </button>
          </li>
        );
      })}
    </ol>
  );
}
