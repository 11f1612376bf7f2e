import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hydrateOpened } from '../../../../shared/api';
import { annotationOn, FIXTURES, openTestWorkbench } from '../../support/library';
import { useTemporaryFolder } from '../../support/temporaryFolder';

const FIRST = readFileSync(join(FIXTURES, 'ectc-terror-report.txt'), 'utf8');

/** The reference article as its publisher edited it: a figure changed, a sentence cut, a paragraph moved. */
function stealthEdited(text: string): string {
  const paragraphs = text.split(/\n\s*\n/);
  const moved = paragraphs.splice(2, 1)[0]!;
  paragraphs.push(moved);
  return paragraphs.join('\n\n').replace('66 countries', '68 countries').replace(' See the pattern?', '');
}

async function versionedLibrary(folder: string) {
  const { workbench, store } = openTestWorkbench(folder);
  const { document: first } = await workbench.library.importBytes(
    'ectc.txt',
    new TextEncoder().encode(FIRST),
  );
  const { text } = hydrateOpened(workbench.library.open({ id: first.id })).article;
  const movedParagraphStart = text.split('\n\n')[2]!.slice(0, 40);
  const annotations = {
    unchanged: annotationOn(first.id, text, 'European Counter Terrorism Centre', 'quote'),
    changed: annotationOn(first.id, text, 'includes 66 countries', 'claim', {
      comments: [
        {
          id: crypto.randomUUID(),
          author: 'Ann',
          body: 'Verify the count',
          createdAt: '2026-11-27T10:01:00.000Z',
          updatedAt: '2026-11-27T10:01:00.000Z',
          replies: [],
        },
      ],
    }),
    cut: annotationOn(first.id, text, 'See the pattern?', 'opinion'),
    moved: annotationOn(first.id, text, movedParagraphStart, 'claim'),
  };
  for (const annotation of Object.values(annotations)) workbench.annotations.save(annotation);
  const outcome = await workbench.library.importBytes(
    'ectc.txt',
    new TextEncoder().encode(stealthEdited(FIRST)),
  );
  return { workbench, store, first, outcome, annotations };
}

describe('VersionsService', () => {
  const temporaryFolder = useTemporaryFolder();

  it('imports a changed file of the same name as version 2 and carries the annotations over', async () => {
    const { workbench, store, first, outcome, annotations } = await versionedLibrary(temporaryFolder());
    expect(outcome.isDuplicate).toBe(false);
    expect(outcome.previousVersion?.id).toBe(first.id);
    const second = outcome.document;
    expect(second).toMatchObject({ version: 2, lineage: first.id, versionCount: 2, annotationCount: 3 });
    expect(
      workbench.versions.list({ id: second.id }).map((version) => [version.version, version.versionReason]),
    ).toEqual([
      [1, 'imported'],
      [2, 'new-version'],
    ]);
    // The first version is untouched and still citable.
    expect(hydrateOpened(workbench.library.open({ id: first.id })).annotations).toHaveLength(4);

    const opened = hydrateOpened(workbench.library.open({ id: second.id }));
    for (const annotation of opened.annotations) {
      expect(opened.article.text.slice(annotation.start, annotation.end)).toBe(annotation.quote);
    }
    const quotes = opened.annotations.map((annotation) => annotation.quote);
    expect(quotes).toContain('European Counter Terrorism Centre');
    expect(quotes).toContain('includes 68 countries');
    expect(quotes).toContain(annotations.moved.quote);
    const carriedClaim = opened.annotations.find(
      (annotation) => annotation.quote === 'includes 68 countries',
    )!;
    expect(carriedClaim.comments[0]!.body).toBe('Verify the count');
    expect(carriedClaim.comments[0]!.id).not.toBe(annotations.changed.comments[0]!.id);

    const review = workbench.versions.review({ id: second.id });
    expect(review.previous?.id).toBe(first.id);
    expect(review.carried).toEqual({ exact: 1, moved: 1, changed: 1, orphaned: 1 });
    expect(review.changed).toEqual([
      { annotationId: carriedClaim.id, previousQuote: 'includes 66 countries' },
    ]);
    expect(review.orphaned.map((annotation) => annotation.quote)).toEqual(['See the pattern?']);
    store.close();
  });

  it('lets a person confirm, place and dismiss what needs review', async () => {
    const { workbench, store, outcome } = await versionedLibrary(temporaryFolder());
    const second = outcome.document.id;
    let review = workbench.versions.review({ id: second });
    expect(
      workbench.versions.confirm({ documentId: second, annotationId: review.changed[0]!.annotationId }),
    ).toEqual({
      confirmed: true,
    });
    const { text } = hydrateOpened(workbench.library.open({ id: second })).article;
    const start = text.indexOf('Which eventually');
    const placed = workbench.versions.place({
      documentId: second,
      annotationId: review.orphaned[0]!.id,
      start,
      end: start + 'Which eventually'.length,
    });
    expect(placed).toMatchObject({ documentId: second, tag: 'opinion', quote: 'Which eventually' });
    review = workbench.versions.review({ id: second });
    expect(review.changed).toEqual([]);
    expect(review.orphaned).toEqual([]);
    expect(() =>
      workbench.versions.place({ documentId: second, annotationId: placed.id, start: 0, end: 3 }),
    ).toThrow(/not waiting to be placed/);
    expect(workbench.versions.dismiss({ documentId: second, annotationId: crypto.randomUUID() })).toEqual({
      dismissed: false,
    });
    store.close();
  });

  it('never gives two versions one number, even when a deleted version comes back', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const story = (text: string) =>
      workbench.library.importBytes('story.md', new TextEncoder().encode(`# Story\n\n${text}`));
    await story('First telling.');
    const second = (await story('Second telling.')).document;
    workbench.library.remove({ id: second.id });
    const third = (await story('Third telling.')).document;
    workbench.library.undoRemove({ id: second.id });
    expect(third.version).toBe(3);
    expect(workbench.versions.list({ id: second.id }).map((version) => version.version)).toEqual([1, 2, 3]);
    store.close();
  });

  it('shows what the publisher changed, word by word', async () => {
    const { workbench, store, first, outcome } = await versionedLibrary(temporaryFolder());
    const pieces = workbench.versions.diff({ fromId: first.id, toId: outcome.document.id });
    expect(pieces.filter((piece) => piece.kind === 'removed').map((piece) => piece.text)).toEqual(
      expect.arrayContaining(['66']),
    );
    expect(pieces.filter((piece) => piece.kind === 'added').map((piece) => piece.text)).toEqual(
      expect.arrayContaining(['68']),
    );
    const oldText = pieces
      .filter((piece) => piece.kind !== 'added')
      .map((piece) => piece.text)
      .join('');
    const newText = pieces
      .filter((piece) => piece.kind !== 'removed')
      .map((piece) => piece.text)
      .join('');
    expect(oldText).toBe(hydrateOpened(workbench.library.open({ id: first.id })).article.text);
    expect(newText).toBe(hydrateOpened(workbench.library.open({ id: outcome.document.id })).article.text);
    store.close();
  });

  it('keeps a version apart when the person says it is another article, with what was made on it since', async () => {
    const { workbench, store, outcome } = await versionedLibrary(temporaryFolder());
    const { text } = hydrateOpened(workbench.library.open({ id: outcome.document.id })).article;
    const madeSince = annotationOn(outcome.document.id, text, 'Which eventually', 'opinion');
    workbench.annotations.save(madeSince);
    const detached = workbench.versions.detach({ id: outcome.document.id });
    expect(detached).toMatchObject({
      version: 1,
      lineage: outcome.document.id,
      versionCount: 1,
      annotationCount: 1,
    });
    const left = hydrateOpened(workbench.library.open({ id: outcome.document.id })).annotations;
    expect(left.map((annotation) => annotation.id)).toEqual([madeSince.id]);
    expect(workbench.versions.review({ id: outcome.document.id }).orphaned).toEqual([]);
    store.close();
  });

  it('saves corrections as a new version, each annotation where the editor mapped it', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const { document } = await workbench.library.importBytes(
      'ocr.md',
      new TextEncoder().encode('# Tbe report\n\nThe cornmittee met on Tuesday. It voted to fund the bridge.'),
    );
    const { text, blocks } = hydrateOpened(workbench.library.open({ id: document.id })).article;
    const vote = annotationOn(document.id, text, 'cornmittee met', 'claim');
    const bridge = annotationOn(document.id, text, 'fund the bridge', 'claim');
    workbench.annotations.save(vote);
    workbench.annotations.save(bridge);
    const corrected = blocks.map(({ start: _start, end: _end, ...block }) => ({
      ...block,
      text: block.text.replace('Tbe', 'The').replace('cornmittee', 'committee'),
    }));
    const newText = corrected.map((block) => block.text).join('\n\n');
    const outcome = workbench.versions.correct({
      documentId: document.id,
      blocks: corrected,
      annotations: [
        { id: vote.id, start: newText.indexOf('committee met'), end: newText.indexOf('committee met') + 13 },
        {
          id: bridge.id,
          start: newText.indexOf('fund the bridge'),
          end: newText.indexOf('fund the bridge') + 15,
        },
      ],
    });
    expect(outcome.document).toMatchObject({ version: 2, title: 'The report', annotationCount: 2 });
    const opened = hydrateOpened(workbench.library.open({ id: outcome.document.id }));
    expect(opened.article.text).toBe(newText);
    expect(opened.article.versionReason).toBe('corrected');
    expect(opened.annotations.map((annotation) => annotation.quote)).toEqual([
      'committee met',
      'fund the bridge',
    ]);
    // The original stays as it was, with its annotations.
    const original = hydrateOpened(workbench.library.open({ id: document.id }));
    expect(original.annotations.map((annotation) => annotation.quote)).toEqual([
      'cornmittee met',
      'fund the bridge',
    ]);
    expect(workbench.versions.review({ id: outcome.document.id })).toMatchObject({
      changed: [],
      orphaned: [],
    });
    store.close();
  });
});
