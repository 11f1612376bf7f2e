import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReportFormat } from '../../../shared/api';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import type { Client } from '../api/client';
import { ArticleView } from '../editor/ArticleView';
import { systemEditContext } from '../editor/commands/editContext';
import type { EditorController, EditorSnapshot } from '../editor/EditorController';
import { LibraryPanel } from '../library/LibraryPanel';
import { SaveQueue, type SaveStatus } from '../persistence/SaveQueue';
import { ExportMenu } from '../toolbar/ExportMenu';
import { TagToolbar } from '../toolbar/TagToolbar';
import { ArticleHeader } from './ArticleHeader';
import { downloadFile } from './downloadFile';
import { SaveStatusView } from './SaveStatusView';
import { useFileDrop } from './useFileDrop';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { type Notice, useLibrary } from './useLibrary';
import { useTagStyles } from './useTagStyles';

const EMPTY_SNAPSHOT: EditorSnapshot = {
  annotations: [],
  selectedId: null,
  selectedIndex: -1,
  hasTextSelection: false,
  canUndo: false,
  canRedo: false,
};

/** The workbench: library, article, annotations, and the commands that tie them together. */
export function App({ client }: { client: Client }) {
  const { api } = client;
  const [snapshot, setSnapshot] = useState<EditorSnapshot>(EMPTY_SNAPSHOT);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ state: 'idle' });
  const resetSnapshot = useCallback(() => setSnapshot(EMPTY_SNAPSHOT), []);
  const { documents, opened, settings, activity, openDocument, importFiles } = useLibrary(
    api,
    setNotice,
    resetSnapshot,
  );
  const controllerRef = useRef<EditorController | null>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const saveQueue = useMemo(() => new SaveQueue(api), [api]);
  const context = useMemo(() => systemEditContext(settings?.authorName ?? 'Analyst'), [settings]);
  const tags = opened?.tags ?? [];
  useTagStyles(tags);

  const showError = useCallback((error: unknown) => {
    setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
  }, []);

  useEffect(() => saveQueue.subscribe(setSaveStatus), [saveQueue]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!saveQueue.isIdle) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saveQueue]);

  const chooseFiles = useCallback(() => fileInputRef.current?.click(), []);
  const isDragging = useFileDrop(importFiles);

  const exportReport = useCallback(
    async (format: ReportFormat) => {
      if (!opened) return;
      try {
        await saveQueue.whenIdle();
        const report = await api.reports.render({ documentId: opened.article.id, format });
        downloadFile(report.fileName, report.mediaType, report.content);
      } catch (error) {
        showError(error);
      }
    },
    [api, opened, saveQueue, showError],
  );

  useEffect(
    () =>
      client.onCommand((command) => {
        if (command === 'open-article') chooseFiles();
        else if (command === 'export-json') void exportReport('json');
        else if (command === 'export-html') void exportReport('html');
        else if (command === 'undo') controllerRef.current?.undo();
        else if (command === 'redo') controllerRef.current?.redo();
      }),
    [client, chooseFiles, exportReport],
  );

  useGlobalShortcuts({
    undo: () => controllerRef.current?.undo(),
    redo: () => controllerRef.current?.redo(),
    openArticle: chooseFiles,
    removeSelected: () =>
      snapshot.selectedId ? (controllerRef.current?.remove(snapshot.selectedId) ?? false) : false,
    tagWithShortcut: (key) => {
      const tag = tags.find((candidate) => candidate.shortcut === key);
      return tag ? (controllerRef.current?.tag(tag.key) ?? false) : false;
    },
  });

  // Stable handlers: the controller lives in a ref, so these never need to change, and memoised
  // list entries are not re-rendered because a parent made a new function.
  const chooseAnnotation = useCallback(
    (id: string) => controllerRef.current?.select(id, { reveal: true }),
    [],
  );
  const retagAnnotation = useCallback((id: string, key: string) => controllerRef.current?.retag(id, key), []);
  const commentOn = useCallback(
    (id: string, body: string) => controllerRef.current?.setComment(id, body),
    [],
  );
  const removeAnnotation = useCallback((id: string) => {
    controllerRef.current?.remove(id);
    controllerRef.current?.focus();
  }, []);
  const tagSelection = useCallback((key: string) => controllerRef.current?.tag(key), []);

  const listener = useMemo(
    () => ({ onChanges: saveQueue.enqueue.bind(saveQueue), onSnapshot: setSnapshot }),
    [saveQueue],
  );

  return (
    <div className="app">
      <header className="app-bar">
        <span className="brand">Margin</span>
        <button type="button" className="primary" onClick={chooseFiles} aria-keyshortcuts="Control+O Meta+O">
          Open article
        </button>
        <input
          ref={fileInputRef}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          multiple
          accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) void importFiles(files);
          }}
        />
        <span className="spacer" />
        <SaveStatusView status={saveStatus} activity={activity} />
        <ExportMenu isDisabled={!opened} onExport={(format) => void exportReport(format)} />
      </header>
      {notice ? (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" className="quiet" onClick={() => setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}
      <main className="workspace">
        <LibraryPanel
          documents={documents}
          openId={opened?.article.id ?? null}
          openCount={snapshot.annotations.length}
          onOpen={openDocument}
        />
        <section className="reader" aria-label="Article">
          {opened ? (
            <>
              <TagToolbar tags={tags} canTag={snapshot.hasTextSelection} onTag={tagSelection} />
              <div className="reader-scroll">
                <ArticleHeader article={opened.article} />
                <ArticleView
                  opened={opened}
                  context={context}
                  listener={listener}
                  controllerRef={controllerRef}
                />
              </div>
            </>
          ) : (
            <div className="welcome">
              <h1>Read closely. Tag what matters.</h1>
              <p>
                Open an article (.txt, .md or .html), select a passage and tag it as a <b>claim</b>, a{' '}
                <b>quote</b> or an <b>opinion</b>. Comment on it, then export a report as JSON or HTML.
              </p>
              <button type="button" className="primary" onClick={chooseFiles}>
                Choose a file…
              </button>
            </div>
          )}
        </section>
        <AnnotationsPanel
          annotations={snapshot.annotations}
          tags={tags}
          selectedIndex={snapshot.selectedIndex}
          onChoose={chooseAnnotation}
          onRetag={retagAnnotation}
          onComment={commentOn}
          onRemove={removeAnnotation}
        />
      </main>
      {isDragging ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop to open the article
        </div>
      ) : null}
    </div>
  );
}
