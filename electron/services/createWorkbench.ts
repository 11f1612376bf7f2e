import type { Services } from '../../shared/api';
import { AnnotationsService } from './annotationsService';
import { CodebookService } from './codebookService';
import type { LibraryStore } from './db/libraryStore';
import { LibraryService } from './libraryService';
import { type PdfPrinter, ReportsService } from './reportsService';
import { SettingsService } from './settingsService';

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
  settings: SettingsService;
}

/** Builds the workbench services on a library store. */
export function createWorkbench(store: LibraryStore, options: WorkbenchOptions): Workbench {
  const now = options.now ?? (() => new Date());
  const settings = new SettingsService(store);
  const annotations = new AnnotationsService(store, () => settings.authorName());
  return {
    library: new LibraryService(store, now),
    annotations,
    codebook: new CodebookService(store),
    reports: new ReportsService(store, annotations, now, options.generator, options.printPdf ?? null),
    settings,
  };
}
