import { ApiError } from '../../../shared/api/errors';

/** Which UTF-16 byte order a byte order mark announces, or null when there is none. */
export function utf16ByteOrder(bytes: Uint8Array): 'le' | 'be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  return null;
}

/** Turns CRLF and lone CR into LF, so offsets never depend on the platform a file came from. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Decodes bytes that are surely Unicode text: UTF-16 by its byte order mark, else valid UTF-8
 * (a UTF-8 BOM is dropped). Returns null when neither holds, so callers can refuse or sniff.
 */
export function decodeUnicode(bytes: Uint8Array): string | null {
  const byteOrder = utf16ByteOrder(bytes);
  const encoding = byteOrder === null ? 'utf-8' : `utf-16${byteOrder}`;
  try {
    // Without `ignoreBOM` the decoder consumes the byte order mark itself.
    return normaliseLineEndings(new TextDecoder(encoding, { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

/** Decodes a text file as UTF-8 or BOM-marked UTF-16 with LF line endings, or refuses it. */
export function decodeText(bytes: Uint8Array): string {
  const text = decodeUnicode(bytes);
  if (text === null) {
    throw new ApiError(
      'not-an-article',
      'This file is not UTF-8 or UTF-16 text, so its characters cannot be read reliably; save it again as UTF-8 and open that.',
    );
  }
  return text;
}
