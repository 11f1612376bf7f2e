import { useEffect, useRef } from 'react';
import type { Annotation, Tag } from '../../../shared/model';
import { excerpt } from '../annotations/excerpt';

/** Props of the menu that picks one of several overlapping annotations. */
export interface PickMenuProps {
  annotations: readonly Annotation[];
  tags: readonly Tag[];
  point: { x: number; y: number };
  onPick: (id: string) => void;
  onClose: () => void;
}

/**
 * Where highlights overlap, a click offers each of them, shortest first: arrow keys move, Enter
 * picks, Escape or a click elsewhere closes.
 */
export function PickMenu({ annotations, tags, point, onPick, onClose }: PickMenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);
  const labels = new Map(tags.map((tag) => [tag.key, tag.label]));
  return (
    <div
      ref={menuRef}
      className="pick-menu"
      role="menu"
      aria-label="Overlapping annotations"
      style={{
        top: Math.min(point.y + 8, window.innerHeight - 240),
        left: Math.min(point.x, window.innerWidth - 340),
      }}
      onKeyDown={(event) => {
        const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
        const index = items.indexOf(document.activeElement as HTMLElement);
        const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
        if (step !== undefined) items[(index + step + items.length) % items.length]?.focus();
        else if (event.key === 'Escape' || event.key === 'Tab') onClose();
        else return;
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      {annotations.map((annotation) => (
        <button
          key={annotation.id}
          type="button"
          role="menuitem"
          className="pick-item"
          data-tag={annotation.tag}
          onClick={() => onPick(annotation.id)}
        >
          <span className="tag-badge">{labels.get(annotation.tag) ?? annotation.tag}</span>
          <span className="pick-quote">{excerpt(annotation.quote, 80)}</span>
        </button>
      ))}
    </div>
  );
}
