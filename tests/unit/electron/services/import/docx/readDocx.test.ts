import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../../../../electron/services/import/readArticle';
import type { BlockDraft, InlineMark } from '../../../../../../shared/model';
import { FIXTURE_TIME } from '../../../../../fixtures/build/buildDocx';
import { FIXTURE_SOURCES, fixtureArticle } from '../../../../../fixtures/build/fixtureArticles';
import { markedRuns } from '../../../../../fixtures/build/markedRuns';
import { expectCanonical, expectRefusal, fixtureBytes } from '../importTestKit';
import { deflatedEntry, writeZip } from './zipWriter';

/**
 * Marks compared by the characters they cover, white space aside: Word keeps bold on a run, so a
 * bold word followed by a bold link may come back as two marks where the page had one.
 */
function styledCharacters(block: Pick<BlockDraft, 'text' | 'marks'>): string[] {
  return markedRuns(block).flatMap((run) =>
    [...run.text].map((character, index) =>
      /\s/.test(character)
        ? ''
        : `${index}:${run.isStrong ? 'B' : ''}${run.isEmphasis ? 'I' : ''}${run.href ?? ''}`,
    ),
  );
}

function shape(block: BlockDraft) {
  return { type: block.type, level: block.level, ordered: block.ordered, text: block.text };
}

describe('readDocx on Word files built from the reference article and two news pages', () => {
  for (const source of FIXTURE_SOURCES) {
    it(`reads ${source.name}.docx back to the article it was written from`, async () => {
      const original = await fixtureArticle(source);
      const article = await readArticle(`${source.name}.docx`, fixtureBytes(`docx/${source.name}.docx`));
      expectCanonical(article);
      expect(article.blocks.map(shape)).toEqual(original.blocks.map(shape));
      article.blocks.forEach((block, index) => {
        expect(styledCharacters(block), `marks of block ${index}`).toEqual(
          styledCharacters(original.blocks[index]!),
        );
      });
      expect(article.metadata).toMatchObject({
        title: original.metadata.title,
        byline: original.metadata.byline,
        source: `${source.name}.docx`,
        publishedAt: new Date(FIXTURE_TIME).toISOString(),
        lang: original.metadata.lang ?? 'en-GB',
        format: 'docx',
        dir: 'ltr',
      });
    });
  }

  it('keeps headings, numbered and bulleted lists, emphasis and links (Medium’s page)', async () => {
    const { blocks } = await readArticle('medium-1.docx', fixtureBytes('docx/medium-1.docx'));
    expect(new Set(blocks.filter((block) => block.type === 'heading').map((block) => block.level))).toEqual(
      new Set([1, 3, 4]),
    );
    expect(blocks.some((block) => block.type === 'listItem' && block.ordered)).toBe(true);
    const marks: InlineMark['type'][] = blocks.flatMap((block) => block.marks.map((mark) => mark.type));
    expect(new Set(marks)).toEqual(new Set(['emphasis', 'strong', 'link']));
  });
});

describe('readDocx on hand-made Word files', () => {
  const contentTypes = new TextEncoder().encode(
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  const wordDocument = (body: string) =>
    new TextEncoder().encode(
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}</w:body></w:document>`,
    );
  const relationships = (targets: string) =>
    new TextEncoder().encode(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets}</Relationships>`,
    );
  const rootRelationships = relationships(
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>',
  );
  const docx = (body: string, documentRelationships = '') =>
    writeZip([
      deflatedEntry('[Content_Types].xml', contentTypes),
      deflatedEntry('_rels/.rels', rootRelationships),
      deflatedEntry('word/document.xml', wordDocument(body)),
      deflatedEntry('word/_rels/document.xml.rels', relationships(documentRelationships)),
    ]);
  const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

  it('takes the title from the first heading, then the file name, when the properties have none', async () => {
    const article = await readArticle('council-minutes.docx', docx(paragraph('The council met.')));
    expect(article.metadata.title).toBe('Council minutes');
    expect(article.metadata.byline).toBeNull();
    expect(article.metadata.publishedAt).toBeNull();
    expect(article.text).toBe('The council met.');
  });

  it('drops a link to anything but the web or mail, keeping its words', async () => {
    const body =
      '<w:p><w:hyperlink r:id="rIdBad"><w:r><w:t>click here</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> or </w:t></w:r><w:hyperlink r:id="rIdGood"><w:r><w:t>read more</w:t></w:r></w:hyperlink></w:p>';
    const links =
      '<Relationship Id="rIdBad" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>' +
      '<Relationship Id="rIdGood" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/more" TargetMode="External"/>';
    const { blocks } = await readArticle('links.docx', docx(body, links));
    expect(blocks[0]!.text).toBe('click here or read more');
    expect(blocks[0]!.marks).toEqual([
      { type: 'link', start: 14, end: 23, href: 'https://example.org/more' },
    ]);
  });

  it('refuses a Word file with no text with the same sentence as any empty article', async () => {
    await expectRefusal(() => readArticle('empty.docx', docx('')), 'not-an-article');
  });

  it('refuses an archive that holds no Word document', async () => {
    const zip = writeZip([deflatedEntry('hello.txt', new TextEncoder().encode('hello'))]);
    const error = await expectRefusal(() => readArticle('notes.docx', zip), 'not-an-article');
    expect(error.message).toMatch(/not a Word document/);
  });

  it('refuses a PDF renamed to .docx, and a .docx renamed to .txt', async () => {
    await expectRefusal(
      () => readArticle('report.docx', fixtureBytes('pdf/ectc-terror-report.pdf')),
      'not-an-article',
    );
    await expectRefusal(
      () => readArticle('report.txt', fixtureBytes('docx/ectc-terror-report.docx')),
      'not-an-article',
    );
  });
});
