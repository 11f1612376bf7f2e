import { type KeyboardEvent, useEffect, useRef } from 'react';
import './find.css';

/** Props of the find bar. */
export interface FindBarProps {
  query: string;
  /** How many matches the query has (at most the limit when `isCapped`). */
  count: number;
  /** The index of the current match, or -1 when there is none. */
  current: number;
  /** Whether there are more matches than `count`. */
  isCapped: boolean;
  onQuery: (query: string) => void;
  onNext: () => void;
  onPrevious: () => void;
  onClose: () => void;
}

const numbers = new Intl.NumberFormat('en');

/** What the status says: where the current match is among all of them. */
function statusText(query: string, count: number, current: number, isCapped: boolean): string {
  if (query === '') return '';
  if (count === 0) return 'No matches';
  if (isCapped) return `${numbers.format(count)}+ matches`;
  if (current < 0) return count === 1 ? '1 match' : `${numbers.format(count)} matches`;
  return `${numbers.format(current + 1)} of ${numbers.format(count)}`;
}

/**
 * The bar to find text in the article (a `<search>` element, so its role is "search"): Enter goes to the next match, Shift+Enter to the
 * previous one, Escape closes it. It opens with its text selected, so typing replaces the last
 * query and Enter repeats it.
 */
export function FindBar({
  query,
  count,
  current,
  isCapped,
  onQuery,
  onNext,
  onPrevious,
  onClose,
}: FindBarProps) {
  const inputRef = useRef<HTMLInputElement>(null);

  // Focused here rather than with `autoFocus`, which would not select the text.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const isModified = event.ctrlKey || event.metaKey || event.altKey;
    if (event.key === 'Enter' && !isModified) {
      event.preventDefault();
      if (event.shiftKey) onPrevious();
      else onNext();
    } else if (event.key === 'Escape') {
      // Also keeps the search field from clearing itself, which Escape does by default.
      event.preventDefault();
      onClose();
    }
    // Plain keys are text here: the app's single-key shortcuts (digits tag, Delete removes an
    // annotation) must not see them. Shortcuts with Ctrl or Cmd still reach the app.
    if (!(event.ctrlKey || event.metaKey)) event.stopPropagation();
  };

  const hasMatches = count > 0;
  return (
    <search className="find-bar" aria-label="Find">
      <input
        ref={inputRef}
        type="search"
        className="find-input"
        aria-label="Find in article"
        placeholder="Find in article"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-status" role="status">
        {statusText(query, count, current, isCapped)}
      </span>
      {/* The buttons keep the focus in the field, so Enter goes on from where the mouse left off. */}
      <button
        type="button"
        className="quiet find-button"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={!hasMatches}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onPrevious}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="quiet find-button"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={!hasMatches}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onNext}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        className="quiet find-button"
        aria-label="Close find"
        title="Close find (Escape)"
        onClick={onClose}
      >
        <span aria-hidden="true">×</span>
      </button>
    </search>
  );
}
