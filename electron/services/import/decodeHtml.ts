import { decodeUnicode } from './decodeText';

// Browsers look for <meta charset> in the first 1024 bytes, but saved pages often declare it later.
const DECLARATION_SEARCH_BYTES = 64 * 1024;
const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const FALLBACK_ENCODING = 'windows-1252';

// What windows-1252 puts at 0x80-0x9F. Node 20's TextDecoder decodes that label as ISO-8859-1,
// turning curly quotes and dashes into invisible C1 controls, so those bytes are mapped here.
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes a page. Valid UTF-8 (or BOM-marked UTF-16) is read as such even where the page declares
 * another charset, since saved pages are often re-encoded with their old declaration left in
 * place. Other bytes are decoded by the charset the page declares anywhere near its start, else
 * as windows-1252, as browsers do.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const unicode = decodeUnicode(bytes);
  if (unicode !== null) return unicode;
  const declared = declaredCharset(bytes) ?? FALLBACK_ENCODING;
  // HTML reads a UTF-16 declaration without a BOM as UTF-8; bad UTF-8 bytes then show as U+FFFD, as in browsers.
  const label = /^utf-?16/i.test(declared) ? 'utf-8' : declared;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder(FALLBACK_ENCODING);
  }
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(
    /[\u0080-\u009f]/g,
    (control) => WINDOWS_1252_C1[control.charCodeAt(0) - 0x80] ?? control,
  );
}

/** The charset a page names in a <meta> tag near its start, or null. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, DECLARATION_SEARCH_BYTES),
  );
  return DECLARED_CHARSET.exec(head.toString('latin1'))?.[1] ?? null;
}
