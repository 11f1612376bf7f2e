import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api, BackupSummary } from '../../../shared/api';
import { ModalDialog } from './ModalDialog';

/** Props of the backups dialog. */
export interface BackupsDialogProps {
  api: Api;
  /** Resolves once every change the user made has reached the library. */
  whenSaved: () => Promise<void>;
  /** Called after a restore: the workbench must read the library afresh. */
  onRestored: () => void;
  onClose: () => void;
}

const REASONS: Record<BackupSummary['reason'], string> = {
  daily: 'Daily',
  'before-upgrade': 'Before an upgrade',
  'before-restore': 'Before a restore',
  manual: 'Taken by hand',
};

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Step =
  | { kind: 'list' }
  | { kind: 'confirm'; backup: BackupSummary }
  | { kind: 'working'; text: string }
  | { kind: 'failed'; text: string };

/**
 * The library's snapshots: one a day and one before each upgrade, seven of each kind kept. The
 * user can take one now, or put one back; the library as it is then is kept as a snapshot first,
 * so a restore can be undone by restoring that.
 */
export function BackupsDialog({ api, whenSaved, onRestored, onClose }: BackupsDialogProps) {
  const [backups, setBackups] = useState<BackupSummary[] | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'list' });
  const confirmRef = useRef<HTMLButtonElement>(null);

  // Asking moves the focus to the answer, so the keyboard can confirm or cancel at once.
  useEffect(() => {
    if (step.kind === 'confirm') confirmRef.current?.focus();
  }, [step.kind]);

  const load = useCallback(async () => {
    try {
      setBackups(await api.backups.list({}));
    } catch (error) {
      setStep({ kind: 'failed', text: (error as Error).message });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const takeNow = async () => {
    setStep({ kind: 'working', text: 'Taking a backup…' });
    try {
      await api.backups.take({});
      await load();
      setStep({ kind: 'list' });
    } catch (error) {
      setStep({ kind: 'failed', text: (error as Error).message });
    }
  };

  const restore = async (backup: BackupSummary) => {
    setStep({ kind: 'working', text: 'Saving your last changes first…' });
    try {
      await whenSaved();
      setStep({
        kind: 'working',
        text: `Restoring the library as it was on ${WHEN.format(new Date(backup.takenAt))}…`,
      });
      await api.backups.restore({ name: backup.name });
      onRestored();
    } catch (error) {
      setStep({ kind: 'failed', text: (error as Error).message });
    }
  };

  return (
    <ModalDialog title="Backups" className="backups-dialog" onClose={onClose}>
      <p className="hint">
        Margin keeps a copy of your library each day you use it and before each upgrade, in the backups folder
        beside the library; the newest seven of each kind are kept.
      </p>
      {step.kind === 'confirm' ? (
        <div className="backups-confirm" role="alertdialog" aria-label="Restore this backup?">
          <p>
            Restore the library as it was on <strong>{WHEN.format(new Date(step.backup.takenAt))}</strong>?
            Everything changed since then is replaced. The library as it is now is kept as a backup first, so
            you can undo this by restoring that one.
          </p>
          <div className="dialog-actions">
            <button
              ref={confirmRef}
              type="button"
              className="primary"
              onClick={() => void restore(step.backup)}
            >
              Restore
            </button>
            <button type="button" onClick={() => setStep({ kind: 'list' })}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {step.kind === 'working' ? (
        <p className="backups-progress" role="status">
          {step.text}
        </p>
      ) : null}
      {step.kind === 'failed' ? (
        <p className="backups-error" role="alert">
          {step.text}
        </p>
      ) : null}
      {backups === null ? null : backups.length === 0 ? (
        <p className="backups-empty">There are no backups yet.</p>
      ) : (
        <table className="backups-list">
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.name}>
                <td>
                  <time dateTime={backup.takenAt}>{WHEN.format(new Date(backup.takenAt))}</time>
                </td>
                <td>{REASONS[backup.reason]}</td>
                <td>{size(backup.bytes)}</td>
                <td>
                  <button
                    type="button"
                    disabled={step.kind === 'working'}
                    aria-label={`Restore the backup taken ${WHEN.format(new Date(backup.takenAt))}`}
                    onClick={() => setStep({ kind: 'confirm', backup })}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={step.kind === 'working'} onClick={() => void takeNow()}>
          Back up now
        </button>
      </div>
    </ModalDialog>
  );
}
