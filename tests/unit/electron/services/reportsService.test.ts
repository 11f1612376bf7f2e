import { describe, expect, it } from 'vitest';
import { type Annotation, Report } from '../../../../shared/model';
import { assertValidReport } from '../../../support/reportSchema';
import { annotationOn, openTestWorkbench, referenceArticle } from '../../support/library';
import { useTemporaryFolder } from '../../support/temporaryFolder';

/** A library holding the reference article with three annotations, one of them commented. */
function annotatedLibrary(folder: string) {
  const { workbench, store } = openTestWorkbench(folder);
  const { document } = workbench.library.importBytes('ectc-terror-report.txt', referenceArticle());
  const { text } = workbench.library.open({ id: document.id }).article;
  const annotations: Annotation[] = [
    annotationOn(document.id, text, '66 countries', 'claim', {
      comments: [
        {
          id: crypto.randomUUID(),
          author: 'Ann',
          body: 'Count them <script>x</script>',
          createdAt: '2026-11-27T10:01:00.000Z',
          updatedAt: '2026-11-27T10:01:00.000Z',
          replies: [],
        },
      ],
    }),
    annotationOn(document.id, text, '“IS inspired attacks”', 'quote', {
      attributes: { speaker: 'ECTC report' },
    }),
    annotationOn(document.id, text, 'See the pattern?', 'opinion'),
  ];
  for (const annotation of annotations) workbench.annotations.save(annotation);
  return { workbench, store, documentId: document.id, annotations };
}

describe('ReportsService', () => {
  const temporaryFolder = useTemporaryFolder();

  it('renders a JSON report that validates against the schema, with a file name from the title', () => {
    const { workbench, store, documentId } = annotatedLibrary(temporaryFolder());
    const rendered = workbench.reports.render({ documentId, format: 'json' });
    expect(rendered.fileName).toBe('ectc-terror-report.margin.json');
    expect(rendered.mediaType).toBe('application/json');
    const report = JSON.parse(rendered.content) as Report;
    assertValidReport(report);
    expect(Report.parse(report)).toEqual(report);
    expect(report.stats.byTag).toEqual({ claim: 1, quote: 1, opinion: 1 });
    store.close();
  });

  it('renders an HTML report with every annotation marked and no script', () => {
    const { workbench, store, documentId, annotations } = annotatedLibrary(temporaryFolder());
    const { content, fileName } = workbench.reports.render({ documentId, format: 'html' });
    expect(fileName).toBe('ectc-terror-report.margin.html');
    expect(content).not.toMatch(/<script/i);
    expect(content).toContain('Count them &lt;script&gt;x&lt;/script&gt;');
    for (const annotation of annotations) expect(content).toContain(`data-annotation-id="${annotation.id}"`);
    store.close();
  });

  it('export, merge into another library, export again: the same annotations and comments', () => {
    const source = annotatedLibrary(temporaryFolder());
    const exported = JSON.parse(
      source.workbench.reports.render({ documentId: source.documentId, format: 'json' }).content,
    ) as Report;
    const target = openTestWorkbench(temporaryFolder());
    const result = target.workbench.reports.merge(exported);
    expect(result).toMatchObject({ isNewDocument: true, added: 3, unchanged: 0, conflicts: [] });
    const again = JSON.parse(
      target.workbench.reports.render({ documentId: result.documentId, format: 'json' }).content,
    ) as Report;
    const { generatedAt: _first, ...firstRest } = exported;
    const { generatedAt: _second, ...secondRest } = again;
    expect({ ...secondRest, document: { ...secondRest.document, importedAt: '' } }).toEqual({
      ...firstRest,
      document: { ...firstRest.document, importedAt: '' },
    });
    source.store.close();
    target.store.close();
  });

  it('merges into the document with the same text, keeps identical annotations and lists conflicts', () => {
    const { workbench, store, documentId, annotations } = annotatedLibrary(temporaryFolder());
    const report = JSON.parse(workbench.reports.render({ documentId, format: 'json' }).content) as Report;
    const changed = report.annotations.map((annotation) =>
      annotation.id === annotations[2]!.id ? { ...annotation, tag: 'claim' } : annotation,
    );
    const extra = annotationOn(documentId, report.document.text, 'Amnesty International', 'quote');
    const result = workbench.reports.merge({ ...report, annotations: [...changed, extra] });
    expect(result).toEqual({
      documentId,
      isNewDocument: false,
      added: 1,
      unchanged: 2,
      conflicts: [annotations[2]!.id],
    });
    const stored = workbench.library.open({ id: documentId }).annotations;
    expect(stored.find((annotation) => annotation.id === annotations[2]!.id)?.tag).toBe('opinion');
    expect(stored).toHaveLength(4);
    store.close();
  });

  it('refuses a report whose text does not match its hash, and writes nothing', () => {
    const { workbench, store, documentId } = annotatedLibrary(temporaryFolder());
    const report = JSON.parse(workbench.reports.render({ documentId, format: 'json' }).content) as Report;
    const target = openTestWorkbench(temporaryFolder());
    expect(() =>
      target.workbench.reports.merge({
        ...report,
        document: { ...report.document, text: `${report.document.text}!` },
      }),
    ).toThrow(/content hash/);
    expect(target.workbench.library.list()).toEqual([]);
    store.close();
    target.store.close();
  });

  it('rolls the whole merge back when one annotation is invalid', () => {
    const { workbench, store, documentId } = annotatedLibrary(temporaryFolder());
    const report = JSON.parse(workbench.reports.render({ documentId, format: 'json' }).content) as Report;
    const broken = { ...report.annotations[0]!, id: crypto.randomUUID(), quote: 'not what the text says' };
    const target = openTestWorkbench(temporaryFolder());
    expect(() =>
      target.workbench.reports.merge({ ...report, annotations: [...report.annotations, broken] }),
    ).toThrow();
    expect(target.workbench.library.list()).toEqual([]);
    store.close();
    target.store.close();
  });
});
