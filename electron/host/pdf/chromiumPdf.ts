import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiError } from '../../../shared/api';
import type { PdfPrinter } from '../../services/reportsService';

/** The program names a Chromium-based browser goes by on PATH. */
const PROGRAM_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
];

/** Where the usual browsers live when they are not on PATH. */
const KNOWN_LOCATIONS = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** How long one print may take before it is given up. */
const PRINT_TIMEOUT_MS = 120_000;

/**
 * The Chromium (or Chrome, or Edge) to print with: MARGIN_CHROMIUM when set, else the first found
 * on PATH or in the usual places; null when there is none.
 */
export function findChromium(environment: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = environment.MARGIN_CHROMIUM?.trim();
  if (chosen) return existsSync(chosen) ? chosen : null;
  const folders = (environment.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of PROGRAM_NAMES) {
    for (const folder of folders) {
      const candidate = join(folder, process.platform === 'win32' ? `${name}.exe` : name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return KNOWN_LOCATIONS.find((location) => existsSync(location)) ?? null;
}

/**
 * A PDF printer that runs a headless Chromium over the report written to a private temporary
 * folder (with its own throwaway profile), the way `printToPDF` prints in the desktop app. The
 * report has no script and a CSP that forbids every request, so printing it fetches nothing.
 */
export function chromiumPdfPrinter(environment: NodeJS.ProcessEnv = process.env): PdfPrinter {
  return async (html) => {
    // Looked for at each print, so a browser installed while the app runs is found.
    const executable = findChromium(environment);
    if (executable === null) {
      throw new ApiError(
        'unsupported',
        'PDF export needs Chromium, Google Chrome or Microsoft Edge on this computer, and none was found; install one (or set MARGIN_CHROMIUM to its path), or export HTML and print it from a browser.',
      );
    }
    const folder = await mkdtemp(join(tmpdir(), 'margin-pdf-'));
    try {
      const page = join(folder, 'report.html');
      const output = join(folder, 'report.pdf');
      await writeFile(page, html);
      const flags = [
        '--headless',
        '--disable-gpu',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-extensions',
        '--disable-breakpad',
        '--disable-crash-reporter',
        '--no-pdf-header-footer',
        `--user-data-dir=${join(folder, 'profile')}`,
        `--print-to-pdf=${output}`,
      ];
      // Chromium refuses to run as root with its sandbox (containers, CI); the page is our own report.
      if (process.getuid?.() === 0) flags.push('--no-sandbox');
      await run(executable, [...flags, pathToFileURL(page).href]);
      const pdf = await readFile(output).catch(() => null);
      if (pdf === null || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new Error('Chromium ran but wrote no PDF.');
      }
      return new Uint8Array(pdf);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };
}

function run(executable: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      executable,
      args,
      { timeout: PRINT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, _out, errorText) => {
        if (error) {
          const detail = String(errorText).trim().split('\n').at(-1) ?? '';
          reject(
            new Error(
              `Chromium could not print the report (${error.message}${detail ? `: ${detail}` : ''}).`,
            ),
          );
        } else {
          resolve();
        }
      },
    );
  });
}
