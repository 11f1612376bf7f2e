import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError, MAX_ARTICLE_BYTES, ReportFormat } from '../../../shared/api';
import { Report } from '../../../shared/model';
import type { Workbench } from '../../services/createWorkbench';
import { printJson, printLine, progress } from './output';

/** `margin import FILE…`: imports each file, reporting each result; fails if any file fails. */
export function importFiles(workbench: Workbench, files: string[], options: { json?: boolean }): number {
  const imported: { id: string; title: string; file: string; isDuplicate: boolean }[] = [];
  let failures = 0;
  files.forEach((file, index) => {
    if (files.length > 1) progress(`Importing ${index + 1}/${files.length}: ${basename(file)}`);
    try {
      const outcome = workbench.library.importBytes(basename(file), readArticleFile(file));
      imported.push({
        id: outcome.document.id,
        title: outcome.document.title,
        file,
        isDuplicate: outcome.isDuplicate,
      });
      if (!options.json) {
        const note = outcome.isDuplicate ? ' (already in the library)' : '';
        printLine(`${outcome.document.id}  ${outcome.document.title}${note}`);
      }
    } catch (error) {
      failures += 1;
      process.stderr.write(`margin: ${file}: ${messageOf(error)}\n`);
    }
  });
  if (options.json) printJson(imported);
  return failures === 0 ? 0 : 1;
}

/** `margin list`: the library, newest first. */
export function listDocuments(workbench: Workbench, options: { json?: boolean }): number {
  const documents = workbench.library.list();
  if (options.json) {
    printJson(documents);
  } else if (documents.length === 0) {
    printLine('The library is empty; add an article with `margin import FILE`.');
  } else {
    for (const document of documents) {
      printLine(
        `${document.id}  ${document.title}  (${document.annotationCount} annotations, ${document.source})`,
      );
    }
  }
  return 0;
}

/** `margin export DOC --format json|html [--out FILE]`: a report to a file or to standard output. */
export function exportReport(
  workbench: Workbench,
  documentReference: string,
  options: { format: string; out?: string },
): number {
  const format = ReportFormat.safeParse(options.format);
  if (!format.success) {
    throw new ApiError(
      'invalid-input',
      `Unknown format "${options.format}"; use one of: ${ReportFormat.options.join(', ')}.`,
    );
  }
  const documentId = resolveDocument(workbench, documentReference);
  const report = workbench.reports.render({ documentId, format: format.data });
  if (options.out) {
    writeFileSync(options.out, report.content);
    progress(`Wrote ${options.out}`);
  } else {
    process.stdout.write(report.content);
  }
  return 0;
}

/** `margin merge REPORT.json`: adds a report's annotations to the matching document. */
export function mergeReport(workbench: Workbench, file: string, options: { json?: boolean }): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ApiError('invalid-input', `${file} is not a JSON file Margin can read (${messageOf(error)}).`);
  }
  const report = Report.safeParse(parsed);
  if (!report.success) {
    throw new ApiError(
      'invalid-input',
      `${file} is not a Margin report (format "margin.report", version 1).`,
    );
  }
  const result = workbench.reports.merge(report.data);
  if (options.json) {
    printJson(result);
  } else {
    const document = result.isNewDocument ? 'a new document' : 'the matching document';
    printLine(
      `Merged into ${document} ${result.documentId}: ${result.added} added, ${result.unchanged} already there.`,
    );
    for (const id of result.conflicts)
      printLine(`Conflict: annotation ${id} differs from the library's copy; kept the library's.`);
  }
  return 0;
}

/** Finds a document by full id or unique id prefix. */
export function resolveDocument(workbench: Workbench, reference: string): string {
  const matches = workbench.library
    .list()
    .filter((document) => document.id.startsWith(reference.toLowerCase()));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) {
    throw new ApiError(
      'not-found',
      `No document's id starts with "${reference}"; run \`margin list\` to see the ids.`,
    );
  }
  throw new ApiError(
    'invalid-input',
    `"${reference}" matches ${matches.length} documents; give more of the id.`,
  );
}

/** Reads an article file, refusing an oversized one before reading it. */
function readArticleFile(file: string): Uint8Array {
  const size = statSync(file).size;
  if (size > MAX_ARTICLE_BYTES) {
    throw new ApiError(
      'too-large',
      'This file is larger than 50 MB, more than Margin opens as one article; split it and import the parts.',
    );
  }
  return readFileSync(file);
}

/** The sentence to show for an error. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT')
    return 'no such file.';
  return error instanceof Error ? error.message : String(error);
}
