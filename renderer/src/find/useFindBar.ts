import { type RefObject, useCallback, useMemo, useState } from 'react';
import type { EditorController } from '../editor/EditorController';
import type { FindResult } from '../editor/plugins/findPlugin';
import type { FindBarProps } from './FindBar';

/** What the find bar shows: the query and where its matches stand. */
type FindState = FindResult & { query: string };

const NO_FIND: FindState = { query: '', count: 0, current: -1, isCapped: false };

/** The find bar's state and wiring to the editor. */
export interface FindBarControl {
  /** The bar's props while it is open (with a key that changes to refocus it), else null. */
  bar: (FindBarProps & { turn: number }) | null;
  /** Opens the bar, or focuses it again when it is open. */
  open(): void;
  /** Opens the bar on `query`, its first match at or after text offset `from` current and in view. */
  show(query: string, from: number): void;
  /** Forgets the bar (a new document opened). */
  reset(): void;
}

/**
 * Find in the article (Ctrl/Cmd+F): the bar's state, kept in step with the editor's find plugin,
 * which does the searching and highlighting.
 */
export function useFindBar(controllerRef: RefObject<EditorController | null>): FindBarControl {
  const [find, setFind] = useState<FindState | null>(null);
  // A new key remounts an open bar, which focuses and selects its text again.
  const [turn, setTurn] = useState(0);
  const open = useCallback(() => {
    setFind((current) => current ?? NO_FIND);
    setTurn((value) => value + 1);
  }, []);
  const reset = useCallback(() => setFind(null), []);
  const show = useCallback(
    (query: string, from: number) => {
      setFind({ query, ...(controllerRef.current?.find(query, from) ?? NO_FIND) });
    },
    [controllerRef],
  );
  const bar = useMemo(() => {
    if (!find) return null;
    const controller = () => controllerRef.current;
    return {
      ...find,
      turn,
      onQuery: (query: string) => setFind({ query, ...(controller()?.find(query) ?? NO_FIND) }),
      onNext: () => setFind((current) => current && { ...current, ...controller()?.findNext() }),
      onPrevious: () => setFind((current) => current && { ...current, ...controller()?.findPrevious() }),
      onClose: () => {
        controller()?.clearFind();
        setFind(null);
        controller()?.focus();
      },
    };
  }, [find, turn, controllerRef]);
  return { bar, open, show, reset };
}
