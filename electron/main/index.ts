import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, type DownloadItem, ipcMain, Menu, session, type WebFrameMain } from 'electron';
import { COMMAND_CHANNEL, type ShellCommand } from '../../shared/api';
import { createWorkbench } from '../services/createWorkbench';
import { defaultDatabasePath } from '../services/defaultDatabasePath';
import { GENERATOR } from '../services/version';
import { buildApplicationMenu } from './applicationMenu';
import { APP_PAGE_URL, isWorkbenchPage } from './appOrigin';
import { declareAppScheme, serveAppScheme } from './appProtocol';
import { electronPdfPrinter } from './electronPdfPrinter';
import { hardenContents } from './hardenContents';
import { openLibrary } from './openLibrary';
import { registerIpcHandlers } from './registerIpcHandlers';
import { secureWebPreferences } from './secureWebPreferences';

// The desktop shell: it opens the library, serves the contract over IPC and shows one window.
// Everything a user sees lives in the renderer and the services, which `margin serve` runs too.

const RENDERER_DIRECTORY = fileURLToPath(new URL('../renderer/', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
/** Set by electron-vite in development: the dev server's address. */
const DEVELOPMENT_URL = process.env.ELECTRON_RENDERER_URL;

let mainWindow: BrowserWindow | null = null;

function isTrustedFrame(frame: WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null || !mainWindow || frame !== mainWindow.webContents.mainFrame)
    return false;
  return isWorkbenchPage(frame.url, DEVELOPMENT_URL);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    title: 'Margin',
    show: false,
    webPreferences: secureWebPreferences(PRELOAD),
  });
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  if (DEVELOPMENT_URL) void window.loadURL(DEVELOPMENT_URL);
  else void window.loadURL(APP_PAGE_URL);
  return window;
}

/**
 * Exports reach the desktop as downloads from the page (the same code as in a browser); each
 * one opens the system's save dialog with the report's suggested name.
 */
function askWhereToSave(item: DownloadItem): void {
  const extension = extname(item.getFilename()).slice(1);
  item.setSaveDialogOptions({
    title: 'Export report',
    defaultPath: item.getFilename(),
    filters: extension ? [{ name: `${extension.toUpperCase()} report`, extensions: [extension] }] : [],
  });
}

function sendCommand(command: ShellCommand): void {
  mainWindow?.webContents.send(COMMAND_CHANNEL, command);
}

app.enableSandbox();
declareAppScheme();
app.whenReady().then(async () => {
  serveAppScheme(RENDERER_DIRECTORY);
  // `npm start` passes the SQLite build it made for Electron; a packaged app has its own and
  // takes no native code from the environment.
  const store = await openLibrary(defaultDatabasePath(), {
    nativeBinding: app.isPackaged ? undefined : process.env.MARGIN_SQLITE_BINDING,
  });
  if (!store) {
    app.quit();
    return;
  }
  registerIpcHandlers(
    ipcMain,
    createWorkbench(store, { generator: GENERATOR, printPdf: electronPdfPrinter() }),
    isTrustedFrame,
  );
  Menu.setApplicationMenu(buildApplicationMenu(sendCommand));
  session.defaultSession.on('will-download', (_event, item) => askWhereToSave(item));
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app.on('will-quit', () => store.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
