import { createHash } from 'node:crypto';

/** The content hash of a canonical text: "sha256:" and the hex SHA-256 of its UTF-8 bytes. */
export function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** The hash the library keeps an imported file under: "sha256:" and the hex SHA-256 of its bytes. */
export function fileHash(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
