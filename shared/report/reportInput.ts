import type { Annotation, Article, Tag } from '../model';

/** Everything a report is rendered from: the article, the codebook, the annotations and who wrote it when. */
export interface ReportInput {
  article: Article;
  tags: Tag[];
  annotations: Annotation[];
  /** When the report was generated, as an ISO 8601 UTC date-time. */
  generatedAt: string;
  /** The program and version writing the report, e.g. "Margin 0.1.0". */
  generator: string;
}
