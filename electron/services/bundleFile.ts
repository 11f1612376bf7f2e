import { resolve, sep } from 'node:path';
import { bundlePath } from '../../shared/security/bundlePath';

/**
 * The absolute path of the built renderer's file that `urlPath` asks for, inside `root`, or null
 * when it would escape it. The URL path is resolved by `bundlePath`, and the joined path is
 * checked to lie inside the root once more.
 */
export function bundleFile(root: string, urlPath: string): string | null {
  const relative = bundlePath(urlPath);
  if (relative === null) return null;
  const base = resolve(root);
  const target = resolve(base, ...relative.split('/'));
  return target.startsWith(base + sep) ? target : null;
}
