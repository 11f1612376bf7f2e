import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Workbench } from '../../../../electron/services/createWorkbench';
import { ApiError, hydrateOpened } from '../../../../shared/api';
import { type Annotation, CorpusReport, Report } from '../../../../shared/model';
import { assertValidCorpus, assertValidReport } from '../../../support/reportSchema';
import { annotationOn, FIXTURES, openTestWorkbench, referenceArticle } from '../../support/library';
import { useTemporaryFolder } from '../../support/temporaryFolder';

/** A library holding the reference article with three annotations, one commented by Bea (not the user, Ann). */
async function annotatedLibrary(folder: string) {
  const { workbench, store } = openTestWorkbench(folder);
  const { document } = await workbench.library.importBytes('ectc-terror-report.txt', referenceArticle());
  const { text } = hydrateOpened(workbench.library.open({ id: document.id })).article;
  const annotations: Annotation[] = [
    annotationOn(document.id, text, '66 countries', 'claim', {
      attributes: { verdict: 'true' },
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

/** A second article in the same library. */
async function addSecondArticle(workbench: Workbench): Promise<string> {
  const bytes = readFileSync(join(FIXTURES, 'html', 'bbc-1.html'));
  const { document } = await workbench.library.importBytes('bbc-1.html', bytes);
  const { text } = hydrateOpened(workbench.library.open({ id: document.id })).article;
  const word = text.match(/\b[A-Z][a-z]{4,}\b/)![0];
  workbench.annotations.save(
    annotationOn(document.id, text, word, 'quote', { attributes: { speaker: 'ECTC report' } }),
  );
  return document.id;
}

async function jsonOf(workbench: Workbench, documentIds: string[]): Promise<unknown> {
  return JSON.parse((await workbench.reports.render({ documentIds, format: 'json' })).content);
}

describe('ReportsService', () => {
  const temporaryFolder = useTemporaryFolder();

  it('renders a JSON report that validates against the schema, with a file name from the title', async () => {
    const { workbench, store, documentId } = await annotatedLibrary(temporaryFolder());
    const rendered = await workbench.reports.render({ documentIds: [documentId], format: 'json' });
    expect(rendered).toMatchObject({
      fileName: 'ectc-terror-report.margin.json',
      mediaType: 'application/json',
      encoding: 'utf8',
    });
    const report = JSON.parse(rendered.content) as Report;
    assertValidReport(report);
    expect(Report.parse(report)).toEqual(report);
    expect(report.stats.byTag).toEqual({ claim: 1, quote: 1, opinion: 1 });
    store.close();
  });

  it('renders an HTML report with every annotation marked and no script', async () => {
    const { workbench, store, documentId, annotations } = await annotatedLibrary(temporaryFolder());
    const { content, fileName } = await workbench.reports.render({
      documentIds: [documentId],
      format: 'html',
    });
    expect(fileName).toBe('ectc-terror-report.margin.html');
    expect(content).not.toMatch(/<script/i);
    expect(content).toContain('Count them &lt;script&gt;x&lt;/script&gt;');
    for (const annotation of annotations) expect(content).toContain(`data-annotation-id="${annotation.id}"`);
    const bare = await workbench.reports.render({
      documentIds: [documentId],
      format: 'html',
      options: { includeComments: false, content: 'excerpts' },
    });
    expect(bare.content).not.toContain('Count them');
    expect(bare.content.length).toBeLessThan(content.length);
    expect(bare.content).toContain('without annotations left out');
    store.close();
  });

  it('renders CSV, W3C Web Annotation and ClaimReview with their media types and names', async () => {
    const { workbench, store, documentId, annotations } = await annotatedLibrary(temporaryFolder());
    const render = (format: 'csv' | 'w3c' | 'claimreview') =>
      workbench.reports.render({ documentIds: [documentId], format });
    const csv = await render('csv');
    expect(csv).toMatchObject({ fileName: 'ectc-terror-report.annotations.csv', encoding: 'utf8' });
    expect(csv.mediaType).toMatch(/^text\/csv; charset=utf-8/);
    const rows = parseCsv(csv.content, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.annotation_id).sort()).toEqual(annotations.map((a) => a.id).sort());
    const w3c = await render('w3c');
    expect(w3c.fileName).toBe('ectc-terror-report.annotations.jsonld');
    expect(w3c.mediaType).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(JSON.parse(w3c.content)).toMatchObject({ type: 'AnnotationCollection', total: 3 });
    const claims = await render('claimreview');
    expect(claims.fileName).toBe('ectc-terror-report.claimreview.jsonld');
    const graph = (JSON.parse(claims.content) as { '@graph': { claimReviewed: string }[] })['@graph'];
    expect(graph.map((review) => review.claimReviewed)).toEqual(['66 countries']);
    store.close();
  });

  it('says what is missing when PDF is asked for and nothing can print', async () => {
    const { workbench, store, documentId } = await annotatedLibrary(temporaryFolder());
    const failure = await workbench.reports
      .render({ documentIds: [documentId], format: 'pdf' })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('unsupported');
    expect((failure as ApiError).message).toMatch(/Chromium/);
    store.close();
  });

  it('renders several documents as one corpus report in every text format', async () => {
    const { workbench, store, documentId } = await annotatedLibrary(temporaryFolder());
    const second = await addSecondArticle(workbench);
    const ids = [documentId, second];
    const corpus = (await jsonOf(workbench, ids)) as CorpusReport;
    assertValidCorpus(corpus);
    expect(CorpusReport.parse(corpus)).toEqual(corpus);
    expect(corpus.reports.map((report) => report.document.id)).toEqual(ids);
    const html = await workbench.reports.render({ documentIds: ids, format: 'html' });
    expect(html.fileName).toBe('margin-2-articles.margin.html');
    expect(html.content).toContain('<nav class="toc"');
    expect(html.content).toContain('id="doc-1-note-1"');
    expect(html.content).toContain('id="doc-2-note-1"');
    const csv = await workbench.reports.render({ documentIds: ids, format: 'csv' });
    const rows = parseCsv(csv.content, { bom: true, columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((row) => row.document_id))).toEqual(new Set(ids));
    store.close();
  });

  it('export, merge into another library, export again: the same report but for its date', async () => {
    const source = await annotatedLibrary(temporaryFolder());
    const exported = (await jsonOf(source.workbench, [source.documentId])) as Report;
    const target = openTestWorkbench(temporaryFolder());
    target.workbench.settings.update({ authorName: 'Bea' });
    const result = target.workbench.reports.merge(exported);
    expect(result.documents).toEqual([
      {
        documentId: source.documentId,
        title: exported.document.title,
        isNewDocument: true,
        added: 3,
        unchanged: 0,
        conflicts: [],
      },
    ]);
    const again = (await jsonOf(target.workbench, [source.documentId])) as Report;
    expect({ ...again, generatedAt: '' }).toEqual({ ...exported, generatedAt: '' });
    // Ann's comment is still Ann's in Bea's library.
    expect(again.annotations.find((a) => a.tag === 'claim')?.comments[0]?.author).toBe('Ann');
    // Merging the same report again changes nothing.
    expect(target.workbench.reports.merge(exported).documents[0]).toMatchObject({ added: 0, unchanged: 3 });
    source.store.close();
    target.store.close();
  });

  it('keeps only web and e-mail links of a merged report’s text, as an importer would', async () => {
    const source = await annotatedLibrary(temporaryFolder());
    const exported = (await jsonOf(source.workbench, [source.documentId])) as Report;
    const [first, ...rest] = exported.document.blocks;
    const link = (href: string, start: number) => ({ type: 'link' as const, start, end: start + 3, href });
    const hostile: Report = {
      ...exported,
      document: {
        ...exported.document,
        blocks: [
          {
            ...first!,
            marks: [
              link('https://example.org/', 0),
              link('mailto:desk@example.org', 4),
              link('javascript:alert(1)', 8),
              link('//attacker.invalid/x', 12),
              link('data:text/html,<script>alert(1)</script>', 16),
              { type: 'emphasis' as const, start: 20, end: 23 },
            ],
          },
          ...rest,
        ],
      },
    };
    const target = openTestWorkbench(temporaryFolder());
    target.workbench.reports.merge(hostile);
    const stored = hydrateOpened(target.workbench.library.open({ id: source.documentId })).article;
    expect(stored.blocks[0]!.marks).toEqual([
      link('https://example.org/', 0),
      link('mailto:desk@example.org', 4),
      { type: 'emphasis', start: 20, end: 23 },
    ]);
    source.store.close();
    target.store.close();
  });

  it('merges a corpus report, one result per document', async () => {
    const source = await annotatedLibrary(temporaryFolder());
    const second = await addSecondArticle(source.workbench);
    const corpus = (await jsonOf(source.workbench, [source.documentId, second])) as CorpusReport;
    const target = openTestWorkbench(temporaryFolder());
    const result = target.workbench.reports.merge(corpus);
    expect(result.documents.map((document) => [document.isNewDocument, document.added])).toEqual([
      [true, 3],
      [true, 1],
    ]);
    const undated = (report: CorpusReport) => ({
      ...report,
      generatedAt: '',
      reports: report.reports.map((single) => ({ ...single, generatedAt: '' })),
    });
    const again = (await jsonOf(target.workbench, [source.documentId, second])) as CorpusReport;
    expect(undated(again)).toEqual(undated(corpus));
    source.store.close();
    target.store.close();
  });

  it('merges into the document with the same text, keeps identical annotations and lists conflicts', async () => {
    const { workbench, store, documentId, annotations } = await annotatedLibrary(temporaryFolder());
    const report = (await jsonOf(workbench, [documentId])) as Report;
    const changed = report.annotations.map((annotation) =>
      annotation.id === annotations[2]!.id
        ? { ...annotation, tag: 'claim', attributes: { verdict: 'false' } }
        : annotation,
    );
    const extra = annotationOn(documentId, report.document.text, 'Amnesty International', 'quote');
    const result = workbench.reports.merge({ ...report, annotations: [...changed, extra] });
    expect(result.documents).toHaveLength(1);
    const [merged] = result.documents;
    expect(merged).toMatchObject({ documentId, isNewDocument: false, added: 1, unchanged: 2 });
    expect(merged!.conflicts).toHaveLength(1);
    expect(merged!.conflicts[0]!.differences).toEqual(['tag', 'attributes']);
    expect(merged!.conflicts[0]!.ours.tag).toBe('opinion');
    expect(merged!.conflicts[0]!.theirs.tag).toBe('claim');
    const stored = hydrateOpened(workbench.library.open({ id: documentId })).annotations;
    expect(stored.find((annotation) => annotation.id === annotations[2]!.id)?.tag).toBe('opinion');
    expect(stored).toHaveLength(4);
    store.close();
  });

  it('meets an id repeated within one report as the library would: once added, then compared', async () => {
    const source = await annotatedLibrary(temporaryFolder());
    const report = (await jsonOf(source.workbench, [source.documentId])) as Report;
    const [first] = report.annotations;
    const target = openTestWorkbench(temporaryFolder());
    const result = target.workbench.reports.merge({
      ...report,
      annotations: [first!, { ...first!, tag: 'opinion' }, first!],
    });
    expect(result.documents[0]).toMatchObject({ added: 1, unchanged: 1 });
    expect(result.documents[0]!.conflicts.map((conflict) => conflict.differences)).toEqual([['tag']]);
    expect(hydrateOpened(target.workbench.library.open({ id: source.documentId })).annotations).toEqual([
      { ...first!, documentId: source.documentId },
    ]);
    source.store.close();
    target.store.close();
  });

  it('refuses a report whose text does not match its hash, and writes nothing', async () => {
    const { workbench, store, documentId } = await annotatedLibrary(temporaryFolder());
    const report = (await jsonOf(workbench, [documentId])) as Report;
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

  it('rolls the whole merge back when one annotation is invalid', async () => {
    const { workbench, store, documentId } = await annotatedLibrary(temporaryFolder());
    const report = (await jsonOf(workbench, [documentId])) as Report;
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

describe('reports of a PDF article', () => {
  const temporaryFolder = useTemporaryFolder();

  it('cite the page of every note and mark where each page of the original begins', async () => {
    const { workbench } = openTestWorkbench(temporaryFolder());
    const bytes = readFileSync(join(FIXTURES, 'pdf', 'medium-1.pdf'));
    const { document } = await workbench.library.importBytes('medium-1.pdf', bytes);
    const { text } = hydrateOpened(workbench.library.open({ id: document.id })).article;
    // "landscape" is split between pages 2 and 3; the second passage lies wholly on page 3.
    workbench.annotations.save(annotationOn(document.id, text, 'The media landscape will change', 'claim'));
    workbench.annotations.save(annotationOn(document.id, text, 'We are building a shoe machine', 'opinion'));
    const html = (await workbench.reports.render({ documentIds: [document.id], format: 'html' })).content;
    const markers = [...html.matchAll(/<span class="page-marker"[^>]*>p\. (\d+)<\/span>/g)].map(
      (match) => match[1],
    );
    expect(markers).toEqual(['1', '2', '3', '4', '5']);
    const notePages = [...html.matchAll(/<span class="note-page">p\. (\d+)<\/span>/g)].map(
      (match) => match[1],
    );
    expect(notePages).toEqual(['2', '3']);
    // The marker for page 3 sits inside the first passage, between "land" and "scape".
    expect(html).toMatch(/land<\/mark>(?:<[^>]+>)*<span class="page-marker"[^>]*>p\. 3<\/span>/);
    const report = Report.parse(await jsonOf(workbench, [document.id]));
    assertValidReport(report);
    expect(report.document.format).toBe('pdf');
    expect(report.document.blocks.every((block) => block.page !== undefined)).toBe(true);
  });
});
