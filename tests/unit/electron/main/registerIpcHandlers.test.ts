import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerIpcHandlers } from '../../../../electron/main/registerIpcHandlers';
import { listMethods } from '../../../../shared/api';
import { openTestWorkbench, referenceArticle } from '../../support/library';
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
});
