import { memo, useState } from 'react';
import type { SearchHit } from '../../../shared/api';
import type { ArticleSummary } from '../../../shared/model';
import { formatDate } from '../app/formatDate';
import { LibrarySearch } from './LibrarySearch';

/** Props of the library panel. */
export interface LibraryPanelProps {
  documents: readonly ArticleSummary[];
  openId: string | null;
  /** The open document's live annotation count, which the list would only learn on reload. */
  openCount: number;
  /** Documents chosen for a report of several articles. */
  chosen: ReadonlySet<string>;
  onChoose: (chosen: ReadonlySet<string>) => void;
  onOpen: (id: string) => void;
  /** Deletes a document (the workbench offers to undo it). */
  onDelete: (document: ArticleSummary) => void;
  search: (query: string) => Promise<SearchHit[]>;
  onOpenHit: (hit: SearchHit) => void;
  /** Shows the whole library as a table (columns, sorting, metadata). */
  onShowTable: () => void;
}

/**
 * The library: every imported document, newest first; choosing one opens it. Each has a checkbox
 * that puts it in the next report, so several articles can be exported as one.
 */
export const LibraryPanel = memo(function LibraryPanel({
  documents,
  openId,
  openCount,
  chosen,
  onChoose,
  onOpen,
  onDelete,
  search,
  onOpenHit,
  onShowTable,
}: LibraryPanelProps) {
  const [isSearching, setSearching] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChoose(next);
  };
  return (
    <nav className="library" aria-label="Library">
      <h2 className="panel-heading">
        Library
        {documents.length > 0 ? (
          <button type="button" className="quiet small library-table-open" onClick={onShowTable}>
            Table…
          </button>
        ) : null}
      </h2>
      <LibrarySearch search={search} onChoose={onOpenHit} onActive={setSearching} />
      {isSearching ? null : documents.length === 0 ? (
        <p className="empty">
          No articles yet. Open a text, Markdown, web page, Word or PDF file, or drop one on the window.
        </p>
      ) : (
        <>
          <div className="library-choice">
            {chosen.size > 0 ? (
              <>
                <span role="status">{chosen.size} chosen for a report</span>
                <button type="button" className="quiet small" onClick={() => onChoose(new Set())}>
                  Clear
                </button>
              </>
            ) : (
              <button
                type="button"
                className="quiet small"
                onClick={() => onChoose(new Set(documents.map((document) => document.id)))}
              >
                Choose all for a report
              </button>
            )}
          </div>
          <ul className="library-list">
            {documents.map((document) => {
              const isOpen = document.id === openId;
              const count = isOpen ? openCount : document.annotationCount;
              return (
                <li key={document.id} className="library-item">
                  <input
                    type="checkbox"
                    className="library-check"
                    aria-label={`Include “${document.title}” in the report`}
                    checked={chosen.has(document.id)}
                    onChange={() => toggle(document.id)}
                  />
                  <button
                    type="button"
                    className="library-entry"
                    aria-current={isOpen ? 'page' : undefined}
                    onClick={() => onOpen(document.id)}
                  >
                    <span className="library-title">
                      {document.title}
                      {document.versionCount > 1 ? (
                        <span
                          className="library-version"
                          title={`Version ${document.version} of ${document.versionCount}`}
                        >
                          {' '}
                          v{document.version}
                        </span>
                      ) : null}
                    </span>
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
                  {confirming === document.id ? (
                    <fieldset className="library-confirm" aria-label={`Delete “${document.title}”?`}>
                      <button
                        type="button"
                        className="danger small"
                        onClick={() => {
                          setConfirming(null);
                          onDelete(document);
                        }}
                      >
                        Delete
                      </button>
                      <button type="button" className="quiet small" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </fieldset>
                  ) : (
                    <button
                      type="button"
                      className="quiet small library-delete"
                      aria-label={`Delete “${document.title}”`}
                      title="Delete this document and its annotations"
                      onClick={() => setConfirming(document.id)}
                    >
                      ×
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </nav>
  );
});
