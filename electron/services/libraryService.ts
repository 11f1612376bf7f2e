import { randomUUID } from 'node:crypto';
import {
  ApiError,
  type DocumentMetadataChange,
  type ImportResult,
  type OpenedDocument,
  type SearchHit,
  type ServiceImplementation,
} from '../../shared/api';
import type { Article, ArticleSummary } from '../../shared/model';
import { contentHash, fileHash } from './contentHash';
import type { LibraryStore } from './db/libraryStore';
import { MATCH_END, MATCH_START, searchQuery } from './db/searchTable';
import { baseName } from './import/fileName';
import { readArticle } from './import/readArticle';
import { notFound } from './notFound';
import type { VersionsService } from './versionsService';

/** What an import did. */
export type ImportOutcome = ImportResult;

/** How long a deleted document can be brought back. */
const TRASH_DAYS = 7;

/** The library: importing articles, listing, searching and deleting them, and opening one with its annotations. */
export class LibraryService implements ServiceImplementation<'library'> {
  constructor(
    private readonly store: LibraryStore,
    private readonly now: () => Date,
    private readonly versions: VersionsService,
  ) {}

  /**
   * Reads a file as an article and stores it with the file itself. The file is parsed completely
   * before anything is written, so a refused file leaves no trace. Importing the same text twice
   * finds the first copy; a different text from the same source (a page's address, or a file
   * name) becomes the next version of that article, its annotations carried over.
   */
  async importBytes(fileName: string, bytes: Uint8Array): Promise<ImportOutcome> {
    const imported = await readArticle(fileName, bytes);
    const hash = contentHash(imported.text);
    const existingId = this.store.documents.findByContentHash(hash);
    if (existingId) return { document: this.summary(existingId), isDuplicate: true };
    const previousId = this.store.versions.latestFromSource(imported.metadata.source);
    if (previousId) return this.versions.addVersion(previousId, imported, { fileName, bytes });
    const article: Article = {
      ...imported.metadata,
      id: randomUUID(),
      contentHash: hash,
      text: imported.text,
      blocks: imported.blocks,
      importedAt: this.now().toISOString(),
    };
    const sourceHash = fileHash(bytes);
    this.store.transaction(() => {
      this.store.originals.keep(sourceHash, bytes);
      this.store.documents.insert(article, { sourceHash, sourceFile: baseName(fileName) });
    });
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

  /** The places that hold every word of `query`, best first. */
  search({ query, limit = 100 }: { query: string; limit?: number }): SearchHit[] {
    const expression = searchQuery(query);
    if (expression === null) return [];
    return this.store.search.search(expression, limit).map((row) => ({
      documentId: row.documentId,
      title: row.title,
      kind: row.kind,
      annotationId: row.annotationId,
      position: row.position,
      snippet: snippetPieces(row.snippet),
    }));
  }

  /** Deletes a document and its annotations into the trash, forgetting what was deleted over a week ago. */
  remove({ id }: { id: string }): { removed: boolean } {
    const now = this.now();
    const removed = this.store.transaction(() => {
      this.store.trash.purgeBefore(new Date(now.getTime() - TRASH_DAYS * 86_400_000).toISOString());
      return this.store.trash.moveIn(id, now.toISOString());
    });
    if (removed && this.store.settings.get('lastDocumentId') === id)
      this.store.settings.remove('lastDocumentId');
    return { removed };
  }

  /** Brings a deleted document back, with its annotations and comments. */
  undoRemove({ id }: { id: string }): ArticleSummary {
    const restored = this.store.transaction(() => this.store.trash.moveOut(id));
    if (!restored) {
      throw new ApiError(
        'not-found',
        'That document is no longer in the trash (deletions are kept for a week), so it cannot be brought back; import its file again.',
      );
    }
    return this.summary(id);
  }

  /** Changes a document's title, byline, outlet or publication date (the search index follows). */
  update(change: DocumentMetadataChange): ArticleSummary {
    const current = this.store.documents.summary(change.id);
    if (!current) throw notFound(change.id);
    const blank = (value: string | null | undefined, fallback: string | null) =>
      value === undefined ? fallback : value === null || value === '' ? null : value;
    this.store.documents.updateMetadata(change.id, {
      title: change.title ?? current.title,
      byline: blank(change.byline, current.byline),
      siteName: blank(change.siteName, current.siteName),
      publishedAt: blank(change.publishedAt, current.publishedAt),
    });
    return this.summary(change.id);
  }

  /** A document's library row. */
  summary(id: string): ArticleSummary {
    const summary = this.store.documents.summary(id);
    if (!summary) throw notFound(id);
    return summary;
  }
}

/** A snippet with its match markers turned into pieces. */
function snippetPieces(snippet: string): SearchHit['snippet'] {
  const pieces: SearchHit['snippet'] = [];
  for (const [index, part] of snippet.split(MATCH_START).entries()) {
    const [match, rest] = index === 0 ? [undefined, part] : part.split(MATCH_END, 2);
    if (match) pieces.push({ text: match, isMatch: true });
    if (rest) pieces.push({ text: rest, isMatch: false });
  }
  return pieces;
}
