import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api';
import { startWebHost } from '../http/startWebHost';
import type { OpenedWorkbench } from './openWorkbench';
import { printJson, printLine } from './output';

/**
 * `margin serve [--port N]`: serves the workbench on 127.0.0.1 until interrupted.
 * `staticDirectory` is the built renderer; entry points pass it, since only they know where the
 * bundle put them (shared code ends up in chunks elsewhere).
 */
export async function serveWorkbench(
  opened: OpenedWorkbench,
  staticDirectory: string,
  options: { port?: string; json?: boolean },
): Promise<void> {
  if (!existsSync(join(staticDirectory, 'index.html'))) {
    throw new ApiError(
      'unsupported',
      'The workbench has not been built yet; run `npm run build` in the Margin folder first.',
    );
  }
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ApiError(
      'invalid-input',
      `"${options.port}" is not a port number; give one from 1 to 65535, or 0 for any.`,
    );
  }
  const host = await startWebHost({ services: opened.workbench, staticDirectory, port });
  if (options.json) {
    printJson({ url: host.url, port: host.port, token: host.token, database: opened.databasePath });
  } else {
    printLine(`Margin is serving the workbench at ${host.url}`);
    printLine(`Library: ${opened.databasePath}. Press Ctrl+C to stop.`);
  }
  const stop = async () => {
    await host.close();
    opened.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
