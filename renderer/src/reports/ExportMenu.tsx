import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { ReportFormat, ReportOptions } from '../../../shared/api';

const FORMATS: { format: ReportFormat; label: string; description: string }[] = [
  { format: 'html', label: 'HTML', description: 'a report to read and share' },
  { format: 'pdf', label: 'PDF', description: 'the HTML report, printed' },
  { format: 'json', label: 'JSON', description: 'for pipelines and other analysts' },
  { format: 'csv', label: 'CSV', description: 'one row per annotation, for spreadsheets' },
  { format: 'w3c', label: 'W3C Web Annotation', description: 'JSON-LD for annotation tools' },
  { format: 'claimreview', label: 'ClaimReview', description: 'schema.org, for claims with a verdict' },
];

/** Props of the export menu. */
export interface ExportMenuProps {
  isDisabled: boolean;
  /** What the report covers, e.g. "this article" or "3 chosen articles". */
  scope: string;
  options: ReportOptions;
  onOptions: (options: ReportOptions) => void;
  onExport: (format: ReportFormat) => void;
}

/** The Export button and its menu: the report formats, and whether comments and the whole text go in. */
export function ExportMenu({ isDisabled, scope, options, onOptions, onExport }: ExportMenuProps) {
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
    const items = [
      ...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitemcheckbox"]') ??
        []),
    ];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      setOpen(false);
      buttonRef.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? items[0] : items.at(-1))?.focus();
    }
  };

  const checkbox = (label: string, isChecked: boolean, change: () => void) => (
    <button type="button" role="menuitemcheckbox" aria-checked={isChecked} onClick={change}>
      <span className="menu-check" aria-hidden="true">
        {isChecked ? '✓' : ''}
      </span>
      <span className="menu-label">{label}</span>
    </button>
  );

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
        <div className="menu wide" role="menu" aria-label="Export" ref={menuRef} onKeyDown={onMenuKey}>
          <p className="menu-scope" aria-hidden="true">
            Report on {scope}
          </p>
          {FORMATS.map(({ format, label, description }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              aria-description={`Report on ${scope}: ${description}`}
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
          <hr className="menu-separator" />
          {checkbox('Include comments', options.includeComments, () =>
            onOptions({ ...options, includeComments: !options.includeComments }),
          )}
          {checkbox('Only annotated passages', options.content === 'excerpts', () =>
            onOptions({ ...options, content: options.content === 'excerpts' ? 'full' : 'excerpts' }),
          )}
        </div>
      ) : null}
    </div>
  );
}
