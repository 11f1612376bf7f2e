import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerIpcHandlers } from '../../../../electron/main/registerIpcHandlers';
import { ApiErrorShape, hydrateOpened, listMethods } from '../../../../shared/api';
import { annotationOn, openTestWorkbench, referenceArticle } from '../../support/library';
import { useTemporaryFolder } from '../../support/temporaryFolder';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

/**
 * Electron cannot run here, so ipcMain is stood in for by a registry with its `handle` signature;
 * the handlers under test are the real ones, over a real library.
 */
function registry() {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) };
  return { handlers, ipcMain: ipcMain as unknown as IpcMain };
}

const trustedFrame = { url: 'file:///app/out/renderer/index.html' } as WebFrameMain;
const event = (frame: WebFrameMain | null) => ({ senderFrame: frame }) as IpcMainInvokeEvent;

/** A digest of every row of every table, read through a second connection: equal means no write. */
function libraryDigest(file: string): string {
  const reader = new Database(file, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = reader
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      hash.update(table);
      for (const row of reader.prepare(`SELECT * FROM "${table}"`).raw().iterate()) {
        hash.update(
          JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)),
        );
      }
    }
    return hash.digest('hex');
  } finally {
    reader.close();
  }
}

/** Values that break schemas: wrong types, huge and hostile strings, odd numbers, deep nesting. */
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    undefined,
    -1,
    1.5,
    Number.NaN,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    'x'.repeat(100_000),
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '\u0000',
    '__proto__',
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    [],
    {},
  ),
);

describe('registerIpcHandlers', () => {
  const temporaryFolder = useTemporaryFolder();

  it('registers exactly one handler per contract method, on the derived channel', () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const { handlers, ipcMain } = registry();
    registerIpcHandlers(ipcMain, workbench, () => true);
    expect([...handlers.keys()].sort()).toEqual(
      listMethods()
        .map((entry) => entry.channel)
        .sort(),
    );
    store.close();
  });

  it('answers a trusted frame, refuses any other, and rejects malformed payloads with no write', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const { handlers, ipcMain } = registry();
    registerIpcHandlers(ipcMain, workbench, (frame) => frame === trustedFrame);
    const list = handlers.get('margin:library.list')!;
    expect(await list(event(trustedFrame), {})).toEqual({ ok: true, value: [] });
    const hostile = { url: 'https://evil.example/' } as WebFrameMain;
    expect(await list(event(hostile), {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    const importFile = handlers.get('margin:library.importFile')!;
    const data = Buffer.from(referenceArticle()).toString('base64');
    expect(await importFile(event(hostile), { fileName: 'ectc.txt', data })).toMatchObject({ ok: false });
    expect(await importFile(event(trustedFrame), { fileName: 42, data })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(workbench.library.list()).toEqual([]);
    expect(await importFile(event(trustedFrame), { fileName: 'ectc.txt', data })).toMatchObject({ ok: true });
    expect(workbench.library.list()).toHaveLength(1);
    store.close();
  });

  it('rejects fuzzed payloads on every channel with an error envelope and no write', async () => {
    const folder = temporaryFolder();
    const { workbench, store } = openTestWorkbench(folder);
    const { handlers, ipcMain } = registry();
    registerIpcHandlers(ipcMain, workbench, (frame) => frame === trustedFrame);
    const { document, text } = await (async () => {
      const imported = await workbench.library.importBytes('ectc.txt', referenceArticle());
      const opened = hydrateOpened(workbench.library.open({ id: imported.document.id }));
      return { document: imported.document, text: opened.article.text };
    })();
    const valid = annotationOn(document.id, text, 'terrorist', 'claim');
    // Valid payloads with one field replaced: the near misses a schema must still catch.
    const nearMiss = fc
      .tuple(
        fc.constantFrom<Record<string, unknown>>(
          valid,
          { id: document.id },
          { fileName: 'a.txt', data: 'aGVsbG8=' },
          { label: 'Claim' },
          { keys: ['claim'] },
          { format: 'json', documentIds: [document.id] },
        ),
        fc.string({ maxLength: 12 }),
        hostileValue,
      )
      .map(([base, key, value]) => {
        const keys = Object.keys(base);
        const field = keys.length > 0 && key.length % 2 === 0 ? keys[key.length % keys.length]! : key;
        return { ...base, [field]: value };
      });
    const channels = listMethods().map((entry) => entry.channel);
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...channels),
        fc.oneof(hostileValue, nearMiss),
        async (channel, payload) => {
          const before = libraryDigest(store.file);
          const answer = (await handlers.get(channel)!(event(trustedFrame), payload)) as {
            ok: boolean;
            error?: unknown;
          };
          if (answer.ok) return;
          rejected += 1;
          expect(ApiErrorShape.safeParse(answer.error).success).toBe(true);
          expect(libraryDigest(store.file)).toBe(before);
        },
      ),
      { numRuns: 1_500 },
    );
    expect(rejected).toBeGreaterThan(1_000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    store.close();
  });

  it('refuses every channel to hostile frames, whatever the payload, with no write', async () => {
    const { workbench, store } = openTestWorkbench(temporaryFolder());
    const { handlers, ipcMain } = registry();
    const mainFrame = { url: 'app://margin/index.html', parent: null } as unknown as WebFrameMain;
    registerIpcHandlers(ipcMain, workbench, (frame) => frame === mainFrame);
    await workbench.library.importBytes('ectc.txt', referenceArticle());
    const hostileFrames = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'app://margin/index.html', parent: mainFrame },
      { url: 'file:///app/out/renderer/index.html', parent: null },
      { url: 'app://margin/index.html', parent: null },
    ] as unknown as (WebFrameMain | null)[];
    const before = libraryDigest(store.file);
    const channels = listMethods().map((entry) => entry.channel);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...channels),
        fc.constantFrom(...hostileFrames),
        hostileValue,
        async (channel, frame, payload) => {
          const answer = await handlers.get(channel)!(event(frame), payload);
          expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
        },
      ),
      { numRuns: 500 },
    );
    expect(libraryDigest(store.file)).toBe(before);
    store.close();
  });
});
