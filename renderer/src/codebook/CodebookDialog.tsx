import { useId, useState } from 'react';
import type { Api } from '../../../shared/api';
import type { Tag } from '../../../shared/model';
import { useModalDialog } from '../app/useModalDialog';
import { CodebookFileActions } from './CodebookFileActions';
import { NewNameField } from './NewNameField';
import { TagEditor } from './TagEditor';
import { TagList } from './TagList';
import './codebook.css';

/** Props of the codebook dialog. */
export interface CodebookDialogProps {
  api: Api;
  /** Every tag, archived ones included, in codebook order. */
  tags: readonly Tag[];
  /** Receives the codebook after each change; the dialog shows what it is given back. */
  onTags: (tags: Tag[]) => void;
  onError: (error: unknown) => void;
  onClose: () => void;
}

/**
 * The codebook: the tags, their colours, keys, underline patterns and attributes, edited in place
 * and shared as a file. Rendered only while open; Esc or "Close" closes it.
 */
export function CodebookDialog({ api, tags, onTags, onError: reportError, onClose }: CodebookDialogProps) {
  const headingId = useId();
  // A modal dialog hides the rest of the page from assistive technology, so its errors are shown
  // (and announced) inside it as well as passed on.
  const [error, setError] = useState<string | null>(null);
  const onError = (problem: unknown) => {
    setError(problem instanceof Error ? problem.message : String(problem));
    reportError(problem);
  };
  const dialogRef = useModalDialog((dialog) =>
    dialog.querySelector<HTMLElement>('.codebook-tag[aria-current="true"]'),
  );
  const [selectedKey, setSelectedKey] = useState(tags[0]?.key);
  const selected = tags.find((tag) => tag.key === selectedKey) ?? tags[0];

  const add = async (label: string) => {
    try {
      const result = await api.codebook.add({ label });
      onTags(result.tags);
      setSelectedKey(result.key);
      return true;
    } catch (error) {
      onError(error);
      return false;
    }
  };

  const reorder = async (keys: string[]) => {
    try {
      onTags(await api.codebook.reorder({ keys }));
      return true;
    } catch (error) {
      onError(error);
      return false;
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog codebook-dialog" aria-labelledby={headingId} onClose={onClose}>
      <header className="codebook-header">
        <h2 id={headingId}>Codebook</h2>
        <p className="codebook-hint">
          The tags you annotate with. Changes are saved as you make them and apply to every article.
        </p>
      </header>
      <div className="codebook-body">
        <div className="codebook-side">
          <TagList tags={tags} selectedKey={selected?.key} onSelect={setSelectedKey} onReorder={reorder} />
          <NewNameField label="New tag name" action="Add tag" placeholder="e.g. Statistic" onAdd={add} />
        </div>
        <div className="codebook-main">
          {selected ? (
            <TagEditor
              key={selected.key}
              api={api}
              tag={selected}
              tags={tags}
              onTags={onTags}
              onError={onError}
            />
          ) : (
            <p className="codebook-empty">The codebook has no tags yet; add one to start.</p>
          )}
        </div>
      </div>
      {error ? (
        <p className="codebook-error" role="alert">
          {error}
        </p>
      ) : null}
      <footer className="codebook-footer">
        <CodebookFileActions api={api} tags={tags} onTags={onTags} onError={onError} />
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </footer>
    </dialog>
  );
}
