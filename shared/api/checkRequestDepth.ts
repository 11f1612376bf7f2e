import { ApiError } from './errors';

/**
 * How many levels of objects and arrays a request may nest. A corpus report with replies to
 * replies stays well within it. zod checks nested values by recursion, and its work on comment
 * replies grows about with the cube of their depth, so a few kilobytes nested a few hundred
 * levels deep would otherwise exhaust the stack or the memory of the process answering.
 */
export const MAX_REQUEST_DEPTH = 64;

/**
 * Refuses a request (or a file read as one) whose values nest deeper than MAX_REQUEST_DEPTH,
 * walking it without recursion. `subject` names it in the sentence.
 */
export function checkRequestDepth(payload: unknown, subject = 'The request'): void {
  const pending: Array<{ value: unknown; depth: number }> = [{ value: payload, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth } = next;
    // Typed arrays hold numbers only; walking their elements one by one would cost for nothing.
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) continue;
    if (depth >= MAX_REQUEST_DEPTH) {
      throw new ApiError(
        'invalid-input',
        `${subject} nests its values more than ${MAX_REQUEST_DEPTH} levels deep, deeper than any Margin report or request, so it was not read.`,
      );
    }
    for (const child of Object.values(value)) {
      // Only objects and arrays nest; a report's many strings and numbers need no visit.
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: depth + 1 });
    }
  }
}
