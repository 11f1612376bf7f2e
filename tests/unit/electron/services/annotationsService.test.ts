import { describe, expect, it } from 'vitest';
import { hydrateOpened } from '../../../../shared/api';
import type { Comment } from '../../../../shared/model';
import { annotationOn, openTestWorkbench, referenceArticle } from '../../support/library';
import { useTemporaryFolder } from '../../support/temporaryFolder';

async function setUp(folder: string) {
  const { workbench, store } = openTestWorkbench(folder);
  const { document } = await workbench.library.importBytes('ectc.txt', referenceArticle());
  const { text } = hydrateOpened(workbench.library.open({ id: document.id })).article;
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

  it('saves an annotation with a comment thread and reads it back exactly', async () => {
    const { workbench, store, documentId, text } = await setUp(temporaryFolder());
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
    expect(hydrateOpened(workbench.library.open({ id: documentId })).annotations).toEqual([annotation]);
    store.close();
  });

  it('updates in place (retag, new comment text) and removes with the comments', async () => {
    const { workbench, store, documentId, text } = await setUp(temporaryFolder());
    const own = { ...reply, author: 'Ann' };
    const annotation = annotationOn(documentId, text, 'See the pattern?', 'opinion', { comments: [own] });
    workbench.annotations.save(annotation);
    const retagged = { ...annotation, tag: 'claim', comments: [{ ...own, body: 'Edited' }] };
    workbench.annotations.save(retagged);
    expect(hydrateOpened(workbench.library.open({ id: documentId })).annotations).toEqual([retagged]);
    expect(workbench.annotations.remove({ id: annotation.id })).toEqual({ removed: true });
    expect(workbench.annotations.remove({ id: annotation.id })).toEqual({ removed: false });
    expect(hydrateOpened(workbench.library.open({ id: documentId })).annotations).toEqual([]);
    store.close();
  });

  it("lets only a comment's author edit or delete it, while anyone may reply, resolve and reopen", async () => {
    const { workbench, store, documentId, text } = await setUp(temporaryFolder());
    const annotation = annotationOn(documentId, text, 'See the pattern?', 'opinion', { comments: [reply] });
    workbench.annotations.save(annotation);
    const edited = { ...annotation, comments: [{ ...reply, body: 'Not what Bea wrote' }] };
    const deleted = { ...annotation, comments: [] };
    expect(() => workbench.annotations.save(edited)).toThrow(/Only Bea can edit or delete/);
    expect(() => workbench.annotations.save(deleted)).toThrow(/Only Bea can edit or delete/);
    const impostor = { ...reply, id: crypto.randomUUID(), author: 'Cy' };
    expect(() => workbench.annotations.save({ ...annotation, comments: [reply, impostor] })).toThrow(
      /must carry your name \(Ann\)/,
    );
    expect(hydrateOpened(workbench.library.open({ id: documentId })).annotations).toEqual([annotation]);

    const answer: Comment = { ...reply, id: crypto.randomUUID(), author: 'Ann', body: 'Airwars, p. 4' };
    const resolved = {
      ...annotation,
      comments: [{ ...reply, replies: [answer], resolvedAt: '2026-11-27T11:00:00.000Z', resolvedBy: 'Ann' }],
    };
    workbench.annotations.save(resolved);
    expect(hydrateOpened(workbench.library.open({ id: documentId })).annotations).toEqual([resolved]);
    const reopened = { ...annotation, comments: [{ ...reply, replies: [answer] }] };
    workbench.annotations.save(reopened);
    expect(hydrateOpened(workbench.library.open({ id: documentId })).annotations).toEqual([reopened]);
    store.close();
  });

  it('suggests the text values an attribute has across the library, the most used first', async () => {
    const { workbench, store, documentId, text } = await setUp(temporaryFolder());
    const speakers = [
      'Ahmed Hassan',
      'Tom Smith',
      'Ahmed Hassan',
      '  ',
      'Lena Roth',
      'Ahmed Hassan',
      'Tom Smith',
    ];
    const words = text.match(/\b[A-Za-z]{6,}\b/g)!.slice(0, speakers.length);
    speakers.forEach((speaker, index) => {
      workbench.annotations.save(
        annotationOn(documentId, text, words[index]!, 'quote', {
          attributes: { speaker, attribution: 'direct' },
        }),
      );
    });
    workbench.annotations.save(
      annotationOn(documentId, text, '66 countries', 'claim', { attributes: { speaker: 7 } }),
    );
    expect(workbench.annotations.suggestions({ attribute: 'speaker' })).toEqual([
      'Ahmed Hassan',
      'Tom Smith',
      'Lena Roth',
    ]);
    expect(workbench.annotations.suggestions({ attribute: 'attribution' })).toEqual(['direct']);
    expect(workbench.annotations.suggestions({ attribute: 'nothing' })).toEqual([]);
    store.close();
  });

  it('refuses, and writes nothing for, a range outside the text, a wrong quote, an unknown tag or document', async () => {
    const { workbench, store, documentId, text } = await setUp(temporaryFolder());
    const good = annotationOn(documentId, text, '66 countries', 'claim');
    const cases = [
      { ...good, end: text.length + 5 },
      { ...good, quote: '67 countries' },
      { ...good, tag: 'rumour' },
      { ...good, documentId: crypto.randomUUID() },
    ];
    for (const bad of cases) expect(() => workbench.annotations.save(bad)).toThrow();
    expect(hydrateOpened(workbench.library.open({ id: documentId })).annotations).toEqual([]);
    store.close();
  });

  it('recomputes prefix and suffix from the text rather than trusting the sender', async () => {
    const { workbench, store, documentId, text } = await setUp(temporaryFolder());
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
