import { describe, expect, it } from 'vitest';
import { type InlineSpan, renderInlineText } from '../../../../shared/report/renderInlineText';

function span(name: string, start: number, end: number, rank = 0, order = 0): InlineSpan {
  return { start, end, openTag: `<${name}>`, closeTag: `</${name}>`, rank, order };
}

describe('renderInlineText', () => {
  it('escapes text and leaves unmarked text alone', () => {
    expect(renderInlineText('a < b & "c"', [], [])).toBe('a &lt; b &amp; &quot;c&quot;');
  });

  it('nests a shorter span inside a longer one without splitting the longer one', () => {
    expect(renderInlineText('abcdef', [span('i', 2, 4), span('b', 0, 6)], [])).toBe('<b>ab<i>cd</i>ef</b>');
  });

  it('splits the shorter of two crossing spans, keeping the longer one whole', () => {
    // b covers 0–4 (4 long), i covers 2–8 (6 long): i stays whole, b is split at 2.
    expect(renderInlineText('abcdefgh', [span('b', 0, 4), span('i', 2, 8)], [])).toBe(
      '<b>ab</b><i><b>cd</b>efgh</i>',
    );
  });

  it('places references outside every element, reopening what continues', () => {
    const html = renderInlineText(
      'abcdef',
      [span('a', 0, 6, 1), span('mark', 1, 3)],
      [{ position: 3, number: 1 }],
    );
    expect(html).toBe(
      '<a>a<mark>bc</mark></a><sup class="note-ref" id="ref-1"><a href="#note-1">1</a></sup><a>def</a>',
    );
  });

  it('breaks ties by rank, then by order', () => {
    expect(
      renderInlineText('ab', [span('em', 0, 2, 3), span('x', 0, 2, 0, 2), span('y', 0, 2, 0, 1)], []),
    ).toBe('<y><x><em>ab</em></x></y>');
  });
});
