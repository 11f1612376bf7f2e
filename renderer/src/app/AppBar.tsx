import type { ReactNode } from 'react';

/** The dialogs the top bar opens. */
export type AppDialog = 'codebook' | 'settings' | 'backups' | 'shortcuts';

/** Props of the top bar. */
export interface AppBarProps {
  /** The save status line (or what is happening). */
  status: ReactNode;
  canChangeSettings: boolean;
  onOpenArticle: () => void;
  onImportReport: () => void;
  /** The Export button and its menu. */
  exportMenu: ReactNode;
  onDialog: (dialog: AppDialog) => void;
}

/** The top bar: open an article or another analyst's report, the codebook, whether work is saved, export, settings and help. */
export function AppBar({
  status,
  canChangeSettings,
  onOpenArticle,
  onImportReport,
  exportMenu,
  onDialog,
}: AppBarProps) {
  return (
    <header className="app-bar">
      <span className="brand">Margin</span>
      <button type="button" className="primary" onClick={onOpenArticle} aria-keyshortcuts="Control+O Meta+O">
        Open article
      </button>
      <button type="button" onClick={onImportReport}>
        Import report
      </button>
      <button type="button" onClick={() => onDialog('codebook')}>
        Codebook
      </button>
      <span className="spacer" />
      {status}
      {exportMenu}
      <button
        type="button"
        className="quiet"
        onClick={() => onDialog('settings')}
        disabled={!canChangeSettings}
      >
        Settings
      </button>
      <button
        type="button"
        className="quiet"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        onClick={() => onDialog('shortcuts')}
      >
        ?
      </button>
    </header>
  );
}
