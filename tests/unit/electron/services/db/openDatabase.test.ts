import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/services/db/migrate';
import { type Migration, migrations, SCHEMA_VERSION } from '../../../../../electron/services/db/migrations';
import { openDatabase } from '../../../../../electron/services/db/openDatabase';
import { ApiError } from '../../../../../shared/api';
import { useTemporaryFolder } from '../../../support/temporaryFolder';

const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  const temporaryFolder = useTemporaryFolder();

  it('creates a library with WAL, synchronous FULL and foreign keys, at the current schema', () => {
    const file = join(temporaryFolder(), 'nested', 'margin.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a library from a newer Margin and leaves its file byte for byte as it was', () => {
    const file = join(temporaryFolder(), 'newer.db');
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x)');
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const before = hashOf(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/newer version of Margin/);
    expect(hashOf(file)).toBe(before);
  });

  it('refuses a file that is not a SQLite database with one sentence', () => {
    const file = join(temporaryFolder(), 'not-a-db.db');
    writeFileSync(file, 'this is not a database, just text '.repeat(200));
    expect(() => openDatabase(file)).toThrow(/is damaged \(file is not a database\) and was left as it is/);
  });
});

describe('migrate', () => {
  it('applies each migration with its version bump in one transaction, so a failing one leaves N-1', () => {
    const db = new Database(':memory:');
    const good: Migration = { version: 1, name: 'good', sql: 'CREATE TABLE a (x);' };
    const bad: Migration = {
      version: 2,
      name: 'bad',
      sql: 'CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);',
    };
    expect(() => migrate(db, [good, bad])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'b'").pluck().get()).toBe(0);
    db.close();
  });

  it('leaves the database at N-1 when any real migration is interrupted after any of its statements', () => {
    /** The schema as SQLite lists it, and the version: what an interrupted upgrade must not change. */
    const shape = (db: Database.Database) => ({
      version: db.pragma('user_version', { simple: true }),
      schema: db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all(),
    });
    let interruptions = 0;
    migrations.forEach((migration, index) => {
      // The migration's statements, one by one (none of Margin's has a semicolon inside one).
      const statements = migration.sql
        .split(';')
        .map((statement) => statement.trim())
        .filter(Boolean);
      for (let done = 0; done <= statements.length; done++) {
        const db = new Database(':memory:');
        migrate(db, migrations.slice(0, index));
        const before = shape(db);
        // Stops after `done` statements, as a crash or a full disk would.
        const interrupted: Migration = {
          ...migration,
          sql: [...statements.slice(0, done), 'INSERT INTO interrupted_here VALUES (1)'].join(';\n'),
        };
        expect(() => migrate(db, [...migrations.slice(0, index), interrupted])).toThrow();
        expect(shape(db)).toEqual(before);
        // And the real migration still applies afterwards.
        migrate(db, migrations.slice(0, index + 1));
        expect(db.pragma('user_version', { simple: true })).toBe(migration.version);
        db.close();
        interruptions += 1;
      }
    });
    expect(interruptions).toBeGreaterThan(migrations.length * 2);
  });
});
