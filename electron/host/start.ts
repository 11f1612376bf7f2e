import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { messageOf } from './cli/commands';
import { openWorkbench } from './cli/openWorkbench';
import { serveWorkbench } from './cli/serveWorkbench';
import { electronSqliteBinding, findElectronBinary } from './electronBinding';

// `npm start`: opens the desktop app, or — where no Electron binary can be had — says so in one
// sentence and serves the same workbench on a local address instead.

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const rendererDirectory = fileURLToPath(new URL('../renderer/', import.meta.url));
const requireHere = createRequire(import.meta.url);

async function start(): Promise<void> {
  const electron = findElectronBinary(projectRoot);
  const electronVersion = (requireHere('electron/package.json') as { version: string }).version;
  const binding = electron ? electronSqliteBinding(projectRoot, electronVersion) : null;
  if (electron && binding) {
    const child = spawn(electron, [projectRoot], {
      stdio: 'inherit',
      env: { ...process.env, MARGIN_SQLITE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const reason = electron
    ? 'SQLite could not be built for Electron here'
    : 'the Electron binary could not be downloaded on this machine';
  process.stdout.write(`Margin is opening in your browser instead of its own window, because ${reason}.\n`);
  await serveWorkbench(openWorkbench(undefined), rendererDirectory, {});
}

start().catch((error: unknown) => {
  process.stderr.write(`margin: ${messageOf(error)}\n`);
  process.exit(1);
});
