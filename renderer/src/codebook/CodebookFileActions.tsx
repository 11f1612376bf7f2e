import { useRef, useState } from 'react';
import type { Api } from '../../../shared/api';
import type { Tag } from '../../../shared/model';
import { downloadFile } from '../app/downloadFile';
import {
  CODEBOOK_FILE_NAME,
  codebookFileOf,
  MAX_CODEBOOK_FILE_BYTES,
  readCodebookFile,
} from './codebookFile';

/** Props of the codebook's import and export buttons. */
export interface CodebookFileActionsProps {
  api: Api;
  tags: readonly Tag[];
  onTags: (tags: Tag[]) => void;
  onError: (error: unknown) => void;
}

/**
 * "Import codebook…" and "Export codebook": how a team shares its tags. Importing adds the file's
 * tags and updates the tags with the same key; the outcome is announced in a status line.
 */
export function CodebookFileActions({ api, tags, onTags, onError }: CodebookFileActionsProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  const exportCodebook = () => {
    downloadFile(CODEBOOK_FILE_NAME, 'application/json', JSON.stringify(codebookFileOf(tags), null, 2));
  };

  const importFile = async (file: File) => {
    setStatus('');
    try {
      // Checked before reading: a large file chosen by mistake should not be loaded into memory.
      if (file.size > MAX_CODEBOOK_FILE_BYTES) {
        throw new Error(
          `“${file.name}” is too large to be a Margin codebook; choose a file exported from the Codebook panel.`,
        );
      }
      const codebook = readCodebookFile(await file.text());
      onTags(await api.codebook.import(codebook));
      const count = codebook.tags.length;
      setStatus(`Imported ${count} ${count === 1 ? 'tag' : 'tags'} from “${file.name}”.`);
    } catch (error) {
      onError(error);
    }
  };

  return (
    <div className="codebook-file-actions">
      <button type="button" onClick={() => inputRef.current?.click()}>
        Import codebook…
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) imports it again.
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <button type="button" disabled={tags.length === 0} onClick={exportCodebook}>
        Export codebook
      </button>
      <p className="codebook-status" role="status">
        {status}
      </p>
    </div>
  );
}
