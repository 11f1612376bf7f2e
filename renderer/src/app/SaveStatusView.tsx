import type { SaveStatus } from '../persistence/SaveQueue';

/** The quiet line that says whether work is saved, or what is happening. */
export function SaveStatusView({ status, activity }: { status: SaveStatus; activity: string | null }) {
  const text = activity ?? statusText(status);
  return (
    <p className={`save-status save-status-${status.state}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

function statusText(status: SaveStatus): string {
  switch (status.state) {
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'failed':
      return `Not saved: ${status.message}`;
    default:
      return '';
  }
}
