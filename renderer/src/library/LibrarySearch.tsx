import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/api';

/** Props of the library's search. */
export interface LibrarySearchProps {
  /** Searches the library (titles, text, quotes, attributes, comments). */
  search: (query: string) => Promise<SearchHit[]>;
  /** Opens a hit's document at its place. */
  onChoose: (hit: SearchHit) => void;
  /** Whether a search is under way, so the library list makes way for the results. */
  onActive: (isActive: boolean) => void;
}

const KIND_LABELS: Record<SearchHit['kind'], string> = {
  title: 'Title',
  text: 'Article text',
  quote: 'Annotated passage',
  attribute: 'Annotation detail',
  comment: 'Comment',
};

/** Waits this long after the last key before searching, so typing stays smooth. */
const TYPING_PAUSE_MS = 150;

/**
 * Full-text search across the library: every article's text and every annotation's passage,
 * details and comments, with the matched words marked in a snippet. Choosing a hit opens its
 * article there. Escape clears the search.
 */
export function LibrarySearch({ search, onChoose, onActive }: LibrarySearchProps) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    if (query.trim() === '') {
      setHits(null);
      return;
    }
    const timer = setTimeout(() => {
      search(query).then(
        (found) => request === latest.current && setHits(found),
        () => request === latest.current && setHits([]),
      );
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, search]);
  const isActive = query.trim() !== '';
  useEffect(() => onActive(isActive), [isActive, onActive]);
  return (
    <div className="library-search">
      <input
        type="search"
        className="library-search-input"
        aria-label="Search the library"
        placeholder="Search all articles and notes"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setQuery('');
        }}
      />
      {isActive ? (
        <section className="search-results" aria-label="Search results">
          {hits === null ? (
            <p className="empty">Searching…</p>
          ) : hits.length === 0 ? (
            <p className="empty">Nothing in the library matches “{query.trim()}”.</p>
          ) : (
            <>
              <p className="search-count" role="status">
                {hits.length === 1 ? '1 place' : `${hits.length} places`}
              </p>
              <ul className="search-list">
                {hits.map((hit) => (
                  // A comment hit is one of possibly several on the same annotation: its first words tell them apart.
                  <li
                    key={`${hit.documentId}-${hit.kind}-${hit.annotationId ?? ''}-${hit.position}-${hit.snippet.map((piece) => piece.text).join('')}`}
                  >
                    <button type="button" className="search-hit" onClick={() => onChoose(hit)}>
                      <span className="search-hit-title">{hit.title}</span>
                      <span className="search-hit-kind">{KIND_LABELS[hit.kind]}</span>
                      <span className="search-hit-snippet">
                        {hit.snippet.map((piece, pieceIndex) =>
                          piece.isMatch ? (
                            // biome-ignore lint/suspicious/noArrayIndexKey: pieces never move
                            <mark key={pieceIndex}>{piece.text}</mark>
                          ) : (
                            // biome-ignore lint/suspicious/noArrayIndexKey: pieces never move
                            <span key={pieceIndex}>{piece.text}</span>
                          ),
                        )}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
