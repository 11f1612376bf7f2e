import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type Api,
  hydrateOpened,
  MAX_ARTICLE_BYTES,
  type OpenedArticle,
  type Settings,
} from '../../../shared/api';
import type { ArticleSummary } from '../../../shared/model';
import { readFileAsBase64 } from './readFileAsBase64';

/** A message for the user: a failure to act on, or news; it may offer one action (Undo, Review …). */
export type Notice = { kind: 'error' | 'info'; text: string; action?: { label: string; run: () => void } };

/** What the workbench knows of the library, and what it can do with it. */
export interface LibraryState {
  documents: readonly ArticleSummary[];
  opened: OpenedArticle | null;
  settings: Settings | null;
  /** Replaces the settings the app shows (after a change was saved, or before, optimistically). */
  setSettings(settings: Settings): void;
  /** What is happening now, e.g. "Importing 2 of 5: report.html…", or null. */
  activity: string | null;
  /** Says what is happening (exporting, merging …), or clears it with null. */
  setActivity(activity: string | null): void;
  openDocument(id: string): Promise<void>;
  /** Closes the open document (it was deleted). */
  closeDocument(): void;
  importFiles(files: File[]): Promise<void>;
  /** Stops an import of several files after the file being read; null when nothing can be stopped. */
  cancelImport: (() => void) | null;
  /** Reads the library's list again (after a merge added documents or annotations). */
  refresh(): Promise<void>;
}

/**
 * The library side of the workbench: the list of documents, the open one (the last one reopens on
 * start), and imports with progress. Failures and news go to `onNotice`; `onOpening` runs just
 * before another document replaces the open one.
 */
export function useLibrary(
  api: Api,
  onNotice: (notice: Notice | null) => void,
  onOpening: () => void,
): LibraryState {
  const [documents, setDocuments] = useState<ArticleSummary[]>([]);
  const [opened, setOpened] = useState<OpenedArticle | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [activity, setActivity] = useState<string | null>(null);
  const callbacks = useRef({ onNotice, onOpening });
  callbacks.current = { onNotice, onOpening };
  const showError = useCallback((error: unknown) => {
    callbacks.current.onNotice({
      kind: 'error',
      text: error instanceof Error ? error.message : String(error),
    });
  }, []);

  // Only the latest request to open a document may open it: a slow answer to an earlier one (the
  // last document reopening at start, say) must not replace what the user chose since.
  const latestOpen = useRef(0);
  const openDocument = useCallback(
    async (id: string) => {
      const request = ++latestOpen.current;
      try {
        const next = await api.library.open({ id });
        if (request !== latestOpen.current) return;
        callbacks.current.onOpening();
        setOpened(hydrateOpened(next));
      } catch (error) {
        if (request === latestOpen.current) showError(error);
      }
    },
    [api, showError],
  );

  useEffect(() => {
    (async () => {
      const [list, loaded] = await Promise.all([api.library.list({}), api.settings.get({})]);
      setDocuments(list);
      setSettings(loaded);
      if (loaded.lastDocumentId && list.some((document) => document.id === loaded.lastDocumentId)) {
        await openDocument(loaded.lastDocumentId);
      }
    })().catch(showError);
  }, [api, openDocument, showError]);

  const refresh = useCallback(() => api.library.list({}).then(setDocuments, showError), [api, showError]);

  const [isCancellable, setCancellable] = useState(false);
  const isCancelled = useRef(false);
  const importFiles = useCallback(
    async (files: File[]) => {
      callbacks.current.onNotice(null);
      let lastId: string | null = null;
      const tally = { imported: 0, duplicates: 0, refused: 0, firstRefusal: '' };
      isCancelled.current = false;
      setCancellable(files.length > 1);
      for (const [index, file] of files.entries()) {
        if (isCancelled.current) break;
        setActivity(
          files.length > 1
            ? `Importing ${index + 1} of ${files.length}: ${file.name}…`
            : `Importing ${file.name}…`,
        );
        try {
          if (file.size > MAX_ARTICLE_BYTES) {
            throw new Error(
              `${file.name} is larger than 50 MB, more than Margin opens as one article; split it and open the parts.`,
            );
          }
          const result = await api.library.importFile({
            fileName: file.name,
            data: await readFileAsBase64(file),
          });
          lastId = result.document.id;
          if (result.isDuplicate) tally.duplicates += 1;
          else tally.imported += 1;
          if (files.length > 1) continue;
          if (result.isDuplicate) {
            callbacks.current.onNotice({
              kind: 'info',
              text: `“${result.document.title}” is already in the library; it is open now.`,
            });
          } else if (result.previousVersion) {
            const carried = result.document.annotationCount;
            callbacks.current.onNotice({
              kind: 'info',
              text: `Imported as version ${result.document.version} of “${result.previousVersion.title}”; ${carried} of its ${result.previousVersion.annotationCount} annotations were carried over, and anything that needs a look is listed under Review.`,
            });
          }
        } catch (error) {
          tally.refused += 1;
          const sentence = error instanceof Error ? error.message : String(error);
          tally.firstRefusal ||= `${file.name}: ${sentence}`;
          if (files.length === 1) showError(error);
        }
      }
      setCancellable(false);
      setActivity(null);
      if (files.length > 1) {
        const handled = tally.imported + tally.duplicates + tally.refused;
        const parts = [
          `Imported ${tally.imported} of ${files.length} files`,
          tally.duplicates > 0 ? `${tally.duplicates} already in the library` : '',
          tally.refused > 0 ? `${tally.refused} refused (${tally.firstRefusal.replace(/\.$/, '')})` : '',
          handled < files.length ? `${files.length - handled} not imported, as you stopped` : '',
        ].filter(Boolean);
        callbacks.current.onNotice({
          kind: tally.refused > 0 ? 'error' : 'info',
          text: `${parts.join('; ')}.`,
        });
      }
      await refresh();
      if (lastId) await openDocument(lastId);
    },
    [api, openDocument, refresh, showError],
  );

  const closeDocument = useCallback(() => {
    latestOpen.current += 1;
    callbacks.current.onOpening();
    setOpened(null);
  }, []);

  const cancelImport = useCallback(() => {
    isCancelled.current = true;
  }, []);

  return {
    documents,
    opened,
    closeDocument,
    cancelImport: isCancellable ? cancelImport : null,
    settings,
    setSettings,
    activity,
    setActivity,
    openDocument,
    importFiles,
    refresh,
  };
}
