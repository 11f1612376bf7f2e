/** Pure report renderers: the JSON report, the HTML report, W3C Web Annotation, CSV and ClaimReview. */
export { buildJsonReport } from './buildJsonReport';
export { buildClaimReviews } from './claimReview';
export { computeStats } from './computeStats';
export { renderCsv } from './csv';
export { REPORT_CONTENT_SECURITY_POLICY, renderCorpusHtmlReport, renderHtmlReport } from './renderHtmlReport';
export { corpusFileName, type ReportFileFormat, reportFileName } from './reportFileName';
export type { ReportInput } from './reportInput';
export { CORPUS_SCHEMA_ID, corpusJsonSchema, REPORT_SCHEMA_ID, reportJsonSchema } from './reportJsonSchema';
export { DEFAULT_REPORT_OPTIONS, type ReportOptions } from './reportOptions';
export { safeHref } from './safeHref';
export { compareTextOrder, sortAnnotations } from './sortAnnotations';
export { buildWebAnnotationCollection } from './webAnnotation';
