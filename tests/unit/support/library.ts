import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkbench, type Workbench } from '../../../electron/services/createWorkbench';
import { LibraryStore } from '../../../electron/services/db/libraryStore';
import { anchorAt } from '../../../shared/anchoring';
import type { Annotation } from '../../../shared/model';

/** The fixtures folder. */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The reference article's bytes. */
export function referenceArticle(): Uint8Array {
  return readFileSync(join(FIXTURES, 'ectc-terror-report.txt'));
}

/**
 * A workbench on a real library file in `folder`, with a clock that ticks a second per call; the
 * person using it is "Ann".
 */
export function openTestWorkbench(
  folder: string,
  file = 'margin.db',
): { workbench: Workbench; store: LibraryStore } {
  const store = LibraryStore.open(join(folder, file));
  let tick = Date.parse('2026-11-27T10:00:00.000Z');
  const now = () => {
    tick += 1000;
    return new Date(tick);
  };
  const workbench = createWorkbench(store, { generator: 'Margin test', now });
  workbench.settings.update({ authorName: 'Ann' });
  return { workbench, store };
}

/** An annotation on `needle` (its first occurrence) in a document's text. */
export function annotationOn(
  documentId: string,
  text: string,
  needle: string,
  tag: string,
  overrides: Partial<Annotation> = {},
): Annotation {
  const start = text.indexOf(needle);
  if (start === -1) throw new Error(`"${needle}" is not in the text.`);
  const end = start + needle.length;
  return {
    id: crypto.randomUUID(),
    documentId,
    tag,
    start,
    end,
    ...anchorAt(text, start, end),
    attributes: {},
    comments: [],
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    ...overrides,
  };
}
