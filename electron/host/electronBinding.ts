import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const requireHere = createRequire(import.meta.url);

/**
 * The path of the Electron binary, fetching it on first use as the electron package does, or
 * null when it cannot be had (no network to its download site, unsupported platform).
 */
export function findElectronBinary(projectRoot: string): string | null {
  // The electron package resolves (and on first use downloads) its binary when required; that runs
  // in a child process, named by argument, so this file stays one that never loads Electron itself.
  const result = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(require(process.argv[1]))', 'electron'],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 10 * 60_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const path = result.status === 0 ? result.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

/**
 * A better-sqlite3 native module built for Electron's ABI, kept apart from node_modules' own
 * (built for Node, which the CLI and tests use) so neither breaks the other. Built once, with
 * the module's prebuilt binary when one is published, else compiled against Electron's headers.
 */
export function electronSqliteBinding(projectRoot: string, electronVersion: string): string | null {
  const packageDirectory = dirname(
    requireHere.resolve('better-sqlite3/package.json', { paths: [projectRoot] }),
  );
  const buildDirectory = join(
    projectRoot,
    'node_modules',
    '.margin-electron',
    `better-sqlite3-electron-${electronVersion}`,
  );
  const binding = join(buildDirectory, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  mkdirSync(dirname(buildDirectory), { recursive: true });
  cpSync(packageDirectory, buildDirectory, {
    recursive: true,
    filter: (source) => !source.includes(`${join('build', 'Release')}`),
  });
  const environment = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion };
  const prebuilt = spawnSync(
    process.execPath,
    [
      requireHere.resolve('prebuild-install/bin.js', { paths: [packageDirectory] }),
      '--runtime',
      'electron',
      '--target',
      electronVersion,
    ],
    { cwd: buildDirectory, stdio: 'inherit', env: environment },
  );
  if (prebuilt.status !== 0 && process.env.npm_config_node_gyp) {
    spawnSync(
      process.execPath,
      [
        process.env.npm_config_node_gyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: buildDirectory, stdio: 'inherit', env: environment },
    );
  }
  return existsSync(binding) ? binding : null;
}
