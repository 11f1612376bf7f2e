import type Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { SaveQueue, type SaveStatus } from '../../../../../renderer/src/persistence/SaveQueue';
import { type Api, ApiError, hydrateOpened } from '../../../../../shared/api';
import type { Annotation } from '../../../../../shared/model';
import { annotationOn, openTestWorkbench, referenceArticle } from '../../../support/library';
import { useTemporaryFolder } from '../../../support/temporaryFolder';

/** The real services behind the API's shape, called in-process (the transport is tested elsewhere). */
async function inProcessApi(folder: string) {
  const { workbench, store } = openTestWorkbench(folder);
  const { document } = await workbench.library.importBytes('ectc.txt', referenceArticle());
  const { text } = hydrateOpened(workbench.library.open({ id: document.id })).article;
  const calls: string[] = [];
  let failuresLeft = 0;
  const api = {
    annotations: {
      save: async (annotation: Annotation) => {
        calls.push(`save ${annotation.comments[0]?.body ?? annotation.tag}`);
        if (failuresLeft-- > 0) throw new ApiError('internal', 'The disk is busy.');
        return workbench.annotations.save(annotation);
      },
      remove: async (input: { id: string }) => {
        calls.push('remove');
        return workbench.annotations.remove(input);
      },
    },
  } as unknown as Api;
  const stored = () => hydrateOpened(workbench.library.open({ id: document.id })).annotations;
  return {
    api,
    calls,
    stored,
    store,
    documentId: document.id,
    text,
    failNext: (count: number) => (failuresLeft = count),
  };
}

const withComment = (annotation: Annotation, body: string): Annotation => ({
  ...annotation,
  comments: [
    {
      id: '6f1c7d0e-0000-4000-8000-000000000001',
      author: 'Ann',
      body,
      createdAt: annotation.createdAt,
      updatedAt: annotation.createdAt,
      replies: [],
    },
  ],
});

describe('SaveQueue', () => {
  const temporaryFolder = useTemporaryFolder();

  it('sends changes in order and collapses typing that happens while a save is out', async () => {
    const { api, calls, stored, store, documentId, text } = await inProcessApi(temporaryFolder());
    const queue = new SaveQueue(api);
    const statuses: SaveStatus['state'][] = [];
    queue.subscribe((status) => statuses.push(status.state));
    const annotation = annotationOn(documentId, text, '66 countries', 'claim');
    queue.enqueue([{ before: null, after: annotation }]);
    for (const body of ['C', 'Ch', 'Che', 'Check']) {
      queue.enqueue([{ before: annotation, after: withComment(annotation, body) }]);
    }
    await queue.whenIdle();
    expect(calls).toEqual(['save claim', 'save Check']);
    expect(stored()[0]?.comments[0]?.body).toBe('Check');
    expect(statuses.at(-1)).toBe('saved');
    queue.enqueue([{ before: annotation, after: null }]);
    await queue.whenIdle();
    expect(stored()).toEqual([]);
    store.close();
  });

  it('keeps a failed save, says so, and retries it until it lands', async () => {
    vi.useFakeTimers();
    try {
      const { api, calls, stored, store, documentId, text, failNext } = await inProcessApi(temporaryFolder());
      const queue = new SaveQueue(api);
      const statuses: SaveStatus[] = [];
      queue.subscribe((status) => statuses.push(status));
      failNext(2);
      queue.enqueue([{ before: null, after: annotationOn(documentId, text, 'See the pattern?', 'opinion') }]);
      await vi.runAllTimersAsync();
      await queue.whenIdle();
      expect(calls).toEqual(['save opinion', 'save opinion', 'save opinion']);
      expect(
        statuses.some((status) => status.state === 'failed' && status.message.includes('The disk is busy.')),
      ).toBe(true);
      expect(statuses.at(-1)).toEqual({ state: 'saved' });
      expect(stored()).toHaveLength(1);
      store.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a change the full disk refused, says the disk is full, and saves it once there is room', async () => {
    vi.useFakeTimers();
    try {
      const { api, stored, store, documentId, text } = await inProcessApi(temporaryFolder());
      const db = (store as unknown as { db: Database.Database }).db;
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
      const queue = new SaveQueue(api);
      const statuses: SaveStatus[] = [];
      queue.subscribe((status) => statuses.push(status));
      const annotation = withComment(
        annotationOn(documentId, text, 'See the pattern?', 'opinion'),
        'x'.repeat(20_000),
      );
      queue.enqueue([{ before: null, after: annotation }]);
      await vi.advanceTimersByTimeAsync(0);
      expect(statuses.at(-1)).toMatchObject({ state: 'failed' });
      expect((statuses.at(-1) as { message: string }).message).toMatch(
        /^The disk holding the library is full/,
      );
      expect(stored()).toHaveLength(0);
      // Room again: the kept change lands on the next try.
      db.pragma('max_page_count = 1073741823');
      await vi.runAllTimersAsync();
      await queue.whenIdle();
      expect(statuses.at(-1)).toEqual({ state: 'saved' });
      expect(stored().map((each) => each.id)).toEqual([annotation.id]);
      store.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not retry a change the library refuses, and keeps reporting it', async () => {
    const { api, calls, store, documentId, text } = await inProcessApi(temporaryFolder());
    const queue = new SaveQueue(api);
    let last: SaveStatus = { state: 'idle' };
    queue.subscribe((status) => {
      last = status;
    });
    const wrong = {
      ...annotationOn(documentId, text, '66 countries', 'claim'),
      quote: 'sixty-six countries',
    };
    queue.enqueue([{ before: null, after: wrong }]);
    await queue.whenIdle();
    expect(calls).toEqual(['save claim']);
    expect(last).toMatchObject({ state: 'failed', message: expect.stringMatching(/quote does not match/) });
    store.close();
  });
});
