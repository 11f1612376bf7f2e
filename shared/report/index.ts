/** Pure report renderers: an article and its annotations as a JSON report or one HTML file. */
export { buildJsonReport } from './buildJsonReport';
export { computeStats } from './computeStats';
export { REPORT_CONTENT_SECURITY_POLICY, renderHtmlReport } from './renderHtmlReport';
export { reportFileName } from './reportFileName';
export type { ReportInput } from './reportInput';
export { REPORT_SCHEMA_ID, reportJsonSchema } from './reportJsonSchema';
export { compareTextOrder, sortAnnotations } from './sortAnnotations';
