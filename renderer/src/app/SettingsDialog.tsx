import { useId, useState } from 'react';
import {
  type ReadingWidth,
  type Settings,
  type SettingsChanges,
  type Theme,
  ZOOM_RANGE,
} from '../../../shared/api';
import { ModalDialog } from './ModalDialog';

/** Props of the settings dialog. */
export interface SettingsDialogProps {
  settings: Settings;
  onChange: (changes: SettingsChanges) => void;
  /** Opens the backups, to take one or restore one. */
  onBackups: () => void;
  onClose: () => void;
}

/** Your name (written on your comments), the theme, the text size and the reading width. */
export function SettingsDialog({ settings, onChange, onBackups, onClose }: SettingsDialogProps) {
  const id = useId();
  const [name, setName] = useState(settings.authorName);
  const saveName = () => {
    const trimmed = name.trim();
    if (trimmed && trimmed !== settings.authorName) onChange({ authorName: trimmed });
    else setName(settings.authorName);
  };
  return (
    <ModalDialog title="Settings" className="settings-dialog" onClose={onClose}>
      <div className="settings-fields">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          maxLength={200}
          autoComplete="name"
          onChange={(event) => setName(event.target.value)}
          onBlur={saveName}
          onKeyDown={(event) => {
            if (event.key === 'Enter') saveName();
          }}
        />
        <p className="hint">Written on your comments; only you can edit or delete them.</p>
        <label htmlFor={`${id}-theme`}>Theme</label>
        <select
          id={`${id}-theme`}
          value={settings.theme}
          onChange={(event) => onChange({ theme: event.target.value as Theme })}
        >
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        <label htmlFor={`${id}-width`}>Reading width</label>
        <select
          id={`${id}-width`}
          value={settings.readingWidth}
          onChange={(event) => onChange({ readingWidth: event.target.value as ReadingWidth })}
        >
          <option value="narrow">Narrow</option>
          <option value="comfortable">Comfortable</option>
          <option value="wide">Wide</option>
        </select>
        <label htmlFor={`${id}-zoom`}>Text size</label>
        <div className="zoom-field">
          <input
            id={`${id}-zoom`}
            type="range"
            min={ZOOM_RANGE.min}
            max={ZOOM_RANGE.max}
            step={0.1}
            value={settings.zoom}
            onChange={(event) => onChange({ zoom: Number(event.target.value) })}
          />
          <output htmlFor={`${id}-zoom`}>{Math.round(settings.zoom * 100)}%</output>
        </div>
        <span>Backups</span>
        <div>
          <button type="button" onClick={onBackups}>
            Backups and restore…
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
