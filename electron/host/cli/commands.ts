import { type Dirent, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ApiError, checkRequestDepth, MAX_ARTICLE_BYTES, ReportFormat } from '../../../shared/api';
import { CorpusReport, Report } from '../../../shared/model';
import type { Workbench } from '../../services/createWorkbench';
import { isArticleFileName } from '../../services/import/readArticle';
import { printJson, printLine, progress } from './output';

/**
 * `margin import FILE|FOLDER…`: imports each file, and every article file in each folder (and
 * the folders in it), reporting each result and a summary; fails if any file fails.
 */
export async function importFiles(
  workbench: Workbench,
  paths: string[],
  options: { json?: boolean },
): Promise<number> {
  const files = paths.flatMap(expandFolder);
  const imported: {
    id: string;
    title: string;
    file: string;
    isDuplicate: boolean;
    version: number;
    previousVersionId: string | null;
  }[] = [];
  let failures = 0;
  for (const [index, file] of files.entries()) {
    if (files.length > 1) progress(`Importing ${index + 1}/${files.length}: ${basename(file)}`);
    try {
      const outcome = await workbench.library.importBytes(basename(file), readArticleFile(file));
      imported.push({
        id: outcome.document.id,
        title: outcome.document.title,
        file,
        isDuplicate: outcome.isDuplicate,
        version: outcome.document.version,
        previousVersionId: outcome.previousVersion?.id ?? null,
      });
      if (!options.json) {
        const note = outcome.isDuplicate
          ? ' (already in the library)'
          : outcome.previousVersion
            ? ` (version ${outcome.document.version}; ${outcome.document.annotationCount} annotations carried over)`
            : '';
        printLine(`${outcome.document.id}  ${outcome.document.title}${note}`);
      }
    } catch (error) {
      failures += 1;
      process.stderr.write(`margin: ${file}: ${messageOf(error)}\n`);
    }
  }
  if (options.json) printJson(imported);
  if (files.length > 1) {
    const duplicates = imported.filter((entry) => entry.isDuplicate).length;
    progress(
      `Imported ${imported.length - duplicates} of ${files.length} files; ${duplicates} already in the library, ${failures} refused.`,
    );
  }
  if (files.length === 0) {
    process.stderr.write('margin: no article files (.txt, .md, .html, .docx, .pdf …) were found there.\n');
    return 1;
  }
  return failures === 0 ? 0 : 1;
}

/** A path as the files to import: a file itself, or a folder's article files, in name order. */
function expandFolder(path: string): string[] {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return [path];
  }
  if (!isFolder) return [path];
  return (readdirSync(path, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile() && isArticleFileName(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((first, second) => first.localeCompare(second));
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

/** What `margin export` takes besides the documents. */
export interface ExportOptions {
  format: string;
  out?: string;
  all?: boolean;
  /** False with `--no-comments`. */
  comments?: boolean;
  excerpts?: boolean;
}

/**
 * `margin export DOC… --format F [--out FILE]`, or `--all`: a report of one document, or of
 * several (a corpus), to a file or to standard output.
 */
export async function exportReport(
  workbench: Workbench,
  documentReferences: string[],
  options: ExportOptions,
): Promise<number> {
  const format = ReportFormat.safeParse(options.format);
  if (!format.success) {
    throw new ApiError(
      'invalid-input',
      `Unknown format "${options.format}"; use one of: ${ReportFormat.options.join(', ')}.`,
    );
  }
  if (options.all && documentReferences.length > 0) {
    throw new ApiError('invalid-input', 'Give document ids or --all, not both.');
  }
  const documentIds = options.all
    ? workbench.library.list().map((document) => document.id)
    : documentReferences.map((reference) => resolveDocument(workbench, reference));
  if (documentIds.length === 0) {
    throw new ApiError(
      'invalid-input',
      options.all
        ? 'The library is empty; add an article with `margin import FILE`.'
        : 'Name a document to export (its id or the start of it), or use --all.',
    );
  }
  if (documentIds.length > 1 || format.data === 'pdf') {
    progress(`Writing the ${format.data.toUpperCase()} report of ${plural(documentIds.length, 'document')}…`);
  }
  const report = await workbench.reports.render({
    documentIds,
    format: format.data,
    options: { includeComments: options.comments !== false, content: options.excerpts ? 'excerpts' : 'full' },
  });
  const bytes = report.encoding === 'base64' ? Buffer.from(report.content, 'base64') : report.content;
  if (options.out) {
    writeFileSync(options.out, bytes);
    progress(`Wrote ${options.out}`);
  } else {
    process.stdout.write(bytes);
  }
  return 0;
}

/** `margin merge REPORT.json`: adds a report's annotations (one document or a corpus) to the library. */
export function mergeReport(workbench: Workbench, file: string, options: { json?: boolean }): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ApiError('invalid-input', `${file} is not a JSON file Margin can read (${messageOf(error)}).`);
  }
  checkRequestDepth(parsed, file);
  const report = z.union([Report, CorpusReport]).safeParse(parsed);
  if (!report.success) {
    throw new ApiError(
      'invalid-input',
      `${file} is not a Margin report (format "margin.report" or "margin.corpus", version 1).`,
    );
  }
  const result = workbench.reports.merge(report.data);
  if (options.json) {
    printJson(result);
    return 0;
  }
  for (const document of result.documents) {
    const where = document.isNewDocument ? 'new document' : 'matching document';
    printLine(
      `Merged into the ${where} ${document.documentId} (${document.title}): ${document.added} added, ${document.unchanged} already there, ${plural(document.conflicts.length, 'conflict')}.`,
    );
    for (const conflict of document.conflicts) {
      printLine(
        `  Conflict: annotation ${conflict.theirs.id} ("${excerpt(conflict.theirs.quote)}") differs in ${conflict.differences.join(', ')}; kept the library's copy.`,
      );
    }
  }
  return 0;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function excerpt(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ');
  return flat.length <= 60 ? flat : `${flat.slice(0, 57)}…`;
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
