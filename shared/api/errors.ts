import { z } from 'zod';

/** Why a request failed, in a word a program can act on. */
export const ErrorCode = z.enum([
  'invalid-input',
  'not-found',
  'not-an-article',
  'too-large',
  'unsupported',
  'unauthorized',
  'forbidden',
  'storage',
  'internal',
]);
/** An error code. */
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A failure as it crosses a transport: a code and one sentence for a person. */
export const ApiErrorShape = z.object({ code: ErrorCode, message: z.string() });

/**
 * An error meant for a person: `message` is one clear sentence plus what to do. Services throw
 * it; transports carry it; the client throws it again on the other side.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** The answer to every request on every transport: a value, or an error for a person. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Turns whatever a service threw into the error half of an envelope, hiding internals. */
export function toErrorEnvelope(error: unknown): { ok: false; error: { code: ErrorCode; message: string } } {
  if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
  if (error instanceof z.ZodError) {
    return { ok: false, error: { code: 'invalid-input', message: describeZodError(error) } };
  }
  return {
    ok: false,
    error: {
      code: 'internal',
      message:
        'Margin hit an unexpected problem and nothing was changed; try again, and report it if it repeats.',
    },
  };
}

/** One sentence on one line naming the first problem zod found in a payload. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not in the expected form.';
  const where = issue.path.length > 0 ? ` at "${issue.path.map(pathSegment).join('.')}"` : '';
  const problem = issue.message.slice(0, 300).replace(/\s+/g, ' ').trim().replace(/\.+$/, '');
  return `The request was not in the expected form${where}: ${problem}.`;
}

// Keys come from the payload: a hostile one could hold line breaks, sentences or a megabyte of text.
function pathSegment(segment: PropertyKey): string {
  const text = String(segment);
  return /^[\w$-]{1,64}$/.test(text) ? text : '…';
}
