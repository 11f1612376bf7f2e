import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../../../shared/anchoring';
import { tagColorsFor } from '../../../../shared/color/tagColors';
import { renderHtmlReport, sortAnnotations } from '../../../../shared/report';
import { eventHandlerAttributes, highlightedText, parseReport, tagNestingProblems } from './htmlReportChecks';
import {
  annotationAt,
  HOSTILE_ATTRIBUTE,
  HOSTILE_SCRIPT,
  referenceArticle,
  sampleReportInput,
  sampleTags,
} from './sampleReportInput';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

describe('renderHtmlReport', () => {
  const { input, annotations } = sampleReportInput();
  const html = renderHtmlReport(input);
  const document = parseReport(html);
  const noteOf = (id: string): Element => {
    const number = sortAnnotations(input.annotations).findIndex((annotation) => annotation.id === id) + 1;
    return document.getElementById(`note-${number}`)!;
  };

  it('is one HTML5 file with the article language and direction, a CSP and no script', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    const policies = document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]');
    expect(policies).toHaveLength(1);
    expect(policies[0]?.getAttribute('content')).toBe(CSP);
    expect(document.querySelectorAll('script, link, iframe, object, embed, img, form')).toHaveLength(0);
    expect(eventHandlerAttributes(document)).toEqual([]);
    expect(html.toLowerCase()).not.toContain('javascript:');
    expect(document.querySelectorAll('style')).toHaveLength(1);
  });

  it('writes properly nested markup that the parser keeps as written', () => {
    expect(tagNestingProblems(html)).toEqual([]);
    expect(document.querySelectorAll('mark')).toHaveLength(html.split('<mark ').length - 1);
    expect(
      document.querySelectorAll('mark :is(p, div, li, ol, ul, blockquote, pre, h2, h3, sup), a a'),
    ).toHaveLength(0);
  });

  it('keeps the report title the only h1 and moves article headings one level down', () => {
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.querySelector('h1')?.textContent).toBe(input.article.title);
    expect(document.querySelector('article h2')?.textContent).toBe(input.article.title);
  });

  it('shows the provenance, escaped', () => {
    const header = document.querySelector('header')!;
    expect(header.textContent).toContain('Randi Nord <em>& friends</em>');
    expect(header.textContent).toContain(input.article.contentHash);
    expect(header.textContent).toContain('Generated 14 March 2025, 10:00 UTC by Margin 0.1.0');
    expect(header.querySelector('a')?.getAttribute('href')).toBe(input.article.source);
    expect(header.querySelector('em')).toBeNull();
  });

  it('marks every passage with its tag and id, its fragments together spelling its quote', () => {
    for (const annotation of input.annotations) {
      const fragments = document.querySelectorAll(`mark[data-tag][data-annotation-id="${annotation.id}"]`);
      expect(fragments.length).toBeGreaterThan(0);
      for (const fragment of fragments) expect(fragment.getAttribute('data-tag')).toBe(annotation.tag);
      expect(highlightedText(document, annotation.id)).toBe(annotation.quote.replaceAll('\n\n', ''));
    }
  });

  it('nests a passage inside the one that contains it and splits crossing passages into valid fragments', () => {
    const { quranQuote, teenagersClaim, obviousOpinion, refugeesClaim } = annotations;
    const inner = document.querySelector(`mark[data-annotation-id="${teenagersClaim.id}"]`)!;
    expect(inner.parentElement?.closest(`mark[data-annotation-id="${quranQuote.id}"]`)).not.toBeNull();
    const crossing = [obviousOpinion.id, refugeesClaim.id].flatMap((id) => [
      ...document.querySelectorAll(`mark[data-annotation-id="${id}"]`),
    ]);
    expect(crossing.some((fragment) => fragment.querySelector('mark') !== null)).toBe(true);
  });

  it('clips a passage spanning two paragraphs to each of them', () => {
    const fragments = [
      ...document.querySelectorAll(`mark[data-annotation-id="${annotations.acrossParagraphs.id}"]`),
    ];
    expect(new Set(fragments.map((fragment) => fragment.closest('p'))).size).toBe(2);
  });

  it('numbers note references in text order, after the last fragment of each passage', () => {
    const ordered = sortAnnotations(input.annotations);
    const references = [...document.querySelectorAll('article sup.note-ref a')];
    expect(references.map((reference) => reference.getAttribute('href')).sort()).toEqual(
      ordered.map((_, index) => `#note-${index + 1}`).sort(),
    );
    ordered.forEach((annotation, index) => {
      const reference = document.querySelector(`article a[href="#note-${index + 1}"]`)!;
      const fragments = [...document.querySelectorAll(`mark[data-annotation-id="${annotation.id}"]`)];
      const last = fragments.at(-1)!;
      expect(last.compareDocumentPosition(reference) & 4).toBe(4); // DOCUMENT_POSITION_FOLLOWING
      expect(reference.closest('mark')).toBeNull();
      const note = document.getElementById(`note-${index + 1}`)!;
      expect(note.getAttribute('data-tag')).toBe(annotation.tag);
      expect(note.querySelector('.note-quote')?.textContent).toBe(annotation.quote);
    });
  });

  it('shows hostile comments as text, never as markup, keeping line breaks and replies', () => {
    const note = noteOf(annotations.countries.id);
    expect(note.textContent).toContain(HOSTILE_SCRIPT);
    expect(note.textContent).toContain(HOSTILE_ATTRIBUTE);
    expect(note.textContent).toContain('&amp; reply 👍');
    expect(note.textContent).toContain('Eve "<b>"');
    expect(document.querySelectorAll('script, img, b')).toHaveLength(0);
    const bodies = note.querySelectorAll('.comment-body');
    expect(bodies[0]?.textContent).toContain('\nsecond line 🕵️‍♀️');
    expect(note.querySelector('.replies .comment-body')?.textContent).toContain('\n\nnew paragraph');
  });

  it('lists attributes by their labels in the codebook order, other keys after, and skips empty ones', () => {
    const casualties = noteOf(annotations.casualties.id).querySelector('dl')!;
    expect([...casualties.querySelectorAll('dt')].map((term) => term.textContent)).toEqual([
      'Verdict',
      'Evidence',
      'confidence',
      'checked',
    ]);
    expect(casualties.textContent).toContain('disputed <b>');
    expect(noteOf(annotations.teenagersClaim.id).querySelector('dl')).toBeNull();
  });

  it('links evidence only to web addresses and escapes its notes', () => {
    const evidence = noteOf(annotations.casualties.id).querySelectorAll('.note-evidence li');
    expect(evidence).toHaveLength(2);
    expect(evidence[0]!.querySelector('a')!.getAttribute('href')).toBe('https://airwars.org/?a=1&b="2"');
    expect(evidence[0]!.querySelector('a')!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(evidence[0]!.textContent).toContain('Counts <b>1,200</b>');
    expect(evidence[1]!.querySelector('a')).toBeNull();
    expect(evidence[1]!.textContent).toBe('file:///etc/hosts');
  });

  it('marks resolved threads with who resolved them', () => {
    const thread = noteOf(annotations.pattern.id).querySelector('.comment')!;
    expect(thread.classList.contains('is-resolved')).toBe(true);
    expect(thread.querySelector('.comment-resolved')!.textContent).toBe('Resolved by Bea <i>');
    expect(noteOf(annotations.countries.id).querySelector('.comment-resolved')).toBeNull();
  });

  it('keeps safe links with a strict rel and drops the rest, keeping their text', () => {
    const link = document.querySelector('article a[href^="https://www.europol"]')!;
    expect(link.getAttribute('href')).toBe('https://www.europol.europa.eu/?a=1&b="2"');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(document.querySelector('article')?.textContent).toContain('lone wolves');
  });

  it('styles every known tag from its colour and underline, and unknown tags neutrally', () => {
    const css = document.querySelector('style')!.textContent;
    // Each theme gets the colours the workbench derives for it (lines 3:1, text 4.5:1 on the page).
    for (const theme of ['light', 'dark'] as const) {
      const { line, text } = tagColorsFor('#d9480f', theme);
      const rgb = [1, 3, 5].map((at) => Number.parseInt(line.slice(at, at + 2), 16)).join(', ');
      expect(css).toContain(
        `[data-tag="claim"] { --tag-color: ${line}; --tag-text: ${text}; --tag-rgb: ${rgb}; --tag-underline: solid; }`,
      );
    }
    expect(css).toMatch(/@media screen and \(prefers-color-scheme: dark\) \{\n {2}\[data-tag="claim"\]/);
    expect(css).toContain('[data-tag="opinion"]');
    expect(css).toContain('--tag-underline: double');
    expect(css).not.toContain('source-check');
    expect(css).toContain('@media print');
    expect(css).toContain('prefers-color-scheme: dark');
    const legend = document.querySelector('.legend')!;
    expect(legend.textContent).toContain('Context <i>&amp;</i> "background"');
    expect(legend.querySelector('[data-tag="source-check"]')?.textContent).toContain('1 annotation');
    expect(legend.querySelector('[data-tag="context"]')?.textContent).toContain('0 annotations');
  });

  it('sums up the counts per tag and the share of the text covered', () => {
    const summary = document.querySelector('.summary')!;
    expect(summary.textContent).toMatch(/10 annotations cover \d+(\.\d)?% of the text/);
    expect(summary.querySelector('tr[data-tag="claim"] td')?.textContent).toBe('4');
  });

  it('follows a right-to-left article, leaves lang out when unknown and says when nothing is annotated', () => {
    const article = { ...input.article, lang: null, dir: 'rtl' as const };
    const empty = renderHtmlReport({ ...input, article, annotations: [] });
    expect(empty.startsWith('<!doctype html>\n<html dir="rtl">')).toBe(true);
    const parsed = parseReport(empty);
    expect(parsed.querySelectorAll('mark, .note')).toHaveLength(0);
    expect(parsed.querySelector('.article-text .empty')?.textContent).toBe('No passages are annotated yet.');
    expect(parsed.querySelector('.summary p')?.textContent).toBe('0 annotations cover 0% of the text.');
  });

  it('marks any set of passages on the reference text with fragments that spell their quotes', () => {
    const article = referenceArticle();
    const keys = [...sampleTags.map((tag) => tag.key), 'not-in-codebook'];
    const drafts = fc.array(
      fc.record({
        start: fc.nat(article.text.length - 1),
        length: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1500 })),
        tag: fc.constantFrom(...keys),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(drafts, (generated) => {
        const annotations = generated.flatMap(({ start, length, tag }, index) => {
          const range = snapToWords(article.text, { start, end: start + length });
          if (range === null) return [];
          const id = `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
          return [annotationAt(article, tag, range.start, range.end, { id })];
        });
        const randomHtml = renderHtmlReport({ ...input, article, annotations });
        expect(tagNestingProblems(randomHtml)).toEqual([]);
        const parsed = parseReport(randomHtml);
        expect(parsed.querySelectorAll('mark')).toHaveLength(randomHtml.split('<mark ').length - 1);
        expect(parsed.querySelectorAll('article sup.note-ref')).toHaveLength(annotations.length);
        expect(parsed.querySelectorAll('mark sup, a a')).toHaveLength(0);
        for (const annotation of annotations) {
          const fragments = parsed.querySelectorAll(`mark[data-annotation-id="${annotation.id}"]`);
          expect(fragments.length).toBeGreaterThan(0);
          for (const fragment of fragments) expect(fragment.getAttribute('data-tag')).toBe(annotation.tag);
          expect(highlightedText(parsed, annotation.id)).toBe(annotation.quote.replaceAll('\n\n', ''));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('puts every note in the margin beside the block where its passage starts', () => {
    for (const annotation of input.annotations) {
      const fragment = document.querySelector(`mark[data-annotation-id="${annotation.id}"]`)!;
      const number = sortAnnotations(input.annotations).indexOf(annotation) + 1;
      const aside = document.getElementById(`note-${number}`)!.closest('aside.margin-notes')!;
      // The aside is the article's child just before the element holding the passage's start.
      let top: Element = fragment;
      while (top.parentElement?.tagName !== 'ARTICLE') top = top.parentElement!;
      let before = top.previousElementSibling;
      while (before && before.tagName === 'ASIDE' && before !== aside) before = before.previousElementSibling;
      expect(before).toBe(aside);
    }
  });

  it('sums up claims by verdict and quotes by speaker, with a chart', () => {
    const summary = document.querySelector('.summary')!;
    expect(summary.querySelector('svg.share-chart title')?.textContent).toBe(
      'Annotations by tag: Claim 4, Quote 2, Opinion 3, source-check 1',
    );
    const verdicts = summary.querySelector('figure[data-tag="claim"][data-attribute="verdict"]')!;
    expect(verdicts.querySelector('figcaption')?.textContent).toBe('Claim annotations by verdict');
    const rows = [...verdicts.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].slice(0, 2).map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['unverified', '0'],
      ['true', '0'],
      ['false', '0'],
      ['disputed <b>', '1'],
      ['not set', '3'],
    ]);
  });

  it('leaves comment threads out when asked, and says so', () => {
    const withoutComments = parseReport(renderHtmlReport(input, { includeComments: false, content: 'full' }));
    expect(withoutComments.querySelectorAll('.thread, .comment')).toHaveLength(0);
    expect(withoutComments.querySelector('.generated')?.textContent).toContain('Comments are left out.');
    expect(withoutComments.querySelectorAll('mark').length).toBe(document.querySelectorAll('mark').length);
  });

  it('shows only the annotated paragraphs as excerpts, each passage still whole', () => {
    const html = renderHtmlReport(input, { includeComments: true, content: 'excerpts' });
    const excerpt = parseReport(html);
    expect(tagNestingProblems(html)).toEqual([]);
    const paragraphs = excerpt.querySelectorAll('article > p:not(.omission):not(.notes-heading)');
    expect(paragraphs.length).toBeLessThan(
      document.querySelectorAll('article > p:not(.notes-heading)').length,
    );
    for (const paragraph of paragraphs) expect(paragraph.querySelector('mark')).not.toBeNull();
    expect(excerpt.querySelectorAll('.omission').length).toBeGreaterThan(0);
    for (const annotation of input.annotations) {
      expect(highlightedText(excerpt, annotation.id)).toBe(annotation.quote.replace(/\n\n/g, ''));
    }
  });
});
