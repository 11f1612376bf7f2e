import { writeSync } from 'node:fs';
import { createWorkbench } from '../../electron/services/createWorkbench';
import { LibraryStore } from '../../electron/services/db/libraryStore';
import { anchorAt } from '../../shared/anchoring';
import type { Annotation } from '../../shared/model';

// A process that writes annotations through the real services until it is killed, printing each
// one (as the library stored it) on its own line once `save` has returned, that is once its
// transaction has committed. Run by crashSafety.test.ts, which kills it at random moments.
//
// Arguments: the library file, the document to annotate, where to start counting, and the
// mode: "ack-after-commit" (the truth) or "ack-before-commit" (a deliberately broken writer that
// announces a write before making it, for the test's self-check).

const [file, document, firstArgument, mode] = process.argv.slice(2);
if (!file || !document || !firstArgument || !mode) {
  throw new Error('Usage: annotationWriter FILE DOCUMENT FIRST ack-after-commit|ack-before-commit');
}
const documentId: string = document;
const store = LibraryStore.open(file);
const workbench = createWorkbench(store, { generator: 'Margin crash test' });
const text = workbench.library.open({ id: documentId }).article.text;

/** The `index`th annotation: a few words somewhere in the text, with a two-comment thread. */
function annotationNumber(index: number): Annotation {
  const start = (index * 7919) % (text.length - 40);
  const end = start + 5 + (index % 30);
  const at = new Date(Date.UTC(2026, 10, 27, 10, 0, 0, index)).toISOString();
  const comment = (position: number) => ({
    id: crypto.randomUUID(),
    author: 'Ann',
    body: `Comment ${position} on annotation ${index}: ${'é✓𝒳'.repeat(position + 1)}`,
    createdAt: at,
    updatedAt: at,
    replies: [],
  });
  return {
    id: crypto.randomUUID(),
    documentId,
    tag: ['claim', 'quote', 'opinion'][index % 3]!,
    start,
    end,
    ...anchorAt(text, start, end),
    attributes: index % 3 === 0 ? { verdict: 'mixed' } : {},
    comments: [comment(0), comment(1)],
    createdAt: at,
    updatedAt: at,
  };
}

const acknowledge = (annotation: Annotation) => writeSync(1, `${JSON.stringify(annotation)}\n`);
for (let index = Number(firstArgument); ; index++) {
  const annotation = annotationNumber(index);
  if (mode === 'ack-before-commit') {
    acknowledge(annotation);
    workbench.annotations.save(annotation);
  } else {
    acknowledge(workbench.annotations.save(annotation));
  }
}
