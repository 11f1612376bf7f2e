import { describe, expect, it } from 'vitest';
import { placeBlocks } from '../../../../shared/anchoring';
import type { BlockDraft } from '../../../../shared/model';
import { numberNotes } from '../../../../shared/report/numberNotes';
import { renderArticleBody } from '../../../../shared/report/renderArticleBody';
import { parseReport, tagNestingProblems } from './htmlReportChecks';
import { annotationAt, referenceArticle } from './sampleReportInput';

function render(drafts: BlockDraft[], ranges: [number, number][] = []): { html: string; body: HTMLElement } {
  const placed = placeBlocks(drafts);
  const article = { ...referenceArticle(), text: placed.text, blocks: placed.blocks };
  const annotations = ranges.map(([start, end]) => annotationAt(article, 'claim', start, end));
  const html = renderArticleBody(placed.blocks, numberNotes(annotations, new Map()));
  return { html, body: parseReport(`<!doctype html><body>${html}</body>`).body };
}

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
    expect([...body.querySelectorAll('li mark')].map((mark) => mark.textContent)).toEqual(['ples', 'pe']);
    expect(body.querySelectorAll('li')[1]?.querySelector('sup.note-ref')?.textContent).toBe('1');
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
});
