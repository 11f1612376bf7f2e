import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundlePath } from '../../../../shared/security/bundlePath';
import { isWindowsDeviceName } from '../../../../shared/security/windowsDeviceName';
import { PATH_PIECES } from '../../support/hostilePaths';

describe('bundlePath', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['//', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-4f2a.js', 'assets/index-4f2a.js'],
    ['//assets//index-4f2a.js', 'assets/index-4f2a.js'],
    ['/./assets/./app.css', 'assets/app.css'],
    ['/icon%20small.svg', 'icon small.svg'],
    // Decoded once: a doubly encoded dot is a file name made of '%', '2' and 'e', which is harmless.
    ['/%252e%252e/secret.txt', '%2e%2e/secret.txt'],
  ])('reads %j as %j', (urlPath, expected) => {
    expect(bundlePath(urlPath)).toBe(expected);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/..%2F..%2Fsecret.txt',
    '/..%5csecret.txt',
    '/%5c..%5csecret.txt',
    '/..\\secret.txt',
    '/\\\\server\\share\\secret.txt',
    '/%00',
    '/index.html%00.js',
    '/index.html\u0000',
    '/C:/Windows/win.ini',
    '/C%3A%5CWindows%5Cwin.ini',
    '/.. /secret.txt',
    '/.../secret.txt',
    '/. ./secret.txt',
    '/assets/%0a',
    '/%E0%A4%A',
    '/%',
    '/con',
    '/CON',
    '/nul.js',
    '/assets/aux.css',
    '/com1',
    '/lpt9.txt',
    '/prn .html',
  ])('refuses %j', (urlPath) => {
    expect(bundlePath(urlPath)).toBeNull();
  });

  it('never yields a path that climbs, names a drive or a device, or holds a separator other than "/"', () => {
    const urlPath = fc
      .array(fc.constantFrom(...PATH_PIECES), { maxLength: 12 })
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.oneof(urlPath, fc.string({ unit: 'binary', maxLength: 40 })), (path) => {
        const relative = bundlePath(path);
        if (relative === null) return;
        expect(relative).not.toMatch(/[\p{Cc}\\:]/u);
        expect(relative.startsWith('/')).toBe(false);
        for (const segment of relative.split('/')) {
          expect(segment).not.toBe('');
          expect(segment).not.toMatch(/^[. ]+$/);
          expect(isWindowsDeviceName(segment)).toBe(false);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
