import type Database from 'better-sqlite3';

/** The `originals` table: the bytes of every imported file, once per content, by their SHA-256. */
export class OriginalsTable {
  private readonly insertStatement: Database.Statement<[string, Uint8Array]>;
  private readonly getStatement: Database.Statement<[string], { bytes: Buffer }>;
  private readonly pruneStatement: Database.Statement<[]>;

  constructor(db: Database.Database) {
    this.insertStatement = db.prepare(
      'INSERT INTO originals (hash, bytes) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING',
    );
    this.getStatement = db.prepare('SELECT bytes FROM originals WHERE hash = ?');
    this.pruneStatement = db.prepare(
      'DELETE FROM originals WHERE hash NOT IN (SELECT source_hash FROM documents WHERE source_hash IS NOT NULL)',
    );
  }

  /** Keeps a file's bytes under their hash; the same bytes are kept once. */
  keep(hash: string, bytes: Uint8Array): void {
    this.insertStatement.run(hash, bytes);
  }

  /** The bytes kept under this hash, or undefined. */
  get(hash: string): Uint8Array | undefined {
    const row = this.getStatement.get(hash);
    return row ? new Uint8Array(row.bytes) : undefined;
  }

  /** Drops the files no document names any more. */
  prune(): void {
    this.pruneStatement.run();
  }
}
