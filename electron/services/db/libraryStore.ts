import type Database from 'better-sqlite3';
import type { StoredAnnotation } from '../../../shared/api';
import type { Annotation } from '../../../shared/model';
import { AnnotationsTable } from './annotationsTable';
import {
  type Backup,
  type BackupReason,
  type DriverOptions,
  restoreIntoOpenLibrary,
  takeBackup,
  takeDailyBackup,
} from './backups';
import { CommentsTable } from './commentsTable';
import { DocumentsTable } from './documentsTable';
import { type OpenDatabaseOptions, openDatabase } from './openDatabase';
import { OriginalsTable } from './originalsTable';
import { SearchTable } from './searchTable';
import { SettingsTable } from './settingsTable';
import { TagsTable } from './tagsTable';
import { TrashTable } from './trashTable';
import { VersionsTable } from './versionsTable';

/** A library database with one object per table and a way to group writes into one transaction. */
export class LibraryStore {
  readonly documents: DocumentsTable;
  readonly annotations: AnnotationsTable;
  readonly comments: CommentsTable;
  readonly tags: TagsTable;
  readonly settings: SettingsTable;
  readonly originals: OriginalsTable;
  readonly search: SearchTable;
  readonly trash: TrashTable;
  readonly versions: VersionsTable;

  /** The library's file (":memory:" for a throwaway one). */
  readonly file: string;

  private constructor(
    private readonly db: Database.Database,
    /** How the driver was loaded, for the connections backups open beside this one. */
    private readonly driver: DriverOptions,
  ) {
    this.file = db.name;
    this.documents = new DocumentsTable(db);
    this.annotations = new AnnotationsTable(db);
    this.comments = new CommentsTable(db);
    this.tags = new TagsTable(db);
    this.settings = new SettingsTable(db);
    this.originals = new OriginalsTable(db);
    this.search = new SearchTable(db);
    this.trash = new TrashTable(db);
    this.versions = new VersionsTable(db);
  }

  /**
   * Opens the library at `file` (":memory:" for a throwaway one), migrating it if needed, and
   * takes the day's snapshot of it if none was taken today and it holds any document.
   */
  static open(file: string, options: OpenDatabaseOptions = {}): LibraryStore {
    const db = openDatabase(file, options);
    const holdsWork = () => db.prepare('SELECT EXISTS (SELECT 1 FROM documents)').pluck().get() === 1;
    if (file !== ':memory:' && holdsWork()) {
      try {
        takeDailyBackup(db, file, new Date());
      } catch (error) {
        // A snapshot that cannot be written (a full disk, say) must not keep the library shut.
        console.warn(`Margin could not take today's backup of ${file}: ${(error as Error).message}`);
      }
    }
    return new LibraryStore(db, { nativeBinding: options.nativeBinding });
  }

  /** A document's annotations in text order, each with its comment thread. */
  annotationsOf(documentId: string): Annotation[] {
    const threads = this.comments.threadsOfDocument(documentId);
    return this.annotations
      .listForDocument(documentId)
      .map((record) => ({ ...record, comments: threads.get(record.id) ?? [] }));
  }

  /** A document's annotations as opening it sends them (see `StoredAnnotation`), threads attached where there are any. */
  storedAnnotationsOf(documentId: string): StoredAnnotation[] {
    const threads = this.comments.threadsOfDocument(documentId);
    const stored = this.annotations.storedForDocument(documentId);
    if (threads.size > 0) {
      for (const annotation of stored) {
        const thread = threads.get(annotation.id);
        if (thread) annotation.comments = thread;
      }
    }
    return stored;
  }

  /** Takes a snapshot of the library now (see `takeBackup`). */
  backup(reason: BackupReason, now: Date): Backup {
    return takeBackup(this.db, this.file, reason, now);
  }

  /**
   * Puts one of the library's snapshots back while it is open (see `restoreIntoOpenLibrary`);
   * returns the snapshot of the library as it was, which undoes the restore.
   */
  restore(backup: Backup, now: Date): Promise<Backup> {
    return restoreIntoOpenLibrary(this.db, this.file, backup, now, this.driver);
  }

  /** Runs `work` in one transaction: all of its writes land, or none do. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}
