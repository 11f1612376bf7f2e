import { randomUUID } from 'node:crypto';
import { ApiError, type OpenedDocument, type ServiceImplementation } from '../../shared/api';
import type { Article, ArticleSummary } from '../../shared/model';
import { contentHash } from './contentHash';
import type { LibraryStore } from './db/libraryStore';
import { readArticle } from './import/readArticle';

/** What an import did. */
export interface ImportOutcome {
  document: ArticleSummary;
  isDuplicate: boolean;
}

/** The library: importing articles, listing them, and opening one with its annotations. */
export class LibraryService implements ServiceImplementation<'library'> {
  constructor(
    private readonly store: LibraryStore,
    private readonly now: () => Date,
  ) {}

  /**
   * Reads a file as an article and stores it. The file is parsed completely before anything is
   * written, so a refused file leaves no trace. Importing the same text twice finds the first copy.
   */
  async importBytes(fileName: string, bytes: Uint8Array): Promise<ImportOutcome> {
    const imported = await readArticle(fileName, bytes);
    const hash = contentHash(imported.text);
    const existingId = this.store.documents.findByContentHash(hash);
    if (existingId) return { document: this.summary(existingId), isDuplicate: true };
    const article: Article = {
      ...imported.metadata,
      id: randomUUID(),
      contentHash: hash,
      text: imported.text,
      blocks: imported.blocks,
      importedAt: this.now().toISOString(),
    };
    this.store.documents.insert(article);
    return { document: this.summary(article.id), isDuplicate: false };
  }

  /** Imports a file sent over a transport, its bytes in base64. */
  importFile(input: { fileName: string; data: string }): Promise<ImportOutcome> {
    return this.importBytes(input.fileName, Buffer.from(input.data, 'base64'));
  }

  /** Every document, newest import first. */
  list(): ArticleSummary[] {
    return this.store.documents.summaries();
  }

  /**
   * A document with its annotations (comments inline), remembered as the last opened. It comes in
   * the lean form the editor fills in from the text (`hydrateOpened`): half the bytes to read,
   * send and parse when an article is long.
   */
  open({ id }: { id: string }): OpenedDocument {
    const article = this.store.documents.placed(id);
    if (!article) throw notFound(id);
    this.store.settings.set('lastDocumentId', id);
    return { article, annotations: this.store.storedAnnotationsOf(id) };
  }

  /** A document's library row. */
  summary(id: string): ArticleSummary {
    const summary = this.store.documents.summary(id);
    if (!summary) throw notFound(id);
    return summary;
  }
}

/** The error for a document id that is not in the library. */
export function notFound(id: string): ApiError {
  return new ApiError(
    'not-found',
    `No document with id ${id} is in this library; list the library to see what it holds.`,
  );
}
