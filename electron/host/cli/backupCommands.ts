import { listBackups, restoreBackup } from '../../services/db/backups';
import { printJson, printLine } from './output';

/** `margin backups`: the library's snapshots, newest first. */
export function listLibraryBackups(libraryFile: string, options: { json?: boolean }): number {
  const backups = listBackups(libraryFile);
  if (options.json) {
    printJson(backups.map(({ path: _path, ...backup }) => backup));
  } else if (backups.length === 0) {
    printLine(
      'This library has no backups yet; one is taken each day it is opened, and before each upgrade.',
    );
  } else {
    for (const backup of backups) {
      printLine(`${backup.name}  ${backup.reason}  ${(backup.bytes / 1024).toFixed(0)} KB`);
    }
  }
  return 0;
}

/**
 * `margin restore BACKUP`: puts a snapshot back, after snapshotting the library as it is. Run it
 * while Margin is closed: a window that still holds the library would show what it had read.
 */
export async function restoreLibraryBackup(libraryFile: string, name: string): Promise<number> {
  const { undo, damagedCopy } = await restoreBackup(libraryFile, name, new Date());
  if (undo)
    printLine(`Restored ${name}. The library as it was is kept as ${undo.name}; restore that to undo.`);
  else if (damagedCopy)
    printLine(`Restored ${name}. The damaged library was moved, as it was, to ${damagedCopy}.`);
  else printLine(`Restored ${name}.`);
  return 0;
}
