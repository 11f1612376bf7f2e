import { chmodSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPdfPrinter, findChromium } from '../../../../electron/host/pdf/chromiumPdf';
import { ApiError } from '../../../../shared/api';
import { useTemporaryFolder } from '../../support/temporaryFolder';

describe('findChromium', () => {
  const temporaryFolder = useTemporaryFolder();

  /** A folder holding an executable file under `name`, as a browser on PATH would be. */
  function folderWith(name: string): string {
    const folder = temporaryFolder();
    const file = join(folder, name);
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o755);
    return folder;
  }

  it('takes MARGIN_CHROMIUM when it names a file, and nothing else when it does not', () => {
    const folder = folderWith('my-chrome');
    const onPath = folderWith('chromium');
    expect(findChromium({ MARGIN_CHROMIUM: join(folder, 'my-chrome'), PATH: onPath })).toBe(
      join(folder, 'my-chrome'),
    );
    // A path the user chose that is wrong is reported, not silently replaced by another browser.
    expect(findChromium({ MARGIN_CHROMIUM: join(folder, 'missing'), PATH: onPath })).toBeNull();
  });

  it('finds the browsers by their usual names on PATH, in order of preference', () => {
    const chrome = folderWith('google-chrome');
    const chromium = folderWith('chromium');
    expect(findChromium({ PATH: [chrome, chromium].join(delimiter) })).toBe(join(chromium, 'chromium'));
    expect(findChromium({ PATH: chrome })).toBe(join(chrome, 'google-chrome'));
    expect(findChromium({ PATH: temporaryFolder() })).toBeNull();
  });

  it('refuses to print with one sentence saying what to install when there is no browser', async () => {
    const print = chromiumPdfPrinter({ MARGIN_CHROMIUM: join(temporaryFolder(), 'missing') });
    const failure = await print('<!doctype html><p>x</p>').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('unsupported');
    expect((failure as ApiError).message).toMatch(
      /^PDF export needs Chromium, Google Chrome or Microsoft Edge/,
    );
  });
});
