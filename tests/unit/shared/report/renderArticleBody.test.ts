import { describe, expect, it } from 'vitest';
import { placeBlocks } from '../../../../shared/anchoring';
import type { BlockDraft } from '../../../../shared/model';
import { numberNotes } from '../../../../shared/report/numberNotes';
import { renderArticleBody } from '../../../../shared/report/renderArticleBody';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../../shared/report/reportOptions';
import { parseReport, tagNestingProblems } from './htmlReportChecks';
import { annotationAt, referenceArticle } from './sampleReportInput';

function render(
  drafts: BlockDraft[],
  ranges: [number, number][] = [],
  options: ReportOptions = DEFAULT_REPORT_OPTIONS,
): { html: string; body: HTMLElement } {
  const placed = placeBlocks(drafts);
  const article = { ...referenceArticle(), text: placed.text, blocks: placed.blocks };
  const annotations = ranges.map(([start, end]) => annotationAt(article, 'claim', start, end));
  const html = renderArticleBody(placed.blocks, numberNotes(annotations, new Map()), options, {
    idPrefix: '',
    headingShift: 1,
  });
  return { html, body: parseReport(`<!doctype html><body>${html}</body>`).body };
}

const paragraph = (text: string): BlockDraft => ({ type: 'paragraph', text, marks: [] });

const item = (text: string, ordered: boolean, number?: number): BlockDraft => ({
  type: 'listItem',
  text,
  ordered,
  ...(number === undefined ? {} : { number }),
  marks: [],
});

describe('renderArticleBody', () => {
  it('moves headings one level down, h6 staying h6', () => {
    const { body } = render([
      { type: 'heading', level: 1, text: 'One', marks: [] },
      { type: 'heading', level: 3, text: 'Three', marks: [] },
      { type: 'heading', level: 6, text: 'Six', marks: [] },
    ]);
    expect([...body.children].map((element) => element.tagName)).toEqual(['H2', 'H4', 'H6']);
  });

  it('groups list items into lists that keep their numbers', () => {
    const { body, html } = render([
      item('apples', false),
      item('pears', false),
      item('third', true, 3),
      item('fourth', true, 4),
      item('seventh', true, 7),
      item('first again', true, 1),
      { type: 'paragraph', text: 'After the lists.', marks: [] },
    ]);
    expect(tagNestingProblems(html)).toEqual([]);
    expect([...body.children].map((element) => element.tagName)).toEqual(['UL', 'OL', 'OL', 'P']);
    const [, numbered, restarted] = body.children;
    expect(numbered?.getAttribute('start')).toBe('3');
    expect([...numbered!.children].map((element) => element.getAttribute('value'))).toEqual([
      null,
      null,
      '7',
    ]);
    expect(restarted?.hasAttribute('start')).toBe(false);
  });

  it('puts adjacent quoted paragraphs in one blockquote and keeps preformatted text as it is', () => {
    const code = 'const a = 1;\n  if (a < 2) {}';
    const { body } = render([
      { type: 'blockquote', text: 'First quoted.', marks: [] },
      { type: 'blockquote', text: 'Second quoted.', marks: [] },
      { type: 'preformatted', text: code, marks: [] },
    ]);
    expect(body.querySelectorAll('blockquote')).toHaveLength(1);
    expect(body.querySelectorAll('blockquote > p')).toHaveLength(2);
    expect(body.querySelector('pre')?.textContent).toBe(code);
  });

  it('clips a passage across list items to each item and puts its reference after the last piece', () => {
    // "apples\n\npears": the passage "ples\n\npe" covers the end of one item and the start of the next.
    const { body, html } = render([item('apples', false), item('pears', false)], [[2, 10]]);
    expect(tagNestingProblems(html)).toEqual([]);
    expect([...body.querySelectorAll('ul > li mark')].map((mark) => mark.textContent)).toEqual([
      'ples',
      'pe',
    ]);
    expect(body.querySelectorAll('ul > li')[1]?.querySelector('sup.note-ref')?.textContent).toBe('1');
  });

  it('places the reference of a passage covering only a block separator at the end of the block before', () => {
    const { body } = render(
      [
        { type: 'paragraph', text: 'One.', marks: [] },
        { type: 'paragraph', text: 'Two.', marks: [] },
      ],
      [[4, 6]],
    );
    expect(body.querySelectorAll('mark')).toHaveLength(0);
    expect(body.querySelector('p')?.lastElementChild?.className).toBe('note-ref');
  });

  it('puts each note in an aside just before the block where its passage starts', () => {
    // "One two." is 0–8, then "\n\n", "Three four." 10–21, "Five six." 23–32.
    const { body } = render(
      [paragraph('One two.'), paragraph('Three four.'), paragraph('Five six.')],
      [
        [10, 15],
        [16, 26],
        [23, 27],
      ],
    );
    expect([...body.children].map((element) => element.tagName)).toEqual(['P', 'ASIDE', 'P', 'ASIDE', 'P']);
    const [first, second] = [...body.querySelectorAll('aside')];
    expect(first?.getAttribute('aria-label')).toBe('Notes 1 to 2');
    expect([...first!.querySelectorAll('li.note')].map((note) => note.id)).toEqual(['note-1', 'note-2']);
    expect(second?.getAttribute('aria-label')).toBe('Note 3');
    expect(second?.querySelector('ol')?.getAttribute('start')).toBe('3');
  });

  it('keeps a list and its notes together, the aside before the list', () => {
    const { body } = render([item('apples', false), item('pears', false)], [[8, 13]]);
    expect([...body.children].map((element) => element.tagName)).toEqual(['ASIDE', 'UL']);
  });

  it('shows only the touched blocks with excerpts, saying how many were left out', () => {
    const drafts = ['Alpha.', 'Beta.', 'Gamma.', 'Delta.', 'Epsilon.'].map(paragraph);
    // "Beta." is 8–13 and "Epsilon." 31–39.
    const { body } = render(
      drafts,
      [
        [8, 12],
        [31, 38],
      ],
      { includeComments: true, content: 'excerpts' },
    );
    expect(
      [...body.querySelectorAll(':scope > p:not(.omission)')].map((element) => element.textContent),
    ).toEqual(['Beta1.', 'Epsilon2.']);
    expect([...body.querySelectorAll('.omission')].map((element) => element.textContent)).toEqual([
      '[…] 1 passage without annotations left out',
      '[…] 2 passages without annotations left out',
    ]);
  });
});
