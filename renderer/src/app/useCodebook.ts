import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api';
import type { Tag } from '../../../shared/model';

/** The codebook as the app shows it: loaded once, replaced whenever the Codebook dialog saves. */
export function useCodebook(
  api: Api,
  onError: (error: unknown) => void,
): [readonly Tag[], (tags: Tag[]) => void] {
  const [tags, setTags] = useState<readonly Tag[]>([]);
  useEffect(() => {
    api.codebook.list({}).then(setTags, onError);
  }, [api, onError]);
  return [tags, setTags];
}
