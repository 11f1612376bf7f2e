import type { Tag } from '../../../shared/model';

/** Props of the tagging toolbar. */
export interface TagToolbarProps {
  tags: readonly Tag[];
  canTag: boolean;
  onTag: (tagKey: string) => void;
  /** Shown instead of the usual hint while R waits for a tag key. */
  retagHint?: string | null;
}

/**
 * One button per tag, to tag the selected text. Pressing a button must not take the selection
 * away from the article, so the mouse-down that would move focus is cancelled.
 */
export function TagToolbar({ tags, canTag, onTag, retagHint }: TagToolbarProps) {
  return (
    <div className="tag-toolbar" role="toolbar" aria-label="Tag the selection">
      {tags.map((tag) => (
        <button
          key={tag.key}
          type="button"
          className="tag-button"
          data-tag={tag.key}
          disabled={!canTag}
          aria-label={tag.label}
          aria-keyshortcuts={tag.shortcut ?? undefined}
          title={tag.shortcut ? `${tag.description} (key ${tag.shortcut})` : tag.description}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onTag(tag.key)}
        >
          <span className="tag-swatch" aria-hidden="true" />
          {tag.label}
          {tag.shortcut ? <kbd className="shortcut">{tag.shortcut}</kbd> : null}
        </button>
      ))}
      <span className={retagHint ? 'toolbar-hint is-pending' : 'toolbar-hint'} role="status">
        {retagHint ??
          (canTag ? 'Tag the selected text' : 'Select text in the article, or press ? for shortcuts')}
      </span>
    </div>
  );
}
