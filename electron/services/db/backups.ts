import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import { migrate } from './migrate';
import { SCHEMA_VERSION } from './migrations';

/** How many snapshots of each kind are kept; the oldest go first. */
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
 * copied). Keeps the newest `KEPT_BACKUPS` of each kind, and never the snapshot named `spare`
 * (one about to be restored). Returns the new snapshot.
 */
export function takeBackup(
  db: Database.Database,
  libraryFile: string,
  reason: BackupReason,
  now: Date,
  spare?: string,
): Backup {
  const folder = backupFolderOf(libraryFile);
  mkdirSync(folder, { recursive: true });
  const stamp = now.toISOString().replaceAll(/[-:.]/g, '');
  const path = join(folder, `margin-${stamp}-${reason}.db`);
  db.prepare('VACUUM INTO ?').run(path);
  pruneBackups(libraryFile, KEPT_BACKUPS, spare);
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

/**
 * Removes all but the newest `keep` snapshots of each kind, so snapshots taken by hand or before
 * restores never push out the daily ones or the one before an upgrade; `spare` is never removed.
 */
export function pruneBackups(libraryFile: string, keep: number, spare?: string): void {
  const seen = new Map<BackupReason, number>();
  for (const backup of listBackups(libraryFile)) {
    const count = (seen.get(backup.reason) ?? 0) + 1;
    seen.set(backup.reason, count);
    if (count > keep && backup.name !== spare) rmSync(backup.path, { force: true });
  }
}

/** How the SQLite driver is loaded: the desktop app passes the build made for Electron. */
export interface DriverOptions {
  nativeBinding?: string;
}

/** What a restore did with the library it replaced. */
export interface RestoreOutcome {
  /** A snapshot of the library as it was (restore it to undo), or null when it was damaged. */
  undo: Backup | null;
  /** Where a damaged library was moved, kept as it was; null when it was whole or absent. */
  damagedCopy: string | null;
}

/**
 * Puts a snapshot's contents back into a library that is not open (the command line, or the
 * desktop app before it opens one). A whole library is snapshotted first, so the restore can
 * itself be undone, and the restore stops if that snapshot cannot be taken; a damaged one (the
 * usual reason to restore) cannot be read to snapshot, so its files are moved aside into the
 * backups folder, as they were. The copy goes through SQLite's backup API into the library file,
 * page by page under SQLite's own locks, never by copying files over a live database.
 * `backupName` is a snapshot's name or a path to any Margin library file.
 */
export async function restoreBackup(
  libraryFile: string,
  backupName: string,
  now: Date,
  driver: DriverOptions = {},
): Promise<RestoreOutcome> {
  const chosen =
    listBackups(libraryFile).find((backup) => backup.name === backupName) ??
    (existsSync(backupName) ? { name: basename(backupName), path: backupName } : undefined);
  if (!chosen) {
    throw new ApiError(
      'not-found',
      `There is no backup called ${backupName}; \`margin backups\` lists the ones there are.`,
    );
  }
  const source = openReadable(chosen.path, driver);
  try {
    const outcome = setAside(libraryFile, now, driver, chosen.name);
    await copyInto(source, libraryFile);
    return outcome;
  } finally {
    source.close();
  }
}

/**
 * Puts one of the library's snapshots back while the library is open on `db`: the library as it
 * is is snapshotted first (the restore stops if that fails), the snapshot's pages are copied in
 * through SQLite's backup API, and an older snapshot is then migrated on the same connection, so
 * the running app reads the restored library from its next statement. Returns the undo snapshot.
 */
export async function restoreIntoOpenLibrary(
  db: Database.Database,
  libraryFile: string,
  backup: Backup,
  now: Date,
  driver: DriverOptions = {},
): Promise<Backup> {
  const source = openReadable(backup.path, driver);
  let undo: Backup;
  try {
    undo = takeBackup(db, libraryFile, 'before-restore', now, backup.name);
    await copyInto(source, libraryFile);
  } finally {
    source.close();
  }
  migrate(db);
  return undo;
}

/** Copies a whole database into a library file, in as few steps as SQLite allows. */
async function copyInto(source: Database.Database, libraryFile: string): Promise<void> {
  await source.backup(libraryFile, { progress: () => ALL_PAGES });
}

/**
 * Snapshots a closed library before a restore, or moves it aside when it is too damaged to read
 * or when only its write-ahead log is left (which SQLite would otherwise replay into the
 * restore). A failure to take the snapshot stops the restore: a whole library is never moved.
 */
function setAside(libraryFile: string, now: Date, driver: DriverOptions, spare: string): RestoreOutcome {
  if (!existsSync(libraryFile)) {
    const orphanLog = existsSync(`${libraryFile}-wal`);
    return { undo: null, damagedCopy: orphanLog ? moveAside(libraryFile, now) : null };
  }
  let library: Database.Database | undefined;
  try {
    library = new Database(libraryFile, { fileMustExist: true, ...driver });
    if (library.pragma('quick_check(1)', { simple: true }) !== 'ok') library = closed(library);
  } catch {
    library = closed(library);
  }
  if (!library) return { undo: null, damagedCopy: moveAside(libraryFile, now) };
  try {
    return { undo: takeBackup(library, libraryFile, 'before-restore', now, spare), damagedCopy: null };
  } finally {
    library.close();
  }
}

/** Closes a connection that turned out to be of no use; undefined, to say there is none. */
function closed(db: Database.Database | undefined): undefined {
  db?.close();
  return undefined;
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
function openReadable(path: string, driver: DriverOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...driver });
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
