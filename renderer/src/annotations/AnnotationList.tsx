import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model';
import { AnnotationEntry, ROW_HEIGHT } from './AnnotationEntry';

/** Rows rendered beyond each edge of the viewport, so fast scrolling rarely shows a gap. */
const OVERSCAN = 8;

/** Props of the annotation list. */
export interface AnnotationListProps {
  annotations: readonly Annotation[];
  labels: ReadonlyMap<string, string>;
  /** The page of the original a text offset falls on, for articles from PDFs. */
  pageOf?: ((offset: number) => number | undefined) | undefined;
  /** The selected annotation's index in `annotations`, or -1. */
  selectedIndex: number;
  onChoose: (id: string) => void;
}

/**
 * The list of annotations in text order, virtualised: only the rows in view (and a few either
 * side) exist in the page, so ten thousand annotations cost what a screenful does. Arrow keys
 * move through the whole list; the selected row is scrolled into view.
 */
export function AnnotationList({
  annotations,
  labels,
  pageOf,
  selectedIndex,
  onChoose,
}: AnnotationListProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // Kept in a ref as well, so revealing a row needs no layout read (which would force a reflow).
  const scrollTopRef = useRef(0);
  const [height, setHeight] = useState(600);
  const focusPending = useRef(false);

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const observer = new ResizeObserver(() => setHeight(viewport.clientHeight));
    observer.observe(viewport);
    setHeight(viewport.clientHeight);
    return () => observer.disconnect();
  }, []);

  const selectedId = annotations[selectedIndex]?.id ?? null;

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || selectedIndex === -1) return;
    const top = selectedIndex * ROW_HEIGHT;
    const current = scrollTopRef.current;
    let next: number;
    if (top < current) next = top;
    else if (top + ROW_HEIGHT > current + height) next = top + ROW_HEIGHT - height;
    else return;
    viewport.scrollTop = next;
    scrollTopRef.current = next;
    setScrollTop(next);
  }, [selectedIndex, height]);

  useEffect(() => {
    if (!focusPending.current || !selectedId) return;
    focusPending.current = false;
    viewportRef.current
      ?.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(selectedId)}"]`)
      ?.focus();
  });

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(annotations.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? annotations.length - 1 : undefined;
    if (step === undefined && target === undefined) return;
    event.preventDefault();
    const index =
      target ??
      Math.min(annotations.length - 1, Math.max(0, (selectedIndex === -1 ? -1 : selectedIndex) + step!));
    const next = annotations[index];
    if (!next) return;
    focusPending.current = true;
    onChoose(next.id);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys bubble up from the entries' buttons; the wrapper itself is not interactive.
    <div
      className="annotation-list-viewport"
      ref={viewportRef}
      onScroll={(event) => {
        scrollTopRef.current = event.currentTarget.scrollTop;
        setScrollTop(scrollTopRef.current);
      }}
      onKeyDown={onKeyDown}
    >
      <ol className="annotation-list" style={{ height: annotations.length * ROW_HEIGHT }}>
        {annotations.slice(first, last).map((annotation, offset) => (
          <AnnotationEntry
            key={annotation.id}
            annotation={annotation}
            label={labels.get(annotation.tag) ?? annotation.tag}
            page={pageOf?.(annotation.start)}
            isSelected={annotation.id === selectedId}
            position={first + offset}
            count={annotations.length}
            onChoose={onChoose}
          />
        ))}
      </ol>
    </div>
  );
}
