import { useEffect, useRef } from 'react';
import type { Api } from '../../../shared/api';
import type { Tag } from '../../../shared/model';

/** Saves a change to the tag; resolves to whether it was saved (a failure has gone to `onError`). */
export type SaveTag = (update: (tag: Tag) => Tag) => Promise<boolean>;

/**
 * Saves changes to one tag, one at a time. Each change is applied to the tag as the last save
 * returned it, not as this render saw it: two fields committed in quick succession would
 * otherwise each save the old tag with only their own change, and the second would undo the first.
 */
export function useTagSaver(
  api: Api,
  tag: Tag,
  onTags: (tags: Tag[]) => void,
  onError: (error: unknown) => void,
): SaveTag {
  const latest = useRef(tag);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    latest.current = tag;
  }, [tag]);

  return (update) => {
    const run = async () => {
      try {
        const tags = await api.codebook.save(update(latest.current));
        latest.current = tags.find((candidate) => candidate.key === latest.current.key) ?? latest.current;
        onTags(tags);
        return true;
      } catch (error) {
        onError(error);
        return false;
      }
    };
    const saved = queue.current.then(run);
    queue.current = saved;
    return saved;
  };
}
