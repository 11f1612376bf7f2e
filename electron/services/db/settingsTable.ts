import type Database from 'better-sqlite3';

/** The `settings` table: small named values such as the last opened document. */
export class SettingsTable {
  private readonly getStatement: Database.Statement<[string], { value: string }>;
  private readonly setStatement: Database.Statement<[string, string]>;
  private readonly removeStatement: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.getStatement = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.setStatement = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.removeStatement = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  /** A setting's value, or undefined when it was never set. */
  get(key: string): string | undefined {
    return this.getStatement.get(key)?.value;
  }

  /** Sets a setting. */
  set(key: string, value: string): void {
    this.setStatement.run(key, value);
  }

  /** Forgets a setting. */
  remove(key: string): void {
    this.removeStatement.run(key);
  }
}
