import type { IpcMain, WebFrameMain } from 'electron';
import { ApiError, invokeMethod, listMethods, type Services, toErrorEnvelope } from '../../shared/api';

/**
 * Serves the contract over IPC: one handler per method, on its derived channel. Each call is
 * answered only for a trusted frame, and its payload is checked with the method's input schema
 * before the service sees it.
 */
export function registerIpcHandlers(
  ipcMain: IpcMain,
  services: Services,
  isTrustedFrame: (frame: WebFrameMain | null) => boolean,
): void {
  for (const entry of listMethods()) {
    ipcMain.handle(entry.channel, async (event, payload: unknown) => {
      try {
        if (!isTrustedFrame(event.senderFrame)) {
          throw new ApiError('unauthorized', 'This request did not come from the Margin window.');
        }
        return { ok: true, value: await invokeMethod(services, entry, payload) };
      } catch (error) {
        return toErrorEnvelope(error);
      }
    });
  }
}
