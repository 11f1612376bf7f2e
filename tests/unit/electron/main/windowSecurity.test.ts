import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL, isWorkbenchPage } from '../../../../electron/main/appOrigin';
import {
  decideNavigation,
  decideWindowOpen,
  isOpenableExternally,
} from '../../../../electron/main/externalLinks';
import { secureWebPreferences } from '../../../../electron/main/secureWebPreferences';

describe('secureWebPreferences', () => {
  const preferences = secureWebPreferences('/app/preload.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['webSecurity', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(preferences[key]).toBe(value);
  });

  it('turns on no form of Node integration, and sets nothing beyond what it means to', () => {
    for (const [key, value] of Object.entries(preferences)) {
      if (/node/i.test(key)) expect(value, key).toBe(false);
    }
    expect(Object.keys(preferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('isOpenableExternally', () => {
  it.each([
    ['https://www.europol.europa.eu/report', true],
    ['http://example.com/a?b#c', true],
    ['mailto:desk@example.org', true],
    ['HTTPS://EXAMPLE.COM', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['  javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['\u0000javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox(1)', false],
    ['file:///etc/passwd', false],
    ['blob:https://example.com/1', false],
    ['smb://host/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['app://margin/index.html', false],
    ['//example.com/no-scheme', false],
    ['not a url', false],
    ['', false],
  ])('%j → %s', (url, expected) => {
    expect(isOpenableExternally(url)).toBe(expected);
  });

  it('opens nothing whose scheme, once the URL parser has read it, is not http, https or mailto', () => {
    const scheme = fc
      .tuple(
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        fc.string({
          unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789+-.\t\n\r'),
          maxLength: 12,
        }),
      )
      .map(([first, rest]) => first + rest);
    const noise = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u0000', '\u001f'), maxLength: 3 });
    fc.assert(
      fc.property(noise, scheme, fc.string({ maxLength: 30 }), (before, name, rest) => {
        const url = `${before}${name}:${rest}`;
        let parsed: string | null = null;
        try {
          parsed = new URL(url).protocol;
        } catch {
          parsed = null;
        }
        const allowed = parsed === 'http:' || parsed === 'https:' || parsed === 'mailto:';
        expect(isOpenableExternally(url)).toBe(allowed);
        if (!['http', 'https', 'mailto'].includes(name.replaceAll(/[\t\n\r]/g, '').toLowerCase())) {
          expect(isOpenableExternally(url)).toBe(false);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('decideNavigation', () => {
  const page = APP_PAGE_URL;

  it.each([
    // Reloading the workbench page itself is the one navigation that goes ahead.
    [page, 'allow'],
    // Links the user follows leave for the system's browser or mail program; the window stays.
    ['https://www.europol.europa.eu/report', 'open-externally'],
    ['http://example.com/', 'open-externally'],
    ['mailto:desk@example.org', 'open-externally'],
    // Everything else goes nowhere at all.
    ['app://margin/other.html', 'stay'],
    ['app://margin/index.html?x=1', 'stay'],
    ['app://evil/index.html', 'stay'],
    ['file:///etc/passwd', 'stay'],
    ['javascript:alert(1)', 'stay'],
    [' javascript:alert(1)', 'stay'],
    ['data:text/html,<script>alert(1)</script>', 'stay'],
    ['blob:app://margin/1', 'stay'],
    ['chrome://settings', 'stay'],
    ['devtools://devtools/bundled/inspector.html', 'stay'],
    ['view-source:https://example.com', 'stay'],
    ['about:blank', 'stay'],
    ['', 'stay'],
  ] as const)('%j → %s', (url, decision) => {
    expect(decideNavigation(url, page)).toBe(decision);
  });
});

describe('decideWindowOpen', () => {
  it.each([
    ['https://example.com/', 'open-externally'],
    ['mailto:desk@example.org', 'open-externally'],
    [APP_PAGE_URL, 'stay'],
    ['about:blank', 'stay'],
    ['javascript:alert(1)', 'stay'],
    ['file:///etc/passwd', 'stay'],
    ['data:text/html,x', 'stay'],
  ] as const)('%j → %s (and no window opens)', (url, decision) => {
    expect(decideWindowOpen(url)).toBe(decision);
  });
});

describe('isWorkbenchPage', () => {
  it.each([
    [APP_PAGE_URL, undefined, true],
    ['app://margin/index.html#section', undefined, true],
    ['app://margin/other.html', undefined, false],
    ['app://evil/index.html', undefined, false],
    ['file:///app/out/renderer/index.html', undefined, false],
    ['http://localhost:5173/', undefined, false],
    ['http://localhost:5173/', 'http://localhost:5173/', true],
    ['http://localhost:5174/', 'http://localhost:5173/', false],
    [APP_PAGE_URL, 'http://localhost:5173/', false],
    ['not a url', undefined, false],
  ] as const)('%j (development server %j) → %s', (url, developmentUrl, expected) => {
    expect(isWorkbenchPage(url, developmentUrl)).toBe(expected);
  });
});
