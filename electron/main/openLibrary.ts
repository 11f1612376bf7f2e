import { dialog } from 'electron';
import { listBackups, moveAside, restoreBackup } from '../services/db/backups';
import { LibraryStore } from '../services/db/libraryStore';
import type { OpenDatabaseOptions } from '../services/db/openDatabase';
import { DamagedLibraryError } from '../services/db/storageErrors';

const RESTORE = 'Restore the newest backup';
const START_AFRESH = 'Start a new library';
const QUIT = 'Quit';

/**
 * Opens the library. When it is damaged (and only then), the user chooses: restore its newest
 * backup, start a new library (the damaged files are kept in the backups folder), or quit. Any
 * other failure (a newer version's library, a full disk, a locked file) is only explained, since
 * neither choice would help. Returns null to quit.
 */
export async function openLibrary(file: string, options: OpenDatabaseOptions): Promise<LibraryStore | null> {
  for (;;) {
    try {
      return LibraryStore.open(file, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof DamagedLibraryError)) {
        dialog.showErrorBox('Margin cannot open your library', message);
        return null;
      }
      try {
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
        if (choice === RESTORE && newest) await restoreBackup(file, newest.name, new Date(), options);
        else if (choice === START_AFRESH) moveAside(file, new Date());
        else return null;
      } catch (failure) {
        dialog.showErrorBox('Margin could not do that', (failure as Error).message);
        return null;
      }
    }
  }
}
