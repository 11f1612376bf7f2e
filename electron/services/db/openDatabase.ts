import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import { takeBackup } from './backups';
import { migrate, newerVersionError } from './migrate';
import { SCHEMA_VERSION } from './migrations';
import { damagedLibrary, orphanLog, storageError } from './storageErrors';

/** How to open a library database. */
export interface OpenDatabaseOptions {
  /**
   * Path of a better-sqlite3 native module built for this runtime. Electron passes its own build,
   * since node_modules holds the one compiled for Node.
   */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) a library database and brings it to the current schema: WAL with
 * `synchronous=FULL` so a committed write survives a crash, foreign keys on. A database written
 * by a newer Margin is refused before anything is written to it; one from an older Margin is
 * snapshotted (see backups.ts) before it is upgraded.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (file !== ':memory:' && existsSync(file)) checkBeforeOpening(file, driverOptions);
  else if (file !== ':memory:' && existsSync(`${file}-wal`)) throw orphanLog(file);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, driverOptions);
  } catch (error) {
    throw cannotOpen(file, error);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    // An upgrade keeps a snapshot of the library as it was, in case the new version disappoints.
    if (file !== ':memory:' && version > 0 && version < SCHEMA_VERSION) {
      takeBackup(db, file, 'before-upgrade', new Date());
    }
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof ApiError) throw error;
    throw cannotOpen(file, error);
  }
}

/**
 * Reads the schema version and checks the file's structure through a read-only connection, so a
 * newer or damaged library is refused with its file unchanged.
 */
function checkBeforeOpening(file: string, driverOptions: { nativeBinding?: string }): void {
  let version: number;
  let check: unknown;
  try {
    const reader = new Database(file, { ...driverOptions, readonly: true, fileMustExist: true });
    try {
      version = reader.pragma('user_version', { simple: true }) as number;
      check = reader.pragma('quick_check(1)', { simple: true });
    } finally {
      reader.close();
    }
  } catch (error) {
    throw cannotOpen(file, error);
  }
  if (version > SCHEMA_VERSION) throw newerVersionError(version);
  if (check !== 'ok') throw damagedLibrary(file, String(check));
}

function cannotOpen(file: string, error: unknown): ApiError {
  const storage = storageError(error, file);
  if (storage) return storage;
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiError(
    'unsupported',
    `Margin cannot open the library at ${file} (${reason}); check that it is a Margin library and that you may write to its folder.`,
  );
}
