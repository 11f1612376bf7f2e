import { ApiError, type BackupSummary, type ServiceImplementation } from '../../shared/api';
import { type Backup, listBackups } from './db/backups';
import type { LibraryStore } from './db/libraryStore';

/**
 * The library's snapshots, from inside the app: list them, take one, put one back. Only the
 * snapshots in the library's own backups folder can be restored, by name; a path is refused, so
 * the page can never make the app read a file of its choosing as a library.
 */
export class BackupsService implements ServiceImplementation<'backups'> {
  constructor(
    private readonly store: LibraryStore,
    private readonly now: () => Date,
  ) {}

  list(): BackupSummary[] {
    return listBackups(this.libraryFile()).map(summary);
  }

  take(): BackupSummary {
    return summary(this.store.backup('manual', this.now()));
  }

  /**
   * Restores while the library is open: the snapshot's pages are copied into the library through
   * SQLite's backup API, so this connection reads the restored library from its next statement.
   */
  async restore({ name }: { name: string }): Promise<{ undo: BackupSummary }> {
    const backup = listBackups(this.libraryFile()).find((candidate) => candidate.name === name);
    if (!backup) {
      throw new ApiError(
        'not-found',
        `There is no backup called ${name} in this library's backups folder; choose one from the list.`,
      );
    }
    return { undo: summary(await this.store.restore(backup, this.now())) };
  }

  private libraryFile(): string {
    if (this.store.file === ':memory:' || this.store.file === '') {
      throw new ApiError('storage', 'This library lives in memory only, so it has no backups.');
    }
    return this.store.file;
  }
}

function summary({ path: _path, ...backup }: Backup): BackupSummary {
  return backup;
}
