import { type RefObject, useEffect, useRef } from 'react';
import type { OpenedArticle } from '../../../shared/api';
import type { EditContext } from './commands/editContext';
import { EditorController, type EditorListener } from './EditorController';

/** Props of the article view. */
export interface ArticleViewProps {
  opened: OpenedArticle;
  context: EditContext;
  listener: EditorListener;
  /** Receives the controller while the view exists, so the app's buttons and keys can drive it. */
  controllerRef: RefObject<EditorController | null>;
}

/** Hosts the ProseMirror view of the open article; a new document gets a new view. */
export function ArticleView({ opened, context, listener, controllerRef }: ArticleViewProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const listenerRef = useRef(listener);
  listenerRef.current = listener;
  const contextRef = useRef(context);
  contextRef.current = context;

  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    const controller = new EditorController(
      mount,
      opened,
      {
        now: () => contextRef.current.now(),
        newId: () => contextRef.current.newId(),
        get author() {
          return contextRef.current.author;
        },
      },
      {
        onChanges: (changes) => listenerRef.current.onChanges(changes),
        onSnapshot: (snapshot) => listenerRef.current.onSnapshot(snapshot),
      },
    );
    controllerRef.current = controller;
    return () => {
      controller.destroy();
      if (controllerRef.current === controller) controllerRef.current = null;
    };
  }, [opened, controllerRef]);

  return (
    <div
      className="article-mount"
      dir={opened.article.dir}
      lang={opened.article.lang ?? undefined}
      ref={mountRef}
    />
  );
}
