import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../services/reportsService';
import { hardenContents } from './hardenContents';

/**
 * Prints an HTML report with Electron's own Chromium: the report is loaded from a private temporary
 * file into a hidden, sandboxed window with JavaScript off (the report has none and forbids it by
 * CSP anyway), then `printToPDF` honours the report's print style sheet and its `@page` size.
 */
export function electronPdfPrinter(): PdfPrinter {
  return async (html) => {
    const folder = await mkdtemp(join(tmpdir(), 'margin-pdf-'));
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        javascript: false,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
      },
    });
    try {
      hardenContents(window.webContents);
      const page = join(folder, 'report.html');
      await writeFile(page, html);
      await window.loadFile(page);
      const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    } finally {
      window.destroy();
      await rm(folder, { recursive: true, force: true });
    }
  };
}
