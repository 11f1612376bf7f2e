import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import { type Migration, migrations, SCHEMA_VERSION } from './migrations';

/** The error for a library written by a newer Margin: it is refused and left as it is. */
export function newerVersionError(found: number): ApiError {
  return new ApiError(
    'unsupported',
    `This library was written by a newer version of Margin (schema ${found}, this one reads up to ${SCHEMA_VERSION}); update Margin to open it — the file was left untouched.`,
  );
}

/**
 * Brings a database up to the current schema. Each migration runs in its own transaction together
 * with the `user_version` bump, so an interrupted upgrade leaves the database at N-1 or N.
 */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = list.at(-1)?.version ?? 0;
  if (current > latest) throw newerVersionError(current);
  for (const migration of list) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
