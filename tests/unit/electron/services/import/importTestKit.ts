import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ImportedArticle } from '../../../../../electron/services/import/readArticle';
import { ApiError, type ErrorCode } from '../../../../../shared/api/errors';
import { ArticleMetadata, Block } from '../../../../../shared/model';

/** The test fixtures folder, found from this file so tests never depend on the working directory. */
export const FIXTURES = new URL('../../../../fixtures/', import.meta.url);

/** A fixture file's bytes. */
export function fixtureBytes(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(relativePath, FIXTURES)));
}

/** Bytes of a UTF-8 string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Asserts the DESIGN §3 rules on an imported article and that it fits the shared schemas. */
export function expectCanonical(article: ImportedArticle): void {
  ArticleMetadata.parse(article.metadata);
  expect(article.blocks.map((block) => block.text).join('\n\n')).toBe(article.text);
  let offset = 0;
  for (const block of article.blocks) {
    Block.parse(block);
    expect(block.start).toBe(offset);
    expect(article.text.slice(block.start, block.end)).toBe(block.text);
    expect(block.text.length).toBeGreaterThan(0);
    for (const mark of block.marks) {
      expect(mark.start).toBeGreaterThanOrEqual(0);
      expect(mark.end).toBeGreaterThan(mark.start);
      expect(mark.end).toBeLessThanOrEqual(block.text.length);
    }
    offset = block.end + 2;
  }
  expect(article.text).not.toContain('\r');
}

/**
 * Asserts that `read` throws, or returns a promise that rejects with, an ApiError with `code` and
 * a message of one sentence.
 */
export async function expectRefusal(read: () => unknown, code: ErrorCode): Promise<ApiError> {
  let caught: unknown;
  try {
    await read();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ApiError);
  const error = caught as ApiError;
  expect(error.code).toBe(code);
  expectOneSentence(error.message);
  return error;
}

/** Asserts a message is one sentence: a capital start, one full stop at the end, no sentence break inside. */
export function expectOneSentence(message: string): void {
  expect(message).toMatch(/^[A-Z"]/);
  expect(message).toMatch(/[^.]\.$/);
  expect(message.slice(0, -1)).not.toMatch(/[.!?]\s+[A-Z]/);
}

/** Text as UTF-16 bytes in the given byte order, with its byte order mark. */
export function utf16(text: string, byteOrder: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, byteOrder === 'le');
  for (let index = 0; index < text.length; index += 1) {
    view.setUint16(2 + index * 2, text.charCodeAt(index), byteOrder === 'le');
  }
  return bytes;
}
