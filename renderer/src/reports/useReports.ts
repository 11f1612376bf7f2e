import { useCallback, useState } from 'react';
import { z } from 'zod';
import {
  type Api,
  checkRequestDepth,
  type MergeResult,
  type ReportFormat,
  type ReportOptions,
} from '../../../shared/api';
import { CorpusReport, Report } from '../../../shared/model';
import { downloadFile } from '../app/downloadFile';

/** A report file: one document's or a corpus. */
const AnyReport = z.union([Report, CorpusReport]);

/** The largest report file the workbench reads (the merge request's own limit). */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/** What the hook needs from the workbench. */
export interface ReportsContext {
  api: Api;
  /** The documents a report covers now: the ones chosen in the library, else the open one. */
  documentIds: readonly string[];
  /** Resolves when every edit is in the library, so a report includes the last keystroke. */
  whenSaved: () => Promise<void>;
  onActivity: (activity: string | null) => void;
  onError: (error: unknown) => void;
  /** Called after a merge changed the library, with the documents it touched. */
  onMerged: (documentIds: readonly string[]) => Promise<void>;
}

/** Exporting reports in every format, and importing another analyst's report. */
export function useReports({ api, documentIds, whenSaved, onActivity, onError, onMerged }: ReportsContext) {
  const [options, setOptions] = useState<ReportOptions>({ includeComments: true, content: 'full' });
  const [merged, setMerged] = useState<{ fileName: string; result: MergeResult } | null>(null);

  const exportReport = useCallback(
    async (format: ReportFormat) => {
      if (documentIds.length === 0) return;
      onActivity(format === 'pdf' ? 'Printing the report to PDF…' : 'Writing the report…');
      try {
        await whenSaved();
        const report = await api.reports.render({ documentIds: [...documentIds], format, options });
        downloadFile(report.fileName, report.mediaType, report.content, report.encoding);
      } catch (error) {
        onError(error);
      } finally {
        onActivity(null);
      }
    },
    [api, documentIds, options, whenSaved, onActivity, onError],
  );

  const importReport = useCallback(
    async (file: File) => {
      onActivity(`Importing the report ${file.name}…`);
      try {
        if (file.size > MAX_REPORT_BYTES)
          throw new Error(`${file.name} is larger than 256 MB, more than Margin merges at once.`);
        let parsed: unknown;
        try {
          parsed = JSON.parse(await file.text());
        } catch {
          throw new Error(`${file.name} is not a JSON file; choose a report Margin exported as JSON.`);
        }
        checkRequestDepth(parsed, file.name);
        const report = AnyReport.safeParse(parsed);
        if (!report.success) {
          throw new Error(
            `${file.name} is not a Margin JSON report (format "margin.report" or "margin.corpus", version 1).`,
          );
        }
        await whenSaved();
        const result = await api.reports.merge(report.data);
        await onMerged(result.documents.map((document) => document.documentId));
        setMerged({ fileName: file.name, result });
      } catch (error) {
        onError(error);
      } finally {
        onActivity(null);
      }
    },
    [api, whenSaved, onActivity, onError, onMerged],
  );

  return { options, setOptions, exportReport, importReport, merged, closeMerged: () => setMerged(null) };
}
