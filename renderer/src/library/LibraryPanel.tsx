import { memo } from 'react';
import type { ArticleSummary } from '../../../shared/model';
import { formatDate } from '../app/formatDate';

/** Props of the library panel. */
export interface LibraryPanelProps {
  documents: readonly ArticleSummary[];
  openId: string | null;
  /** The open document's live annotation count, which the list would only learn on reload. */
  openCount: number;
  onOpen: (id: string) => void;
}

/** The library: every imported document, newest first; choosing one opens it. */
export const LibraryPanel = memo(function LibraryPanel({
  documents,
  openId,
  openCount,
  onOpen,
}: LibraryPanelProps) {
  return (
    <nav className="library" aria-label="Library">
      <h2 className="panel-heading">Library</h2>
      {documents.length === 0 ? (
        <p className="empty">No articles yet. Open a .txt, .md or .html file, or drop one on the window.</p>
      ) : (
        <ul className="library-list">
          {documents.map((document) => {
            const isOpen = document.id === openId;
            const count = isOpen ? openCount : document.annotationCount;
            return (
              <li key={document.id}>
                <button
                  type="button"
                  className="library-entry"
                  aria-current={isOpen ? 'page' : undefined}
                  onClick={() => onOpen(document.id)}
                >
                  <span className="library-title">{document.title}</span>
                  <span className="library-meta">
                    {[
                      document.siteName ?? document.source,
                      formatDate(document.publishedAt ?? document.importedAt),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <span className="library-count">
                    {count} {count === 1 ? 'annotation' : 'annotations'}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
});
