import { describe, expect, it } from 'vitest';
import { ApiError, hydrateOpened } from '../../../../shared/api';
import { annotationOn, openTestWorkbench, referenceArticle } from '../../support/library';
import { useTemporaryFolder } from '../../support/temporaryFolder';

describe('LibraryService', () => {
  const temporaryFolder = useTemporaryFolder();

  it('imports the reference article, lists it and opens it with the codebook', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const { document, isDuplicate } = await workbench.library.importBytes(
      'ectc-terror-report.txt',
      referenceArticle(),
    );
    expect(isDuplicate).toBe(false);
    expect(document).toMatchObject({
      title: 'Ectc terror report',
      source: 'ectc-terror-report.txt',
      annotationCount: 0,
    });
    expect(workbench.library.list()).toEqual([document]);
    const opened = hydrateOpened(workbench.library.open({ id: document.id }));
    expect(opened.article.text).toContain('European Counter Terrorism Centre');
    expect(opened.article.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(Object.keys(opened)).toEqual(['article', 'annotations']);
    expect(workbench.settings.get().lastDocumentId).toBe(document.id);
    store.close();
  });

  it('opens a document in the lean form, which fills in to exactly what the library holds', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const { document } = await workbench.library.importBytes('ectc-terror-report.txt', referenceArticle());
    const { text } = hydrateOpened(workbench.library.open({ id: document.id })).article;
    const commented = annotationOn(document.id, text, '66 countries', 'claim', {
      updatedAt: '2026-11-27T10:02:00.000Z',
      attributes: { verdict: 'true' },
      comments: [
        {
          id: crypto.randomUUID(),
          author: 'Ann',
          body: 'Counted.',
          createdAt: '2026-11-27T10:01:00.000Z',
          updatedAt: '2026-11-27T10:01:00.000Z',
          replies: [],
        },
      ],
    });
    const bare = annotationOn(document.id, text, 'See the pattern?', 'opinion');
    workbench.annotations.save(commented);
    workbench.annotations.save(bare);

    const lean = workbench.library.open({ id: document.id });
    // What follows from the text is not sent: block texts, quotes, context, empty fields, and the
    // time of the last change where it is the time of creation.
    expect(lean.article.blocks.every((block) => !('text' in block))).toBe(true);
    // In text order: the opinion comes first.
    expect(lean.annotations.map((annotation) => Object.keys(annotation).sort())).toEqual([
      ['createdAt', 'end', 'id', 'start', 'tag'],
      ['attributes', 'comments', 'createdAt', 'end', 'id', 'start', 'tag', 'updatedAt'],
    ]);
    const full = hydrateOpened(lean);
    expect(full.article).toEqual(store.documents.get(document.id));
    expect(full.annotations).toEqual(store.annotationsOf(document.id));
    store.close();
  });

  it('finds the first copy when the same text is imported again', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const first = await workbench.library.importBytes('a.txt', referenceArticle());
    const second = await workbench.library.importBytes('copy.txt', referenceArticle());
    expect(second).toEqual({ document: first.document, isDuplicate: true });
    expect(workbench.library.list()).toHaveLength(1);
    store.close();
  });

  it('stores nothing when a file is refused', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    for (const [name, bytes] of [
      ['empty.txt', new Uint8Array()],
      ['binary.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 0, 1])],
      ['picture.png', new TextEncoder().encode('not really')],
    ] as const) {
      await expect(workbench.library.importBytes(name, bytes)).rejects.toThrow(ApiError);
    }
    expect(workbench.library.list()).toEqual([]);
    store.close();
  });

  it('counts annotations in the library list and survives reopening the file', async () => {
    const folder = temporaryFolder();
    const first = openTestWorkbench(folder);
    const { document } = await first.workbench.library.importBytes('ectc.txt', referenceArticle());
    const text = hydrateOpened(first.workbench.library.open({ id: document.id })).article.text;
    first.workbench.annotations.save(annotationOn(document.id, text, '66 countries', 'claim'));
    first.store.close();
    const second = openTestWorkbench(folder);
    expect(second.workbench.library.list()[0]?.annotationCount).toBe(1);
    expect(() => hydrateOpened(second.workbench.library.open({ id: crypto.randomUUID() }))).toThrow(
      /No document/,
    );
    second.store.close();
  });
});
