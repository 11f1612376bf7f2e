import { ApiError } from '../../../shared/api';
import { listBackups } from './backups';

/** The SQLite result codes that say something about the library file or its disk. */
const STORAGE_CODES = [
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_IOERR',
] as const;
type StorageCode = (typeof STORAGE_CODES)[number];

/** The primary SQLite code of an error from better-sqlite3 ("SQLITE_IOERR_WRITE" → "SQLITE_IOERR"). */
function storageCodeOf(error: unknown): StorageCode | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const primary = code.split('_').slice(0, 2).join('_');
  return (STORAGE_CODES as readonly string[]).includes(primary) ? (primary as StorageCode) : null;
}

/** What a person can do about a damaged library: its newest backup, if it has one. */
export function restoreAdvice(file: string): string {
  const backups = listBackups(file);
  const newest = backups[0];
  return newest
    ? `restore its newest backup with \`margin restore ${newest.name}\` (${backups.length} kept), or start a fresh library elsewhere with --db`
    : 'it has no backup to restore, so start a fresh library elsewhere with --db and import the articles again';
}

/**
 * A library that cannot be opened as it is: damaged, or gone with its log left behind. Only for
 * this is restoring a backup or starting afresh the answer (a full disk or a locked file is not).
 */
export class DamagedLibraryError extends ApiError {
  constructor(message: string) {
    super('storage', message);
  }
}

/** The error for a library file that is not a whole SQLite database. It is left as it is. */
export function damagedLibrary(file: string, reason: string): ApiError {
  // SQLite's checks answer over several lines, marked with the schema's name.
  const said = reason
    .replaceAll(/\*\*\* in database \w+ \*\*\*/g, '')
    .replaceAll(/\s+/g, ' ')
    .trim();
  return new DamagedLibraryError(
    `The library at ${file} is damaged (${said}) and was left as it is; ${restoreAdvice(file)}.`,
  );
}

/**
 * The error for a library whose file is gone but whose write-ahead log is still there: opening
 * would start an empty library and might replay that log into it.
 */
export function orphanLog(file: string): ApiError {
  return new DamagedLibraryError(
    `The library at ${file} is missing but its write-ahead log (${file}-wal) is still there, so nothing was opened; ${restoreAdvice(file)}, or move the log away.`,
  );
}

/**
 * One sentence for an error the library's storage raised while working, or null when the error
 * is not about storage. Each says that nothing was saved, since SQLite rolled the change back.
 */
export function storageError(error: unknown, file: string): ApiError | null {
  const code = storageCodeOf(error);
  const reason = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'SQLITE_FULL':
      return new ApiError(
        'storage',
        `The disk holding the library is full, so this change was not saved; free some space and Margin saves it again.`,
      );
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return new ApiError(
        'storage',
        `Margin cannot write to the library at ${file} (${reason}), so this change was not saved; make the file and its folder writable.`,
      );
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return damagedLibrary(file, reason);
    case 'SQLITE_IOERR':
      return new ApiError(
        'storage',
        `The disk reported an error while writing the library (${reason}), so this change was not saved; check the disk, then try again.`,
      );
    default:
      return null;
  }
}
