import { useMemo, useState } from 'react';
import type { DocumentMetadataChange } from '../../../shared/api';
import type { ArticleSummary, Tag } from '../../../shared/model';
import { formatDate } from '../app/formatDate';
import { ModalDialog } from '../app/ModalDialog';

/** Props of the library table. */
export interface LibraryTableDialogProps {
  documents: readonly ArticleSummary[];
  tags: readonly Tag[];
  onOpen: (id: string) => void;
  onUpdate: (change: DocumentMetadataChange) => Promise<void>;
  onClose: () => void;
}

type Column = 'title' | 'siteName' | 'byline' | 'publishedAt' | 'importedAt' | 'version' | `tag:${string}`;

/**
 * The whole library as a table: title, outlet, byline, publication and import dates, version and
 * annotations per tag. Any column sorts (again to reverse), the filter narrows the rows to those
 * whose text holds every word typed, and a row's metadata can be corrected in place.
 */
export function LibraryTableDialog({ documents, tags, onOpen, onUpdate, onClose }: LibraryTableDialogProps) {
  const [sort, setSort] = useState<{ column: Column; isAscending: boolean }>({
    column: 'importedAt',
    isAscending: false,
  });
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const shownTags = tags.filter((tag) => !tag.archived);
  const rows = useMemo(() => {
    const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const matches = (document: ArticleSummary) => {
      const haystack = [document.title, document.byline, document.siteName, document.source]
        .filter(Boolean)
        .join(' ')
        .toLocaleLowerCase();
      return words.every((word) => haystack.includes(word));
    };
    const value = (document: ArticleSummary): string | number => {
      if (sort.column.startsWith('tag:')) return document.tagCounts[sort.column.slice(4)] ?? 0;
      const field = document[sort.column as keyof ArticleSummary];
      return typeof field === 'number' ? field : String(field ?? '');
    };
    return documents.filter(matches).sort((first, second) => {
      const a = value(first);
      const b = value(second);
      const order =
        typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
      return sort.isAscending ? order : -order;
    });
  }, [documents, filter, sort]);
  const header = (column: Column, label: string) => (
    <th
      key={column}
      scope="col"
      aria-sort={sort.column === column ? (sort.isAscending ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className="quiet small"
        onClick={() =>
          setSort((current) => ({
            column,
            isAscending: current.column === column ? !current.isAscending : column === 'title',
          }))
        }
      >
        {label}
      </button>
    </th>
  );
  return (
    <ModalDialog title="Library" className="library-table-dialog" onClose={onClose}>
      <input
        type="search"
        aria-label="Filter the library"
        placeholder="Filter by title, outlet, byline or source"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <p className="library-table-count" role="status">
        {rows.length === documents.length
          ? `${documents.length} documents`
          : `${rows.length} of ${documents.length} documents`}
      </p>
      <div className="library-table-scroll">
        <table className="library-table">
          <thead>
            <tr>
              {header('title', 'Title')}
              {header('siteName', 'Outlet')}
              {header('byline', 'Byline')}
              {header('publishedAt', 'Published')}
              {header('importedAt', 'Imported')}
              {header('version', 'Version')}
              {shownTags.map((tag) => header(`tag:${tag.key}`, tag.label))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((document) =>
              editing === document.id ? (
                <tr key={document.id}>
                  <td colSpan={7 + shownTags.length}>
                    <MetadataForm
                      document={document}
                      onSave={async (change) => {
                        await onUpdate(change);
                        setEditing(null);
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={document.id}>
                  <th scope="row">{document.title}</th>
                  <td>{document.siteName ?? ''}</td>
                  <td>{document.byline ?? ''}</td>
                  <td>{formatDate(document.publishedAt)}</td>
                  <td>{formatDate(document.importedAt)}</td>
                  <td>
                    {document.versionCount > 1 ? `${document.version} of ${document.versionCount}` : '1'}
                  </td>
                  {shownTags.map((tag) => (
                    <td key={tag.key} className="library-table-count-cell">
                      {document.tagCounts[tag.key] ?? 0}
                    </td>
                  ))}
                  <td className="library-table-actions">
                    <button
                      type="button"
                      className="small"
                      onClick={() => {
                        onOpen(document.id);
                        onClose();
                      }}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      className="small"
                      aria-label={`Edit the details of “${document.title}”`}
                      onClick={() => setEditing(document.id)}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </ModalDialog>
  );
}

function MetadataForm({
  document,
  onSave,
  onCancel,
}: {
  document: ArticleSummary;
  onSave: (change: DocumentMetadataChange) => Promise<void>;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(document.title);
  const [byline, setByline] = useState(document.byline ?? '');
  const [siteName, setSiteName] = useState(document.siteName ?? '');
  const [published, setPublished] = useState(document.publishedAt?.slice(0, 10) ?? '');
  return (
    <form
      className="metadata-form"
      aria-label={`Details of “${document.title}”`}
      onSubmit={(event) => {
        event.preventDefault();
        void onSave({
          id: document.id,
          title: title.trim() || document.title,
          byline: byline.trim() || null,
          siteName: siteName.trim() || null,
          publishedAt: published || null,
        });
      }}
    >
      <label>
        Title <input value={title} onChange={(event) => setTitle(event.target.value)} required />
      </label>
      <label>
        Byline <input value={byline} onChange={(event) => setByline(event.target.value)} />
      </label>
      <label>
        Outlet <input value={siteName} onChange={(event) => setSiteName(event.target.value)} />
      </label>
      <label>
        Published{' '}
        <input type="date" value={published} onChange={(event) => setPublished(event.target.value)} />
      </label>
      <span className="metadata-actions">
        <button type="submit" className="primary small">
          Save
        </button>
        <button type="button" className="small" onClick={onCancel}>
          Cancel
        </button>
      </span>
    </form>
  );
}
