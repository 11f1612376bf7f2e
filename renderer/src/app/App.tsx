import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ARTICLE_ACCEPT,
  type CorrectionRequest,
  type DocumentMetadataChange,
  ReportFormat,
  type SearchHit,
} from '../../../shared/api';
import { type ArticleSummary, pageOfOffset } from '../../../shared/model';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import type { CommentThreadsHandle } from '../annotations/CommentThreads';
import { type AnnotationFilter, filterAnnotations, NO_FILTER } from '../annotations/filterAnnotations';
import type { Client } from '../api/client';
import { CodebookDialog } from '../codebook/CodebookDialog';
import { ArticleView } from '../editor/ArticleView';
import { systemEditContext } from '../editor/commands/editContext';
import { CorrectionEditor } from '../editor/correction/CorrectionEditor';
import type { EditorController, EditorSnapshot } from '../editor/EditorController';
import { adjacentAnnotation } from '../editor/textOrderedList';
import { FindBar } from '../find/FindBar';
import { useFindBar } from '../find/useFindBar';
import { LibraryPanel } from '../library/LibraryPanel';
import { LibraryTableDialog } from '../library/LibraryTableDialog';
import { SaveQueue, type SaveStatus } from '../persistence/SaveQueue';
import { ExportMenu } from '../reports/ExportMenu';
import { MergeResultDialog } from '../reports/MergeResultDialog';
import { useReports } from '../reports/useReports';
import { TagToolbar } from '../toolbar/TagToolbar';
import { ReviewPanel } from '../versions/ReviewPanel';
import { AppBar, type AppDialog } from './AppBar';
import { ArticleHeader } from './ArticleHeader';
import { BackupsDialog } from './BackupsDialog';
import { HiddenFileInput } from './HiddenFileInput';
import { HoverCard } from './HoverCard';
import { PickMenu } from './PickMenu';
import { readFileAsBase64 } from './readFileAsBase64';
import { SaveStatusView } from './SaveStatusView';
import { SettingsDialog } from './SettingsDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useAnnotationActions } from './useAnnotationActions';
import { useCodebook } from './useCodebook';
import { useFileDrop } from './useFileDrop';
import { type Notice, useLibrary } from './useLibrary';
import { useSettings } from './useSettings';
import { useTagStyles } from './useTagStyles';
import { useWorkbenchKeys } from './useWorkbenchKeys';

const EMPTY_SNAPSHOT: EditorSnapshot = {
  annotations: [],
  selected: null,
  hasTextSelection: false,
};

/** The workbench: library, article, annotations, and the commands that tie them together. */
export function App({ client }: { client: Client }) {
  const { api } = client;
  const [snapshot, setSnapshot] = useState<EditorSnapshot>(EMPTY_SNAPSHOT);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ state: 'idle' });
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const [dialog, setDialog] = useState<AppDialog | null>(null);
  const [isRetagging, setRetagging] = useState(false);
  const [pick, setPick] = useState<{ ids: readonly string[]; point: { x: number; y: number } } | null>(null);
  const [hover, setHover] = useState<{ id: string; rect: DOMRect } | null>(null);
  const showError = useCallback((error: unknown) => {
    setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
  }, []);
  const controllerRef = useRef<EditorController | null>(null);
  const findBar = useFindBar(controllerRef);
  const resetFind = findBar.reset;
  const [isCorrecting, setCorrecting] = useState(false);
  const resetForDocument = useCallback(() => {
    setCorrecting(false);
    setSnapshot(EMPTY_SNAPSHOT);
    setFilter(NO_FILTER);
    resetFind();
    setPick(null);
    setHover(null);
    setRetagging(false);
  }, [resetFind]);
  const library = useLibrary(api, setNotice, resetForDocument);
  const { documents, opened, settings, activity, openDocument, importFiles } = library;
  const [tags, setTags] = useCodebook(api, showError);
  const settingsControl = useSettings(api, settings, library.setSettings, showError);
  const threadsRef = useRef<CommentThreadsHandle>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const reportInputRef = useRef<HTMLInputElement>(null);
  const saveQueue = useMemo(() => new SaveQueue(api), [api]);
  const author = settings?.authorName ?? 'Analyst';
  const context = useMemo(() => systemEditContext(author), [author]);
  const actions = useAnnotationActions(controllerRef, api);
  const activeTags = useMemo(() => tags.filter((tag) => !tag.archived), [tags]);
  useTagStyles(tags);

  const visible = useMemo(
    () => filterAnnotations(snapshot.annotations, filter),
    [snapshot.annotations, filter],
  );
  const selected = snapshot.selected ?? undefined;
  const pageOf = useMemo(() => {
    const blocks = opened?.article.blocks;
    if (!blocks?.some((block) => block.page !== undefined)) return undefined;
    return (offset: number) => pageOfOffset(blocks, offset);
  }, [opened]);

  useEffect(() => saveQueue.subscribe(setSaveStatus), [saveQueue]);

  // A new name starts a new history: undoing past the rename would change comments under a name
  // the store no longer accepts for them.
  useEffect(() => {
    if (author) controllerRef.current?.clearHistory();
  }, [author]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!saveQueue.isIdle) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saveQueue]);

  const chooseFiles = useCallback(() => fileInputRef.current?.click(), []);

  const searchLibrary = useCallback((query: string) => api.library.search({ query, limit: 100 }), [api]);
  // What to show once a search hit's document is open: its annotation, or its words.
  const pendingHit = useRef<SearchHit | null>(null);
  const revealHit = useCallback(
    (hit: SearchHit) => {
      const controller = controllerRef.current;
      if (!controller) return;
      if (hit.annotationId) {
        controller.select(hit.annotationId, { reveal: true });
        return;
      }
      const word = hit.snippet.find((piece) => piece.isMatch)?.text;
      if (word) findBar.show(word, hit.position);
    },
    [findBar],
  );
  const openHit = useCallback(
    async (hit: SearchHit) => {
      if (opened?.article.id === hit.documentId) {
        revealHit(hit);
        return;
      }
      pendingHit.current = hit;
      await openDocument(hit.documentId);
    },
    [opened, openDocument, revealHit],
  );
  useEffect(() => {
    const hit = pendingHit.current;
    if (!opened || !hit || hit.documentId !== opened.article.id) return;
    pendingHit.current = null;
    revealHit(hit);
  }, [opened, revealHit]);

  const [isTableOpen, setTableOpen] = useState(false);
  const updateMetadata = useCallback(
    async (change: DocumentMetadataChange) => {
      try {
        await api.library.update(change);
        await library.refresh();
        if (opened?.article.id === change.id) await openDocument(change.id);
      } catch (error) {
        showError(error);
      }
    },
    [api, library, opened, openDocument, showError],
  );

  // A file the person says is a new version of the open article, whatever its name.
  const versionInputRef = useRef<HTMLInputElement>(null);
  const importVersion = useCallback(
    async (file: File) => {
      if (!opened) return;
      try {
        library.setActivity(`Importing ${file.name} as a new version…`);
        const result = await api.versions.importVersion({
          documentId: opened.article.id,
          fileName: file.name,
          data: await readFileAsBase64(file),
        });
        await library.refresh();
        await openDocument(result.document.id);
        setNotice({
          kind: 'info',
          text: result.isDuplicate
            ? `“${result.document.title}” has the same text as a document already in the library; it is open now.`
            : `Imported as version ${result.document.version}; ${result.document.annotationCount} of ${result.previousVersion?.annotationCount ?? 0} annotations were carried over, and anything that needs a look is listed under Review.`,
        });
      } catch (error) {
        showError(error);
      } finally {
        library.setActivity(null);
      }
    },
    [api, library, opened, openDocument, showError],
  );

  // Correction mode edits the text itself; saving makes a new version and opens it.
  const startCorrecting = useCallback(async () => {
    await saveQueue.whenIdle();
    setCorrecting(true);
  }, [saveQueue]);
  const saveCorrections = useCallback(
    async (request: CorrectionRequest) => {
      try {
        const result = await api.versions.correct(request);
        await library.refresh();
        await openDocument(result.document.id);
        setNotice({
          kind: 'info',
          text: result.isDuplicate
            ? 'The text is as it was, so nothing was saved.'
            : `Saved the corrections as version ${result.document.version}; version ${result.previousVersion?.version ?? 1} stays as it was.`,
        });
      } catch (error) {
        showError(error);
      }
    },
    [api, library, openDocument, showError],
  );

  // A deletion can be undone from the notice that reports it (and for a week through the API).
  const deleteDocument = useCallback(
    async (document: ArticleSummary) => {
      try {
        await saveQueue.whenIdle();
        await api.library.remove({ id: document.id });
        if (opened?.article.id === document.id) library.closeDocument();
        await library.refresh();
        setNotice({
          kind: 'info',
          text: `Deleted “${document.title}”${withItsAnnotations(document.annotationCount)}.`,
          action: {
            label: 'Undo',
            run: () => {
              void api.library
                .undoRemove({ id: document.id })
                .then(() => library.refresh())
                .then(() => openDocument(document.id))
                .catch(showError);
            },
          },
        });
      } catch (error) {
        showError(error);
      }
    },
    [api, library, opened, openDocument, saveQueue, showError],
  );
  const isDragging = useFileDrop(importFiles);

  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const reportDocumentIds = useMemo(() => {
    if (chosen.size > 0)
      return documents.filter((document) => chosen.has(document.id)).map((document) => document.id);
    return opened ? [opened.article.id] : [];
  }, [chosen, documents, opened]);
  const reports = useReports({
    api,
    documentIds: reportDocumentIds,
    whenSaved: useCallback(() => saveQueue.whenIdle(), [saveQueue]),
    onActivity: library.setActivity,
    onError: showError,
    onMerged: useCallback(
      async (touched: readonly string[]) => {
        await library.refresh();
        // A report may bring tags the codebook lacked: they are shown and offered at once.
        setTags(await api.codebook.list({}));
        if (opened && touched.includes(opened.article.id)) await openDocument(opened.article.id);
      },
      [api, setTags, library.refresh, opened, openDocument],
    ),
  });
  const { exportReport } = reports;
  const reportScope =
    chosen.size > 0
      ? `${reportDocumentIds.length} chosen ${reportDocumentIds.length === 1 ? 'article' : 'articles'}`
      : 'this article';

  useEffect(
    () =>
      client.onCommand((command) => {
        const format = ReportFormat.options.find((candidate) => command === `export-${candidate}`);
        if (format) void exportReport(format);
        else if (command === 'open-article') chooseFiles();
        else if (command === 'import-report') reportInputRef.current?.click();
        else if (command === 'undo') controllerRef.current?.undo();
        else if (command === 'redo') controllerRef.current?.redo();
        else if (command === 'restore-backup') setDialog('backups');
      }),
    [client, chooseFiles, exportReport],
  );

  const controller = () => controllerRef.current;
  useWorkbenchKeys({
    undo: () => controller()?.undo(),
    redo: () => controller()?.redo(),
    openArticle: chooseFiles,
    find: () => {
      if (opened) findBar.open();
    },
    zoom: settingsControl.zoom,
    tagKey: (key) => {
      const tag = activeTags.find((candidate) => candidate.shortcut === key);
      if (isRetagging) {
        setRetagging(false);
        return Boolean(tag && selected && controller()?.retag(selected.id, tag.key));
      }
      return Boolean(tag && controller()?.tag(tag.key));
    },
    step: (direction) => {
      const next = adjacentAnnotation(visible, selected, direction);
      if (!next) return false;
      controller()?.select(next.id, { reveal: true });
      return true;
    },
    extend: (unit) => controller()?.extendSelection(unit) ?? false,
    startRetag: () => {
      if (!selected) return false;
      setRetagging(true);
      return true;
    },
    focusComment: () => {
      if (!selected || !threadsRef.current) return false;
      threadsRef.current.focus();
      return true;
    },
    removeSelected: () => {
      if (!selected) return false;
      actions.remove(selected.id);
      return true;
    },
    moveBoundary: (edge, direction) => controller()?.moveSelectedBoundary(edge, direction) ?? false,
    escape: () => {
      if (isRetagging) {
        setRetagging(false);
        return true;
      }
      if (!selected) return false;
      controller()?.select(null);
      return true;
    },
    leaveField: () => controller()?.focus(),
    showShortcuts: () => setDialog('shortcuts'),
    isRightToLeft: () => opened?.article.dir === 'rtl',
  });

  const listener = useMemo(
    () => ({
      onChanges: saveQueue.enqueue.bind(saveQueue),
      onSnapshot: setSnapshot,
      onPick: (ids: readonly string[], point: { x: number; y: number }) => setPick({ ids, point }),
    }),
    [saveQueue],
  );
  const closePick = useCallback(() => setPick(null), []);
  const hovered = hover ? controller()?.annotation(hover.id) : undefined;
  const picked = pick
    ? pick.ids.map((id) => controller()?.annotation(id)).filter((annotation) => annotation !== undefined)
    : [];

  return (
    <div className="app">
      <AppBar
        status={
          <>
            <SaveStatusView status={saveStatus} activity={activity} />
            {library.cancelImport ? (
              <button type="button" className="small" onClick={library.cancelImport}>
                Stop importing
              </button>
            ) : null}
          </>
        }
        canChangeSettings={Boolean(settings)}
        onOpenArticle={chooseFiles}
        onImportReport={() => reportInputRef.current?.click()}
        exportMenu={
          <ExportMenu
            isDisabled={reportDocumentIds.length === 0}
            scope={reportScope}
            options={reports.options}
            onOptions={reports.setOptions}
            onExport={(format) => void exportReport(format)}
          />
        }
        onDialog={setDialog}
      />
      <HiddenFileInput
        inputRef={reportInputRef}
        accept=".json,application/json"
        onFiles={([file]) => void reports.importReport(file!)}
      />
      <HiddenFileInput
        inputRef={versionInputRef}
        accept={ARTICLE_ACCEPT}
        onFiles={([file]) => void importVersion(file!)}
      />
      <HiddenFileInput
        inputRef={fileInputRef}
        multiple
        accept={ARTICLE_ACCEPT}
        onFiles={(files) => void importFiles(files)}
      />
      {isTableOpen ? (
        <LibraryTableDialog
          documents={documents}
          tags={tags}
          onOpen={(id) => void openDocument(id)}
          onUpdate={updateMetadata}
          onClose={() => setTableOpen(false)}
        />
      ) : null}
      {notice ? (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.action ? (
            <button
              type="button"
              className="small"
              onClick={() => {
                notice.action?.run();
                setNotice(null);
              }}
            >
              {notice.action.label}
            </button>
          ) : null}
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
          chosen={chosen}
          onChoose={setChosen}
          onOpen={openDocument}
          onDelete={(document) => void deleteDocument(document)}
          search={searchLibrary}
          onOpenHit={(hit) => void openHit(hit)}
          onShowTable={() => setTableOpen(true)}
        />
        <section className="reader" aria-label="Article">
          {opened ? (
            <>
              <TagToolbar
                tags={activeTags}
                canTag={snapshot.hasTextSelection}
                onTag={(key) => controller()?.tag(key)}
                retagHint={isRetagging ? 'Retag: press a tag key (Esc to cancel)' : null}
              />
              {findBar.bar ? <FindBar key={findBar.bar.turn} {...findBar.bar} /> : null}
              <div className="reader-scroll" onScroll={() => hover && setHover(null)}>
                <ReviewPanel
                  api={api}
                  article={opened.article}
                  annotations={snapshot.annotations}
                  tags={tags}
                  controller={controller}
                  onReload={() => void openDocument(opened.article.id)}
                  onError={showError}
                />
                <ArticleHeader
                  article={opened.article}
                  onCorrect={isCorrecting ? undefined : () => void startCorrecting()}
                  onNewVersion={isCorrecting ? undefined : () => versionInputRef.current?.click()}
                />
                {isCorrecting ? (
                  <CorrectionEditor
                    opened={opened}
                    annotations={snapshot.annotations}
                    onSave={saveCorrections}
                    onCancel={() => setCorrecting(false)}
                  />
                ) : (
                  <ArticleView
                    opened={opened}
                    onHover={setHover}
                    context={context}
                    listener={listener}
                    controllerRef={controllerRef}
                  />
                )}
              </div>
            </>
          ) : (
            <div className="welcome">
              <h1>Read closely. Tag what matters.</h1>
              <p>
                Open an article (a web page, text, Markdown, Word or PDF file), select a passage and tag it as
                a <b>claim</b>, a <b>quote</b> or an <b>opinion</b>. Comment on it, then export a report as
                JSON or HTML.
              </p>
              <button type="button" className="primary" onClick={chooseFiles}>
                Choose a file…
              </button>
            </div>
          )}
        </section>
        <AnnotationsPanel
          annotations={snapshot.annotations}
          visible={visible}
          tags={tags}
          selected={selected}
          author={author}
          filter={filter}
          onFilter={setFilter}
          actions={actions}
          threadsRef={threadsRef}
          pageOf={pageOf}
        />
      </main>
      {hovered && hover && !pick ? (
        <HoverCard annotation={hovered} tag={tags.find((tag) => tag.key === hovered.tag)} rect={hover.rect} />
      ) : null}
      {pick && picked.length > 1 ? (
        <PickMenu
          annotations={picked}
          tags={tags}
          point={pick.point}
          onPick={(id) => {
            setPick(null);
            controller()?.select(id);
            controller()?.focus();
          }}
          onClose={closePick}
        />
      ) : null}
      {dialog === 'codebook' ? (
        <CodebookDialog
          api={api}
          tags={tags}
          onTags={setTags}
          onError={showError}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'settings' && settings ? (
        <SettingsDialog
          settings={settings}
          onChange={settingsControl.update}
          onBackups={() => setDialog('backups')}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'backups' ? (
        <BackupsDialog
          api={api}
          whenSaved={() => saveQueue.whenIdle()}
          onRestored={() => window.location.reload()}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {reports.merged ? (
        <MergeResultDialog
          fileName={reports.merged.fileName}
          result={reports.merged.result}
          tags={tags}
          onOpenDocument={(id) => void openDocument(id)}
          onClose={reports.closeMerged}
        />
      ) : null}
      {dialog === 'shortcuts' ? <ShortcutsDialog tags={tags} onClose={() => setDialog(null)} /> : null}
      {isDragging ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop to open the article
        </div>
      ) : null}
    </div>
  );
}

/** " and its 3 annotations" after what was deleted; nothing when it had none. */
function withItsAnnotations(count: number): string {
  if (count === 0) return '';
  return count === 1 ? ' and its annotation' : ` and its ${count} annotations`;
}
