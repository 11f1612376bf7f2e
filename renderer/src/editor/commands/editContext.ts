/** What commands that create or change annotations need from outside the editor. */
export interface EditContext {
  /** The current time as an ISO 8601 string. */
  now: () => string;
  /** A new UUID. */
  newId: () => string;
  /** The name written on new comments. */
  author: string;
}

/** The edit context of a running app: the clock and the platform's UUIDs. */
export function systemEditContext(author: string): EditContext {
  return { now: () => new Date().toISOString(), newId: () => crypto.randomUUID(), author };
}
