import { homedir } from 'node:os';
import { join } from 'node:path';

/** The application's folder name under the platform's data folder (Electron's `userData`). */
export const APP_FOLDER = 'Margin';

/**
 * Where the desktop app keeps its library: Electron's `userData` folder, computed here without
 * Electron so the CLI and `margin serve` open the very same file by default.
 */
export function defaultDatabasePath(
  environment: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  return join(userDataDirectory(environment, platform), 'margin.db');
}

/** The platform's per-user application data folder for Margin. */
export function userDataDirectory(
  environment: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32')
    return join(environment.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(environment.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_FOLDER);
}
