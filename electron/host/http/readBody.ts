import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../../shared/api';

/** Reads a request body as UTF-8, refusing it as soon as it passes `limit` bytes. */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(tooLarge(limit));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        reject(tooLarge(limit));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function tooLarge(limit: number): ApiError {
  const megabytes = Math.round(limit / (1024 * 1024));
  return new ApiError(
    'too-large',
    `The request is larger than this method accepts (${megabytes} MB); send less at once.`,
  );
}
