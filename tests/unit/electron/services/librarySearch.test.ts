import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, hydrateOpened } from '../../../../shared/api';
import { annotationOn, FIXTURES, openTestWorkbench, referenceArticle } from '../../support/library';
import { useTemporaryFolder } from '../../support/temporaryFolder';

async function libraryWithTwoArticles(folder: string) {
  const { workbench, store } = openTestWorkbench(folder);
  const { document: reference } = await workbench.library.importBytes(
    'ectc-terror-report.txt',
    referenceArticle(),
  );
  const pdf = readFileSync(join(FIXTURES, 'pdf', 'lemonde-1.pdf'));
  const { document: french } = await workbench.library.importBytes('lemonde-1.pdf', pdf);
  const { text } = hydrateOpened(workbench.library.open({ id: reference.id })).article;
  const claim = annotationOn(reference.id, text, '66 countries', 'claim', {
    attributes: {
      verdict: 'true',
      evidence: [{ url: 'https://example.org/coalition-members', note: 'members list' }],
    },
    comments: [
      {
        id: crypto.randomUUID(),
        author: 'Ann',
        body: 'Cross-check with the State Department roster',
        createdAt: '2026-11-27T10:01:00.000Z',
        updatedAt: '2026-11-27T10:01:00.000Z',
        replies: [],
      },
    ],
  });
  workbench.annotations.save(claim);
  return { workbench, store, reference, french, claim, pdf };
}

describe('the library keeps each imported file', () => {
  const temporaryFolder = useTemporaryFolder();

  it('stores the original bytes once under their SHA-256, and the document names them', async () => {
    const { workbench, store, french, pdf } = await libraryWithTwoArticles(temporaryFolder());
    const article = store.documents.get(french.id)!;
    const hash = `sha256:${createHash('sha256').update(pdf).digest('hex')}`;
    expect(article).toMatchObject({
      sourceHash: hash,
      sourceFile: 'lemonde-1.pdf',
      version: 1,
      lineage: french.id,
    });
    expect(Buffer.compare(Buffer.from(store.originals.get(hash)!), pdf)).toBe(0);
    const report = JSON.parse(
      (await workbench.reports.render({ documentIds: [french.id], format: 'json' })).content,
    );
    expect(report.document).toMatchObject({ sourceHash: hash, sourceFile: 'lemonde-1.pdf' });
    store.close();
  });
});

describe('LibraryService.search', () => {
  const temporaryFolder = useTemporaryFolder();

  it('finds words in article text, quotes, attributes and comments, with marked snippets', async () => {
    const { workbench, store, reference, french, claim } = await libraryWithTwoArticles(temporaryFolder());
    const coalition = workbench.library.search({ query: 'coalition' });
    const kinds = coalition.map((hit) => hit.kind);
    expect(kinds).toContain('text');
    expect(kinds).toContain('attribute');
    expect(coalition.every((hit) => hit.documentId === reference.id)).toBe(true);
    const textHit = coalition.find((hit) => hit.kind === 'text')!;
    expect(textHit.snippet.some((piece) => piece.isMatch && /coalition/i.test(piece.text))).toBe(true);
    const { text } = hydrateOpened(workbench.library.open({ id: reference.id })).article;
    expect(text.slice(textHit.position)).toMatch(/coalition/i);

    const roster = workbench.library.search({ query: 'state department' });
    expect(roster).toMatchObject([{ kind: 'comment', annotationId: claim.id, position: claim.start }]);
    expect(workbench.library.search({ query: '66 countries' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'quote', annotationId: claim.id })]),
    );
    // Accents need not be typed, and the last word may be unfinished.
    const french1 = workbench.library.search({ query: 'deputes socialis' });
    expect(french1.length).toBeGreaterThan(0);
    expect(french1.every((hit) => hit.documentId === french.id)).toBe(true);
    store.close();
  });

  it('treats what is typed as words, never as a query language, and finds nothing in nothing', async () => {
    const { workbench, store } = await libraryWithTwoArticles(temporaryFolder());
    for (const typed of ['"', 'NEAR(', 'coalition OR', '*', ')))', 'a AND NOT b', '^x', '']) {
      expect(() => workbench.library.search({ query: typed })).not.toThrow();
    }
    expect(workbench.library.search({ query: '   ' })).toEqual([]);
    expect(workbench.library.search({ query: 'zzqxv' })).toEqual([]);
    store.close();
  });
});

describe('LibraryService.remove and undoRemove', () => {
  const temporaryFolder = useTemporaryFolder();

  it('deletes a document with its annotations, and brings everything back on undo', async () => {
    const { workbench, store, reference, claim } = await libraryWithTwoArticles(temporaryFolder());
    const before = hydrateOpened(workbench.library.open({ id: reference.id }));
    expect(workbench.library.remove({ id: reference.id })).toEqual({ removed: true });
    expect(workbench.library.list().map((row) => row.id)).not.toContain(reference.id);
    expect(() => workbench.library.open({ id: reference.id })).toThrow(ApiError);
    expect(workbench.library.search({ query: 'roster' })).toEqual([]);
    expect(workbench.settings.get().lastDocumentId).toBeNull();

    const restored = workbench.library.undoRemove({ id: reference.id });
    expect(restored).toMatchObject({ id: reference.id, annotationCount: 1 });
    const after = hydrateOpened(workbench.library.open({ id: reference.id }));
    expect(after).toEqual(before);
    expect(after.annotations[0]!.comments[0]!.body).toBe(claim.comments[0]!.body);
    expect(workbench.library.search({ query: 'roster' })).toHaveLength(1);
    expect(() => workbench.library.undoRemove({ id: reference.id })).toThrow(/no longer in the trash/);
    expect(workbench.library.remove({ id: crypto.randomUUID() })).toEqual({ removed: false });
    store.close();
  });
});

describe('LibraryService.update', () => {
  const temporaryFolder = useTemporaryFolder();

  it('changes the metadata a person corrects, and search finds the new title', async () => {
    const { workbench, store, reference } = await libraryWithTwoArticles(temporaryFolder());
    const updated = workbench.library.update({
      id: reference.id,
      title: 'Europe braces for more attacks',
      byline: 'Randi Nord',
      siteName: 'Geopolitics Alert',
      publishedAt: '2016-12-06',
    });
    expect(updated).toMatchObject({
      title: 'Europe braces for more attacks',
      byline: 'Randi Nord',
      siteName: 'Geopolitics Alert',
      publishedAt: '2016-12-06',
    });
    expect(workbench.library.search({ query: 'braces' })).toMatchObject([
      { kind: 'title', documentId: reference.id },
    ]);
    expect(workbench.library.update({ id: reference.id, byline: '' }).byline).toBeNull();
    expect(workbench.library.update({ id: reference.id }).title).toBe('Europe braces for more attacks');
    expect(() => workbench.library.update({ id: crypto.randomUUID(), title: 'x' })).toThrow(ApiError);
    store.close();
  });
});
