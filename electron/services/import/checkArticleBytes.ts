import { MAX_ARTICLE_BYTES } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { utf16ByteOrder } from './decodeText';

// Text files rarely hold control characters at all; a tenth of them means the bytes are not text.
const MAX_CONTROL_SHARE = 0.1;

/**
 * Refuses bytes that cannot be an article before anything decodes them: too large, empty, or
 * binary where the format is text.
 */
export function checkArticleBytes(bytes: Uint8Array, { isBinaryFormat = false } = {}): void {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    const megabytes = Math.round(MAX_ARTICLE_BYTES / (1024 * 1024));
    throw new ApiError(
      'too-large',
      `This file is larger than ${megabytes} MB, too large to open as an article; save only the article's page or text and open that.`,
    );
  }
  if (bytes.length === 0) {
    throw new ApiError(
      'not-an-article',
      'This file is empty, so there is no article to open; choose a file with text in it.',
    );
  }
  if (!isBinaryFormat && isBinary(bytes)) {
    throw new ApiError(
      'not-an-article',
      'This file holds binary data such as an image or archive rather than text; save the article as text, Markdown or HTML and open that.',
    );
  }
}

/** Refuses decoded text that is only blank space. */
export function checkNotBlank(text: string): void {
  if (text.trim() === '') {
    throw new ApiError(
      'not-an-article',
      'This file holds only blank space, so there is no article to open; choose a file with text in it.',
    );
  }
}

/**
 * Whether bytes are binary rather than text: a NUL anywhere (in UTF-16, a NUL code unit), or a
 * high share of control characters other than tab, line feed, carriage return and form feed.
 */
export function isBinary(bytes: Uint8Array): boolean {
  const byteOrder = utf16ByteOrder(bytes);
  if (byteOrder === null && bytes.indexOf(0) !== -1) return true;
  const step = byteOrder === null ? 1 : 2;
  let units = 0;
  let controls = 0;
  for (let index = byteOrder === null ? 0 : 2; index + step <= bytes.length; index += step) {
    const unit =
      byteOrder === null
        ? bytes[index]!
        : byteOrder === 'le'
          ? bytes[index]! | (bytes[index + 1]! << 8)
          : (bytes[index]! << 8) | bytes[index + 1]!;
    if (unit === 0) return true;
    if (isControl(unit)) controls += 1;
    units += 1;
  }
  return units > 0 && controls / units > MAX_CONTROL_SHARE;
}

function isControl(unit: number): boolean {
  if (unit === 0x7f) return true;
  return unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0c && unit !== 0x0d;
}
