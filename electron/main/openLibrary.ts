import { dialog } from 'electron';
import { ApiError } from '../../shared/api';
import { listBackups, moveAside, restoreBackup } from '../services/db/backups';
import { LibraryStore } from '../services/db/libraryStore';
import type { OpenDatabaseOptions } from '../services/db/openDatabase';

const RESTORE = 'Restore the newest backup';
const START_AFRESH = 'Start a new library';
const QUIT = 'Quit';

/**
 * Opens the library. When it is damaged, the user chooses: restore its newest backup, start a
 * new library (the damaged files are kept in the backups folder), or quit. A library Margin
 * must not touch (one from a newer version) is only explained. Returns null to quit.
 */
export async function openLibrary(file: string, options: OpenDatabaseOptions): Promise<LibraryStore | null> {
  for (;;) {
    try {
      return LibraryStore.open(file, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof ApiError) || error.code !== 'storage') {
        dialog.showErrorBox('Margin cannot open your library', message);
        return null;
      }
      const newest = listBackups(file)[0];
      const buttons = newest ? [RESTORE, START_AFRESH, QUIT] : [START_AFRESH, QUIT];
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'Margin',
        message: 'Your library could not be opened, and was left as it is.',
        detail: message,
        buttons,
        defaultId: 0,
        cancelId: buttons.length - 1,
        noLink: true,
      });
      const choice = buttons[response];
      if (choice === QUIT || choice === undefined) return null;
      try {
        if (choice === RESTORE && newest) await restoreBackup(file, newest.name, new Date());
        else moveAside(file, new Date());
      } catch (failure) {
        dialog.showErrorBox('Margin could not do that', (failure as Error).message);
      }
    }
  }
}
