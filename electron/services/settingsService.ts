import { userInfo } from 'node:os';
import type { ServiceImplementation, Settings } from '../../shared/api';
import type { LibraryStore } from './db/libraryStore';

/** Preferences kept in the library: the author name for comments and the last opened document. */
export class SettingsService implements ServiceImplementation<'settings'> {
  constructor(private readonly store: LibraryStore) {}

  /** The current settings, with the account's user name as the author until one is set. */
  get(): Settings {
    return {
      authorName: this.store.settings.get('authorName') ?? accountName(),
      lastDocumentId: this.store.settings.get('lastDocumentId') ?? null,
    };
  }

  /** Changes the settings given and returns them all. */
  update(changes: { authorName?: string }): Settings {
    if (changes.authorName !== undefined) this.store.settings.set('authorName', changes.authorName);
    return this.get();
  }
}

function accountName(): string {
  try {
    return userInfo().username || 'Analyst';
  } catch {
    return 'Analyst';
  }
}
