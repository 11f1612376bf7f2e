#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { defaultDatabasePath } from '../../services/defaultDatabasePath';
import { MARGIN_VERSION } from '../../services/version';
import { listLibraryBackups, restoreLibraryBackup } from './backupCommands';
import {
  type ExportOptions,
  exportReport,
  importFiles,
  listDocuments,
  mergeReport,
  messageOf,
} from './commands';
import { type OpenedWorkbench, openWorkbench } from './openWorkbench';
import { serveWorkbench } from './serveWorkbench';

/** The built renderer, beside this bundle in out/. */
const RENDERER_DIRECTORY = fileURLToPath(new URL('../renderer/', import.meta.url));

const DB_OPTION = ['--db <file>', "the library database (default: the desktop app's own)"] as const;

/** Runs a command on an opened library, turning any error into one line on standard error and exit 1. */
async function run(
  databasePath: string | undefined,
  work: (opened: OpenedWorkbench) => number | Promise<number | undefined>,
): Promise<void> {
  let opened: OpenedWorkbench | undefined;
  try {
    opened = openWorkbench(databasePath);
    const code = await work(opened);
    if (code === undefined) return;
    opened.close();
    process.exitCode = code;
  } catch (error) {
    opened?.close();
    process.stderr.write(`margin: ${messageOf(error)}\n`);
    process.exitCode = 1;
  }
}

/** Runs a command on the library's file without opening it as a workbench. */
async function runOnFile(databasePath: string | undefined, work: (file: string) => number | Promise<number>) {
  try {
    process.exitCode = await work(databasePath ?? defaultDatabasePath());
  } catch (error) {
    process.stderr.write(`margin: ${messageOf(error)}\n`);
    process.exitCode = 1;
  }
}

const program = new Command('margin')
  .description('Margin: annotate news articles (claims, quotes, opinions) and export reports.')
  .version(MARGIN_VERSION)
  .showHelpAfterError();

program
  .command('import')
  .description(
    'import articles (.txt, .md, .html, .docx, .pdf), or every article in a folder, into the library',
  )
  .argument('<paths...>', 'the files or folders to import')
  .option(...DB_OPTION)
  .option('--json', 'print the imported documents as JSON')
  .action((files: string[], options: { db?: string; json?: boolean }) =>
    run(options.db, ({ workbench }) => importFiles(workbench, files, options)),
  );

program
  .command('list')
  .description('list the documents in the library')
  .option(...DB_OPTION)
  .option('--json', 'print the documents as JSON')
  .action((options: { db?: string; json?: boolean }) =>
    run(options.db, ({ workbench }) => listDocuments(workbench, options)),
  );

program
  .command('export')
  .description('write a report of one or more documents (by id or id prefix), or of the whole library')
  .argument('[docs...]', 'the document ids, or the start of each')
  .requiredOption('--format <format>', 'json, html, pdf, w3c, csv or claimreview')
  .option('--all', 'report on every document in the library')
  .option('--out <file>', 'write to this file instead of standard output')
  .option('--no-comments', 'leave comment threads out (html, pdf, w3c, csv)')
  .option('--excerpts', 'show only the annotated paragraphs, not the whole article (html, pdf)')
  .option(...DB_OPTION)
  .action((docs: string[], options: { db?: string } & ExportOptions) =>
    run(options.db, ({ workbench }) => exportReport(workbench, docs, options)),
  );

program
  .command('merge')
  .description("add a JSON report's annotations (one document or several) to the library")
  .argument('<report>', 'a report written by `margin export --format json`')
  .option(...DB_OPTION)
  .option('--json', 'print the outcome as JSON')
  .action((file: string, options: { db?: string; json?: boolean }) =>
    run(options.db, ({ workbench }) => mergeReport(workbench, file, options)),
  );

program
  .command('serve')
  .description('serve the workbench to a browser on 127.0.0.1')
  .option('--port <port>', 'the port (default: any free port)')
  .option(...DB_OPTION)
  .option('--json', 'print the address and token as JSON')
  .action((options: { db?: string; port?: string; json?: boolean }) =>
    run(options.db, async (opened) => {
      await serveWorkbench(opened, RENDERER_DIRECTORY, options);
      return undefined;
    }),
  );

program
  .command('backups')
  .description('list the snapshots of the library (one a day it is used, one before each upgrade)')
  .option(...DB_OPTION)
  .option('--json', 'print the backups as JSON')
  .action((options: { db?: string; json?: boolean }) =>
    runOnFile(options.db, (file) => listLibraryBackups(file, options)),
  );

program
  .command('restore')
  .description('put a backup back into the library (close Margin first); the library as it was is kept')
  .argument('<backup>', 'a name from `margin backups`, or the path of a library file')
  .option(...DB_OPTION)
  .action((backup: string, options: { db?: string }) =>
    runOnFile(options.db, (file) => restoreLibraryBackup(file, backup)),
  );

await program.parseAsync();
