import { useCallback, useState } from 'react';

/**
 * A field's value while it is edited: starts as the stored value, follows it whenever the stored
 * value changes (a save came back, or another tag was chosen), and can be put back to it when a
 * save fails. Returns the draft, a setter, and `revert`.
 */
export function useDraft<T>(stored: T): [T, (draft: T) => void, () => void] {
  // One state holds both, so `revert` reads the stored value of the latest render, not the one
  // its caller's closure saw before an await.
  const [state, setState] = useState({ stored, draft: stored });
  let current = state;
  if (!Object.is(state.stored, stored)) {
    current = { stored, draft: stored };
    setState(current);
  }
  const setDraft = useCallback((draft: T) => setState((previous) => ({ ...previous, draft })), []);
  const revert = useCallback(() => setState((previous) => ({ ...previous, draft: previous.stored })), []);
  return [current.draft, setDraft, revert];
}
