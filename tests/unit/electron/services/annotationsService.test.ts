import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../../shared/model';
import { annotationOn, openTestWorkbench, referenceArticle } from '../../support/library';
import { useTemporaryFolder } from '../../support/temporaryFolder';

function setUp(folder: string) {
  const { workbench, store } = openTestWorkbench(folder);
  const { document } = workbench.library.importBytes('ectc.txt', referenceArticle());
  const { text } = workbench.library.open({ id: document.id }).article;
  return { workbench, store, documentId: document.id, text };
}

const reply: Comment = {
  id: crypto.randomUUID(),
  author: 'Bea',
  body: 'Agreed — source?',
  createdAt: '2026-11-27T10:05:00.000Z',
  updatedAt: '2026-11-27T10:05:00.000Z',
  replies: [],
};

describe('AnnotationsService', () => {
  const temporaryFolder = useTemporaryFolder();

  it('saves an annotation with a comment thread and reads it back exactly', () => {
    const { workbench, store, documentId, text } = setUp(temporaryFolder());
    const annotation = annotationOn(documentId, text, '173 casualties', 'claim', {
      attributes: { verdict: 'unverified', checkWorthiness: 4 },
      comments: [
        {
          id: crypto.randomUUID(),
          author: 'Ann',
          body: 'Check <b>this</b>\nagainst Airwars 🧐',
          createdAt: '2026-11-27T10:01:00.000Z',
          updatedAt: '2026-11-27T10:02:00.000Z',
          replies: [reply],
        },
      ],
    });
    expect(workbench.annotations.save(annotation)).toEqual(annotation);
    expect(workbench.library.open({ id: documentId }).annotations).toEqual([annotation]);
    store.close();
  });

  it('updates in place (retag, new comment text) and removes with the comments', () => {
    const { workbench, store, documentId, text } = setUp(temporaryFolder());
    const annotation = annotationOn(documentId, text, 'See the pattern?', 'opinion', { comments: [reply] });
    workbench.annotations.save(annotation);
    const retagged = { ...annotation, tag: 'claim', comments: [{ ...reply, body: 'Edited' }] };
    workbench.annotations.save(retagged);
    expect(workbench.library.open({ id: documentId }).annotations).toEqual([retagged]);
    expect(workbench.annotations.remove({ id: annotation.id })).toEqual({ removed: true });
    expect(workbench.annotations.remove({ id: annotation.id })).toEqual({ removed: false });
    expect(workbench.library.open({ id: documentId }).annotations).toEqual([]);
    store.close();
  });

  it('refuses, and writes nothing for, a range outside the text, a wrong quote, an unknown tag or document', () => {
    const { workbench, store, documentId, text } = setUp(temporaryFolder());
    const good = annotationOn(documentId, text, '66 countries', 'claim');
    const cases = [
      { ...good, end: text.length + 5 },
      { ...good, quote: '67 countries' },
      { ...good, tag: 'rumour' },
      { ...good, documentId: crypto.randomUUID() },
    ];
    for (const bad of cases) expect(() => workbench.annotations.save(bad)).toThrow();
    expect(workbench.library.open({ id: documentId }).annotations).toEqual([]);
    store.close();
  });

  it('recomputes prefix and suffix from the text rather than trusting the sender', () => {
    const { workbench, store, documentId, text } = setUp(temporaryFolder());
    const annotation = annotationOn(documentId, text, '66 countries', 'claim', {
      prefix: 'forged',
      suffix: 'forged',
    });
    const saved = workbench.annotations.save(annotation);
    expect(text.slice(0, annotation.start).endsWith(saved.prefix)).toBe(true);
    expect(saved.prefix).not.toBe('forged');
    store.close();
  });
});
