import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { ReportFormat } from '../../../shared/api';

const FORMATS: { format: ReportFormat; label: string; description: string }[] = [
  { format: 'json', label: 'JSON', description: 'for pipelines and datasets' },
  { format: 'html', label: 'HTML', description: 'a report to read and share' },
];

/** Props of the export menu. */
export interface ExportMenuProps {
  isDisabled: boolean;
  onExport: (format: ReportFormat) => void;
}

/** The Export button and its menu of report formats. */
export function ExportMenu({ isDisabled, onExport }: ExportMenuProps) {
  const [isOpen, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && event.target !== buttonRef.current)
        setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [isOpen]);

  const onMenuKey = (event: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      setOpen(false);
      buttonRef.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  };

  return (
    <div className="export-menu">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        disabled={isDisabled}
        onClick={() => setOpen((open) => !open)}
      >
        Export
      </button>
      {isOpen ? (
        <div className="menu" role="menu" aria-label="Export" ref={menuRef} onKeyDown={onMenuKey}>
          {FORMATS.map(({ format, label, description }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                onExport(format);
              }}
            >
              <span className="menu-label">{label}</span>
              <span className="menu-description" aria-hidden="true">
                {description}
              </span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
