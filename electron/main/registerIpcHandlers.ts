import type { IpcMain, WebFrameMain } from 'electron';
import { ApiError, listMethods, type Services, toErrorEnvelope } from '../../shared/api';

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
    const service = services[entry.service] as unknown as Record<string, (input: unknown) => unknown>;
    ipcMain.handle(entry.channel, async (event, payload: unknown) => {
      try {
        if (!isTrustedFrame(event.senderFrame)) {
          throw new ApiError('unauthorized', 'This request did not come from the Margin window.');
        }
        const input = entry.spec.input.parse(payload);
        return { ok: true, value: await service[entry.method]!.call(service, input) };
      } catch (error) {
        return toErrorEnvelope(error);
      }
    });
  }
}
