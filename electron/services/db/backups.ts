import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import { SCHEMA_VERSION } from './migrations';

/** How many snapshots are kept; the oldest go first. */
export const KEPT_BACKUPS = 7;

/** A page count larger than any library: a backup step told to copy it copies everything left. */
const ALL_PAGES = 2 ** 30;

/** Why a snapshot was taken. */
export type BackupReason = 'daily' | 'before-upgrade' | 'before-restore' | 'manual';

/** One snapshot of a library. */
export interface Backup {
  /** Its file name in the backups folder, which says when and why it was taken. */
  name: string;
  path: string;
  takenAt: string;
  reason: BackupReason;
  bytes: number;
}

const NAME = /^margin-(\d{8}T\d{6}(?:\d{3})?Z)-(daily|before-upgrade|before-restore|manual)\.db$/;

/** The folder a library's snapshots go to: `backups` beside the library file. */
export function backupFolderOf(libraryFile: string): string {
  return join(dirname(libraryFile), 'backups');
}

/**
 * Takes a snapshot of an open library with `VACUUM INTO`: one consistent copy, read in a single
 * transaction, so writes from other connections may go on meanwhile (the live file is never
 * copied). Keeps the newest `KEPT_BACKUPS`. Returns the new snapshot.
 */
export function takeBackup(
  db: Database.Database,
  libraryFile: string,
  reason: BackupReason,
  now: Date,
): Backup {
  const folder = backupFolderOf(libraryFile);
  mkdirSync(folder, { recursive: true });
  const stamp = now.toISOString().replaceAll(/[-:.]/g, '');
  const path = join(folder, `margin-${stamp}-${reason}.db`);
  db.prepare('VACUUM INTO ?').run(path);
  pruneBackups(libraryFile, KEPT_BACKUPS);
  return backupAt(path)!;
}

/** Takes the day's snapshot unless one was taken today (by the clock of `now`, in UTC). */
export function takeDailyBackup(db: Database.Database, libraryFile: string, now: Date): Backup | null {
  const today = now.toISOString().slice(0, 10);
  if (listBackups(libraryFile).some((backup) => backup.takenAt.slice(0, 10) === today)) return null;
  return takeBackup(db, libraryFile, 'daily', now);
}

/** A library's snapshots, newest first. */
export function listBackups(libraryFile: string): Backup[] {
  const folder = backupFolderOf(libraryFile);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => backupAt(join(folder, name)))
    .filter((backup) => backup !== null)
    .sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** Removes all but the newest `keep` snapshots. */
export function pruneBackups(libraryFile: string, keep: number): void {
  for (const old of listBackups(libraryFile).slice(keep)) rmSync(old.path, { force: true });
}

/** What a restore did with the library it replaced. */
export interface RestoreOutcome {
  /** A snapshot of the library as it was (restore it to undo), or null when it was damaged. */
  undo: Backup | null;
  /** Where a damaged library was moved, kept as it was; null when it was whole or absent. */
  damagedCopy: string | null;
}

/**
 * Puts a snapshot's contents back into the library. A whole library is snapshotted first, so
 * the restore can itself be undone; a damaged one (the usual reason to restore) cannot be read
 * to snapshot, so its files are moved aside into the backups folder, as they were. The copy
 * goes through SQLite's backup API into the library file, page by page under SQLite's own locks,
 * never by copying files over a live database. `backupName` is a snapshot's name or a path to
 * any Margin library file.
 */
export async function restoreBackup(
  libraryFile: string,
  backupName: string,
  now: Date,
): Promise<RestoreOutcome> {
  const chosen =
    listBackups(libraryFile).find((backup) => backup.name === backupName) ??
    (existsSync(backupName) ? { path: backupName } : undefined);
  if (!chosen) {
    throw new ApiError(
      'not-found',
      `There is no backup called ${backupName}; \`margin backups\` lists the ones there are.`,
    );
  }
  const source = openReadable(chosen.path);
  try {
    const outcome = setAside(libraryFile, now);
    // In as few steps as SQLite allows, so the library is replaced while the app waits.
    await source.backup(libraryFile, { progress: () => ALL_PAGES });
    return outcome;
  } finally {
    source.close();
  }
}

/**
 * Snapshots the library before a restore, or moves it aside when it is too damaged to read or
 * when only its write-ahead log is left (which SQLite would otherwise replay into the restore).
 */
function setAside(libraryFile: string, now: Date): RestoreOutcome {
  if (!existsSync(libraryFile)) {
    const orphanLog = existsSync(`${libraryFile}-wal`);
    return { undo: null, damagedCopy: orphanLog ? moveAside(libraryFile, now) : null };
  }
  let library: Database.Database | undefined;
  try {
    library = new Database(libraryFile, { fileMustExist: true });
    if (library.pragma('quick_check(1)', { simple: true }) === 'ok') {
      return { undo: takeBackup(library, libraryFile, 'before-restore', now), damagedCopy: null };
    }
  } catch {
    // Not readable as a database: moved aside below.
  } finally {
    library?.close();
  }
  return { undo: null, damagedCopy: moveAside(libraryFile, now) };
}

/**
 * Moves a library's files (the database, its write-ahead log and shared memory, whichever exist)
 * into the backups folder as `damaged-<time>.db`, as they are, and returns that path. For a
 * library that cannot be opened, so a fresh or restored one can take its place.
 */
export function moveAside(libraryFile: string, now: Date): string {
  const folder = backupFolderOf(libraryFile);
  mkdirSync(folder, { recursive: true });
  const damagedCopy = join(folder, `damaged-${now.toISOString().replaceAll(/[-:.]/g, '')}.db`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(libraryFile + suffix)) renameSync(libraryFile + suffix, damagedCopy + suffix);
  }
  return damagedCopy;
}

/** Opens a snapshot read-only, refusing a file that is not a whole SQLite database. */
function openReadable(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`its integrity check says ${integrity}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error('it was written by a newer version of Margin');
    return db;
  } catch (error) {
    db?.close();
    throw new ApiError(
      'invalid-input',
      `${basename(path)} cannot be restored (${error instanceof Error ? error.message : String(error)}); choose another backup.`,
    );
  }
}

function backupAt(path: string): Backup | null {
  const name = basename(path);
  const match = NAME.exec(name);
  if (!match) return null;
  const [, stamp, reason] = match as unknown as [string, string, BackupReason];
  const takenAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18) || '000'}Z`;
  return { name, path, takenAt, reason, bytes: statSync(path).size };
}
