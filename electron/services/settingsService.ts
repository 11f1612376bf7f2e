import { userInfo } from 'node:os';
import { type ServiceImplementation, Settings, type SettingsChanges } from '../../shared/api';
import type { LibraryStore } from './db/libraryStore';

const DEFAULTS = { theme: 'system', zoom: 1, readingWidth: 'comfortable' } as const;

/** Preferences kept in the library: the author name, the look of the reader, the last document. */
export class SettingsService implements ServiceImplementation<'settings'> {
  constructor(private readonly store: LibraryStore) {}

  /**
   * The name written on comments. Read on every save, so it reads one setting and not them all.
   */
  authorName(): string {
    return this.store.settings.get('authorName') ?? accountName();
  }

  /**
   * The current settings, with the account's user name as the author until one is set. A stored
   * value this build cannot read (written by hand, or by a later version) falls back to its default.
   */
  get(): Settings {
    const stored = this.store.settings;
    const zoom = Number(stored.get('zoom') ?? DEFAULTS.zoom);
    const candidate = {
      authorName: stored.get('authorName') ?? accountName(),
      lastDocumentId: stored.get('lastDocumentId') ?? null,
      theme: stored.get('theme') ?? DEFAULTS.theme,
      zoom,
      readingWidth: stored.get('readingWidth') ?? DEFAULTS.readingWidth,
    };
    const parsed = Settings.safeParse(candidate);
    if (parsed.success) return parsed.data;
    const fallback = { ...candidate };
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof typeof DEFAULTS | 'authorName' | 'lastDocumentId';
      if (field === 'authorName') fallback.authorName = accountName();
      else if (field === 'lastDocumentId') fallback.lastDocumentId = null;
      else Object.assign(fallback, { [field]: DEFAULTS[field] });
    }
    return Settings.parse(fallback);
  }

  /** Changes the settings given and returns them all. */
  update(changes: SettingsChanges): Settings {
    this.store.transaction(() => {
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) this.store.settings.set(key, String(value));
      }
    });
    return this.get();
  }
}

let account: string | undefined;

/** The account's user name (asked of the system once), or "Analyst" where it has none. */
function accountName(): string {
  if (account === undefined) {
    try {
      account = userInfo().username || 'Analyst';
    } catch {
      account = 'Analyst';
    }
  }
  return account;
}
