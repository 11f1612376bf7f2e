import type { Services } from '../../shared/api';
import { AnnotationsService } from './annotationsService';
import { BackupsService } from './backupsService';
import { CodebookService } from './codebookService';
import type { LibraryStore } from './db/libraryStore';
import { storageError } from './db/storageErrors';
import { LibraryService } from './libraryService';
import { type PdfPrinter, ReportsService } from './reportsService';
import { SettingsService } from './settingsService';
import { VersionsService } from './versionsService';

/** What the workbench needs besides its store. */
export interface WorkbenchOptions {
  /** "Margin x.y.z", written into reports. */
  generator: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Prints HTML reports to PDF; without one, PDF export says what is missing. */
  printPdf?: PdfPrinter;
}

/** The workbench: every service of the contract, over one library store. */
export interface Workbench extends Services {
  library: LibraryService;
  annotations: AnnotationsService;
  codebook: CodebookService;
  reports: ReportsService;
  backups: BackupsService;
  settings: SettingsService;
  versions: VersionsService;
}

/**
 * Builds the workbench services on a library store. Every service answers a full disk, a
 * read-only or a damaged library with one sentence saying nothing was saved (see storageErrors).
 */
export function createWorkbench(store: LibraryStore, options: WorkbenchOptions): Workbench {
  const now = options.now ?? (() => new Date());
  const settings = new SettingsService(store);
  const annotations = new AnnotationsService(store, () => settings.authorName());
  const guard = <T extends object>(service: T) => withStorageErrors(service, store.file);
  const versions = new VersionsService(store, annotations, now);
  return {
    library: guard(new LibraryService(store, now, versions)),
    versions: guard(versions),
    annotations: guard(annotations),
    codebook: guard(new CodebookService(store)),
    reports: guard(new ReportsService(store, annotations, now, options.generator, options.printPdf ?? null)),
    backups: guard(new BackupsService(store, now)),
    settings: guard(settings),
  };
}

/** The same service, its methods' storage failures turned into errors for a person. */
function withStorageErrors<T extends object>(service: T, file: string): T {
  const translate = (error: unknown): never => {
    throw storageError(error, file) ?? error;
  };
  return new Proxy(service, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          const result = (value as (...inner: unknown[]) => unknown).apply(target, args);
          return result instanceof Promise ? result.catch(translate) : result;
        } catch (error) {
          return translate(error);
        }
      };
    },
  });
}
