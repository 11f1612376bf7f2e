/** What a report shows of the article: all of it, or only the paragraphs holding annotated passages. */
export type ReportContent = 'full' | 'excerpts';

/** The reader's choices for a report. */
export interface ReportOptions {
  /** Whether comment threads are written out; a report for a client may leave the team's talk out. */
  includeComments: boolean;
  /** The whole article, or only the annotated paragraphs with a marker where others are left out. */
  content: ReportContent;
}

/** The report most readers want: the whole article with every comment. */
export const DEFAULT_REPORT_OPTIONS: ReportOptions = { includeComments: true, content: 'full' };

/** Where one article's part of a report sits: the id prefix of its notes and its heading depth. */
export interface DocumentScope {
  /** Prefixed to every id (`note-3`, `ref-3`) so several articles can share one file. */
  idPrefix: string;
  /** How many levels the article's own headings move down (1 under the report's h1, 2 in a corpus). */
  headingShift: number;
}
