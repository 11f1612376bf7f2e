import { contextBridge, ipcRenderer } from 'electron';
import { COMMAND_CHANNEL, listMethods, type ShellCommand } from '../../shared/api';

// The bridge: one function per contract method, each bound to its own channel, plus a way to hear
// menu commands. Nothing else of Electron or Node reaches the page.

type Bridge = Record<string, Record<string, (input: unknown) => Promise<unknown>>> & {
  onCommand?: (listener: (command: ShellCommand) => void) => () => void;
};

const bridge: Bridge = {};
for (const { service, method, channel } of listMethods()) {
  bridge[service] ??= {};
  bridge[service][method] = (input: unknown) => ipcRenderer.invoke(channel, input);
}
bridge.onCommand = (listener) => {
  const handler = (_event: Electron.IpcRendererEvent, command: ShellCommand) => listener(command);
  ipcRenderer.on(COMMAND_CHANNEL, handler);
  return () => ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
};

contextBridge.exposeInMainWorld('margin', bridge);
