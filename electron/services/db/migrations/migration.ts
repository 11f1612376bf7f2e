/** One numbered schema change. Shipped migrations are never edited: a change is a new migration. */
export interface Migration {
  /** The `user_version` the database has once this migration is applied. */
  version: number;
  name: string;
  sql: string;
}
