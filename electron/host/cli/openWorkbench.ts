import { createWorkbench, type Workbench } from '../../services/createWorkbench';
import { LibraryStore } from '../../services/db/libraryStore';
import { defaultDatabasePath } from '../../services/defaultDatabasePath';
import { GENERATOR } from '../../services/version';
import { chromiumPdfPrinter } from '../pdf/chromiumPdf';

/** A workbench opened on a library file, to be closed when the command ends. */
export interface OpenedWorkbench {
  workbench: Workbench;
  databasePath: string;
  close(): void;
}

/** Opens the library at `--db`, or the desktop app's own library when none is given. */
export function openWorkbench(databasePath: string | undefined): OpenedWorkbench {
  const path = databasePath ?? defaultDatabasePath();
  const store = LibraryStore.open(path);
  return {
    workbench: createWorkbench(store, { generator: GENERATOR, printPdf: chromiumPdfPrinter() }),
    databasePath: path,
    close: () => store.close(),
  };
}
