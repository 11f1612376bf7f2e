import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appRequestPath } from '../../../../electron/main/appOrigin';
import { bundleFile } from '../../../../electron/services/bundleFile';
import { PATH_PIECES } from '../../support/hostilePaths';
import { useTemporaryFolder } from '../../support/temporaryFolder';

const SECRET = 'outside the bundle';

/** A built renderer in a folder, with secrets beside it: one in the parent, one in a look-alike sibling. */
function bundleBesideSecrets(folder: string): string {
  const root = join(folder, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(folder, 'secret.txt'), SECRET);
  mkdirSync(join(folder, 'renderer-evil'));
  writeFileSync(join(folder, 'renderer-evil', 'secret.txt'), SECRET);
  return root;
}

function isInside(root: string, file: string): boolean {
  const path = relative(root, file);
  return path !== '' && !isAbsolute(path) && path.split(sep)[0] !== '..';
}

function readIfFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

describe('bundleFile', () => {
  const temporaryFolder = useTemporaryFolder();

  it('finds the bundle’s files', () => {
    const root = bundleBesideSecrets(temporaryFolder());
    expect(bundleFile(root, '/')).toBe(join(root, 'index.html'));
    expect(bundleFile(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(bundleFile(root, '/../renderer-evil/secret.txt')).toBeNull();
  });

  it('never reaches a file outside the bundle, whatever path a request carries', () => {
    const root = bundleBesideSecrets(temporaryFolder());
    const urlPath = fc.array(fc.constantFrom(...PATH_PIECES, 'renderer', 'renderer-evil'), { maxLength: 10 });
    fc.assert(
      fc.property(urlPath, (pieces) => {
        const file = bundleFile(root, pieces.join(''));
        if (file === null) return;
        expect(isInside(root, file)).toBe(true);
        expect(readIfFile(file)).not.toBe(SECRET);
      }),
      { numRuns: 5_000 },
    );
  });

  it('serves app:// requests only for the app’s host, and only from inside the bundle', () => {
    const root = bundleBesideSecrets(temporaryFolder());
    const resolveRequest = (url: string): string | null => {
      const path = appRequestPath(url);
      return path === null ? null : bundleFile(root, path);
    };
    expect(resolveRequest('app://margin/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRequest('app://margin/')).toBe(join(root, 'index.html'));
    expect(resolveRequest('app://evil/index.html')).toBeNull();
    expect(resolveRequest('app://margin.evil/index.html')).toBeNull();
    expect(resolveRequest('file:///etc/passwd')).toBeNull();
    expect(resolveRequest('https://margin/index.html')).toBeNull();
    const url = fc
      .array(fc.constantFrom(...PATH_PIECES), { maxLength: 10 })
      .map((pieces) => `app://margin/${pieces.join('')}`);
    fc.assert(
      fc.property(url, (address) => {
        const file = resolveRequest(address);
        if (file === null) return;
        expect(isInside(root, file)).toBe(true);
        expect(readIfFile(file)).not.toBe(SECRET);
      }),
      { numRuns: 3_000 },
    );
  });
});
