import { type Api, ApiError } from '../../../shared/api';
import type { Annotation } from '../../../shared/model';
import type { AnnotationChange } from '../editor/plugins/annotationChange';

/** What the user is told about saving. */
export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; message: string };

/** The state an annotation must reach in the library: saved as this, or removed. */
type Target = { kind: 'save'; annotation: Annotation } | { kind: 'remove'; id: string };

/** Errors that say the change itself is wrong: sending it again would fail again. */
const PERMANENT = new Set([
  'invalid-input',
  'not-found',
  'too-large',
  'forbidden',
  'unsupported',
  'not-an-article',
]);

const RETRY_MILLISECONDS = [1000, 2000, 5000, 10000];

/**
 * Writes annotation changes to the library in the order they were made, one request at a time.
 * While a request is out, later changes to the same annotation collapse into its latest state,
 * so typing a comment sends what is needed and never an older text after a newer one. A failed
 * write is kept and retried, and the status says so: nothing is dropped silently.
 */
export class SaveQueue {
  private pending = new Map<string, Target>();
  /** Changes the library refused (they would be refused again): kept, and reported, not retried. */
  private readonly refused = new Map<string, { target: Target; message: string }>();
  private running = false;
  private failures = 0;
  private status: SaveStatus = { state: 'idle' };
  private readonly listeners = new Set<(status: SaveStatus) => void>();

  constructor(private readonly api: Api) {}

  /** Queues the changes of one transaction. */
  enqueue(changes: readonly AnnotationChange[]): void {
    for (const change of changes) {
      const id = change.after?.id ?? change.before?.id;
      if (!id) continue;
      this.refused.delete(id);
      this.pending.delete(id);
      this.pending.set(
        id,
        change.after ? { kind: 'save', annotation: change.after } : { kind: 'remove', id },
      );
    }
    void this.drain();
  }

  /** Whether every change has reached the library. */
  get isIdle(): boolean {
    return !this.running && this.pending.size === 0;
  }

  /** Resolves once every queued change has been sent (successfully or not). */
  whenIdle(): Promise<void> {
    if (this.isIdle) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.subscribe(() => {
        if (!this.isIdle) return;
        queueMicrotask(() => stop());
        resolve();
      });
    });
  }

  /** Listens to status changes; returns a function that stops listening. */
  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.setStatus({ state: 'saving' });
    while (this.pending.size > 0) {
      const [id, target] = this.pending.entries().next().value as [string, Target];
      this.pending.delete(id);
      try {
        if (target.kind === 'save') await this.api.annotations.save(target.annotation);
        else await this.api.annotations.remove({ id: target.id });
        this.failures = 0;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof ApiError && PERMANENT.has(error.code)) {
          this.refused.set(id, { target, message });
          continue;
        }
        if (!this.pending.has(id)) this.pending = requeueFirst(this.pending, id, target);
        this.setStatus({ state: 'failed', message: `${message} Retrying…` });
        const delay = RETRY_MILLISECONDS[Math.min(this.failures, RETRY_MILLISECONDS.length - 1)]!;
        this.failures += 1;
        await new Promise((resolve) => setTimeout(resolve, delay));
        this.setStatus({ state: 'saving' });
      }
    }
    this.running = false;
    const refusal = [...this.refused.values()].at(-1);
    this.setStatus(refusal ? { state: 'failed', message: refusal.message } : { state: 'saved' });
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}

/** The same pending map with one entry put back at the front, to be retried first. */
function requeueFirst(pending: Map<string, Target>, id: string, target: Target): Map<string, Target> {
  return new Map([[id, target], ...pending]);
}
