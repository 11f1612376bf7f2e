import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../../../shared/anchoring';
import { Report } from '../../../../shared/model';
import { buildJsonReport, sortAnnotations } from '../../../../shared/report';
import { schemaErrors } from '../../../support/reportSchema';
import { annotationAt, referenceArticle, sampleReportInput, sampleTags } from './sampleReportInput';

describe('buildJsonReport', () => {
  const { input, annotations } = sampleReportInput();
  const report = buildJsonReport(input);

  it('writes format, version, generator and the whole article', () => {
    expect(report.format).toBe('margin.report');
    expect(report.version).toBe(1);
    expect(report.generatedAt).toBe(input.generatedAt);
    expect(report.generator).toBe('Margin 0.1.0');
    expect(report.document).toEqual(input.article);
    // The whole codebook travels, attributes and archived tags included, so a report can be read alone.
    expect(report.tags).toEqual(sampleTags);
  });

  it('passes Report.parse and the committed JSON Schema', () => {
    expect(() => Report.parse(report)).not.toThrow();
    expect(schemaErrors(report)).toEqual([]);
  });

  it('lists the annotations in text order, each quote equal to its slice of the text', () => {
    expect(report.annotations.map((annotation) => annotation.id)).toEqual(
      sortAnnotations(input.annotations).map((annotation) => annotation.id),
    );
    for (const annotation of report.annotations) {
      expect(report.document.text.slice(annotation.start, annotation.end)).toBe(annotation.quote);
    }
    const countries = report.annotations.find((annotation) => annotation.id === annotations.countries.id);
    expect(countries?.comments[0]?.replies[0]?.body).toContain('onerror');
  });

  it('counts every tag, unused and unknown ones included', () => {
    expect(report.stats.annotationCount).toBe(10);
    expect(report.stats.byTag).toEqual({ claim: 4, quote: 2, opinion: 3, context: 0, 'source-check': 1 });
    expect(report.stats.coverage).toBeGreaterThan(0);
    expect(report.stats.coverage).toBeLessThan(1);
  });

  it('leaves out properties the model does not declare, which the schema forbids', () => {
    const article = { ...input.article, internalRowId: 7 };
    const annotation = { ...annotations.pattern, revision: 3 };
    const extended = buildJsonReport({ ...input, article, annotations: [annotation] });
    expect(schemaErrors(JSON.parse(JSON.stringify(extended)))).toEqual([]);
  });

  it('round-trips: parsing the written JSON yields the same report', () => {
    expect(Report.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it('holds for any valid annotations on the reference text', () => {
    const article = referenceArticle();
    const keys = [...sampleTags.map((tag) => tag.key), 'verdict-2'];
    const annotationsArbitrary = fc.array(
      fc.record({
        start: fc.nat(article.text.length - 1),
        length: fc.integer({ min: 1, max: 600 }),
        tag: fc.constantFrom(...keys),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(annotationsArbitrary, (drafts) => {
        const generated = drafts.flatMap(({ start, length, tag }, index) => {
          const range = snapToWords(article.text, { start, end: start + length });
          if (range === null) return [];
          const id = `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
          return [annotationAt(article, tag, range.start, range.end, { id })];
        });
        const generatedReport = buildJsonReport({
          ...sampleReportInput().input,
          article,
          annotations: generated,
        });
        const written = JSON.parse(JSON.stringify(generatedReport));
        expect(schemaErrors(written)).toEqual([]);
        expect(Report.parse(written)).toEqual(generatedReport);
        expect(generatedReport.stats.coverage).toBeGreaterThanOrEqual(0);
        expect(generatedReport.stats.coverage).toBeLessThanOrEqual(1);
        expect(generatedReport.annotations).toHaveLength(generated.length);
      }),
      { numRuns: 60 },
    );
  });
});
