import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import type { Annotation } from '../../../shared/model';

const WRITER = fileURLToPath(new URL('../../../out/crash/annotationWriter.mjs', import.meta.url));

/** Bundles tests/crash/annotationWriter.ts to run as a plain Node process, as the app's main process does. */
export async function bundleAnnotationWriter(): Promise<void> {
  await build({
    input: fileURLToPath(new URL('../../crash/annotationWriter.ts', import.meta.url)),
    platform: 'node',
    external: [/^node:/, 'better-sqlite3', 'jsdom', 'mammoth', /^pdfjs-dist/, 'yauzl'],
    output: { file: WRITER, format: 'esm' },
    logLevel: 'warn',
  });
}

/**
 * Starts the writer on a library; `started` resolves once it has acknowledged its first
 * annotation, and `kill` ends it with SIGKILL and returns every whole line it acknowledged.
 */
export function startWriter(file: string, documentId: string, first: number, mode: string) {
  const child: ChildProcess = spawn(process.execPath, [WRITER, file, documentId, String(first), mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = new Promise<void>((resolve, reject) => {
    const check = () => (output.includes('\n') ? resolve() : undefined);
    child.stdout!.on('data', check);
    child.once('exit', (code, signal) => {
      if (!output.includes('\n')) reject(new Error(`The writer stopped (${code ?? signal}): ${errors}`));
    });
  });
  return {
    started,
    async kill(): Promise<Annotation[]> {
      child.kill('SIGKILL');
      await exited;
      const lines = output.split('\n');
      lines.pop(); // Whatever follows the last line break is not a whole acknowledgement.
      return lines.map((line) => JSON.parse(line) as Annotation);
    },
  };
}
