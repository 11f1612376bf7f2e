import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import type { OpenedArticle } from '../../../shared/api';
import type { EditContext } from './commands/editContext';
import { EditorController, type EditorListener } from './EditorController';

/** Props of the article view. */
export interface ArticleViewProps {
  opened: OpenedArticle;
  /** The pointer rests on an annotation's highlight (its innermost one), or left it (null). */
  onHover: (hover: { id: string; rect: DOMRect } | null) => void;
  context: EditContext;
  listener: EditorListener;
  /** Receives the controller while the view exists, so the app's buttons and keys can drive it. */
  controllerRef: RefObject<EditorController | null>;
}

/** Hosts the ProseMirror view of the open article; a new document gets a new view. */
export function ArticleView({ opened, onHover, context, listener, controllerRef }: ArticleViewProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const hoveredRef = useRef<Element | null>(null);
  const listenerRef = useRef(listener);
  listenerRef.current = listener;
  const contextRef = useRef(context);
  contextRef.current = context;

  // Built before the browser paints, so the article, its highlights and the list the controller
  // reports come up in one frame rather than the list a frame or two after the text.
  useLayoutEffect(() => {
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
        onPick: (ids, point) => listenerRef.current.onPick(ids, point),
      },
    );
    controllerRef.current = controller;
    return () => {
      controller.destroy();
      if (controllerRef.current === controller) controllerRef.current = null;
    };
  }, [opened, controllerRef]);

  // A scroll hides the card (the highlight moved from under it): forget the highlight, so the
  // pointer's next move over it shows the card again.
  useEffect(() => {
    const forget = () => {
      hoveredRef.current = null;
    };
    window.addEventListener('scroll', forget, { capture: true, passive: true });
    return () => window.removeEventListener('scroll', forget, { capture: true });
  }, []);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hovering only previews; the same details are in the Annotations region for keyboard users.
    <div
      className="article-mount"
      dir={opened.article.dir}
      lang={opened.article.lang ?? undefined}
      ref={mountRef}
      onMouseMove={(event) => {
        const element = event.target instanceof Element ? event.target.closest('[data-annotation-id]') : null;
        // Moving within one highlight (over its links, say) is no news: only a change is reported.
        if (element === hoveredRef.current) return;
        hoveredRef.current = element;
        const id = element?.getAttribute('data-annotation-id');
        onHover(id && element ? { id, rect: element.getBoundingClientRect() } : null);
      }}
      onMouseLeave={() => {
        hoveredRef.current = null;
        onHover(null);
      }}
    />
  );
}
