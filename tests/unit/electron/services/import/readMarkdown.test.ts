import { beforeAll, describe, expect, it } from 'vitest';
import { type ImportedArticle, readArticle } from '../../../../../electron/services/import/readArticle';
import { readMarkdown } from '../../../../../electron/services/import/readMarkdown';
import { expectCanonical, utf8 } from './importTestKit';

const ARTICLE = `---
title: "Budget row: what was said"
author: Ann Reporter
date: 2024-05-01
lang: en-GB
tags:
  - budget
---

# The budget debate

Intro with *emphasis*, **strong words** and a [source](https://example.org/report "Report").

> A quoted line
> that goes on.
>
> A second quoted paragraph.

1. First point
2. Second point
   - nested detail
3. Third point

- Bullet with <b>raw</b> html and <script>alert('x')</script>
- Bullet with \`inline code\`

<div onclick="steal()">raw block</div>

\`\`\`js
const x = 1;
\`\`\`

| Name | Votes |
|------|-------|
| Ann  | 12    |

Links: [relative](/path), [unsafe](javascript:alert(1)), [mail](mailto:a@example.org).
Second line after a soft break\\
after a hard break ![a chart of votes](chart.png).

---

Last paragraph.
`;

describe('readMarkdown', () => {
  let article: ImportedArticle;
  beforeAll(async () => {
    article = await readArticle('budget-notes.md', utf8(ARTICLE));
  });
  const byText = (prefix: string) => article.blocks.find((block) => block.text.startsWith(prefix));

  it('places its blocks in canonical form', () => {
    expectCanonical(article);
  });

  it('reads front matter for title, byline, date and language', () => {
    expect(article.metadata).toEqual({
      title: 'Budget row: what was said',
      byline: 'Ann Reporter',
      siteName: null,
      source: 'budget-notes.md',
      publishedAt: '2024-05-01',
      lang: 'en-GB',
      dir: 'ltr',
      format: 'markdown',
    });
    expect(article.text).not.toContain('Ann Reporter');
  });

  it('maps headings, quotes, lists, code and tables to blocks', () => {
    const shapes = article.blocks.map(({ type, text, level, ordered, number }) => ({
      type,
      text,
      level,
      ordered,
      number,
    }));
    expect(shapes.slice(0, 9)).toEqual(
      [
        { type: 'heading', text: 'The budget debate', level: 1 },
        {
          type: 'paragraph',
          text: 'Intro with emphasis, strong words and a source.',
        },
        { type: 'blockquote', text: 'A quoted line that goes on.' },
        { type: 'blockquote', text: 'A second quoted paragraph.' },
        { type: 'listItem', text: 'First point', ordered: true, number: 1 },
        { type: 'listItem', text: 'Second point', ordered: true, number: 2 },
        { type: 'listItem', text: 'nested detail', ordered: false },
        { type: 'listItem', text: 'Third point', ordered: true, number: 3 },
        {
          type: 'listItem',
          text: "Bullet with <b>raw</b> html and <script>alert('x')</script>",
          ordered: false,
        },
      ].map((block) => Object.fromEntries(Object.entries(block).filter(([, value]) => value !== undefined))),
    );
    expect(byText('Bullet with inline')?.text).toBe('Bullet with inline code');
    expect(byText('const')).toMatchObject({ type: 'preformatted', text: 'const x = 1;' });
    expect(article.blocks.filter((block) => block.text.includes(' | ')).map((block) => block.text)).toEqual([
      'Name | Votes',
      'Ann | 12',
    ]);
    expect(article.blocks.at(-1)?.text).toBe('Last paragraph.');
  });

  it('shows raw HTML as text', () => {
    expect(byText('<div')).toMatchObject({
      type: 'paragraph',
      text: '<div onclick="steal()">raw block</div>',
    });
  });

  it('marks emphasis, strong and links at the right offsets', () => {
    const intro = byText('Intro')!;
    const marked = intro.marks.map((mark) => [mark.type, intro.text.slice(mark.start, mark.end), mark.href]);
    expect(marked).toEqual([
      ['emphasis', 'emphasis', undefined],
      ['strong', 'strong words', undefined],
      ['link', 'source', 'https://example.org/report'],
    ]);
  });

  it('keeps only absolute http(s) and mailto links, and the text of the rest', () => {
    const links = byText('Links:')!;
    expect(links.text).toBe(
      'Links: relative, [unsafe](javascript:alert(1)), mail. Second line after a soft break\nafter a hard break a chart of votes.',
    );
    const start = links.text.indexOf('mail.');
    expect(links.marks).toEqual([{ type: 'link', start, end: start + 4, href: 'mailto:a@example.org' }]);
  });
});

describe('markdown titles', () => {
  it('uses the first level-1 heading without front matter', () => {
    expect(readMarkdown('Intro text.\n\n# Real title\n\nBody.', 'n.md').metadata.title).toBe('Real title');
  });

  it('uses a title-like opening paragraph when there is no heading', () => {
    const { metadata, blocks } = readMarkdown('A short headline\n\nBody text.', 'n.md');
    expect(metadata.title).toBe('A short headline');
    expect(blocks[0]?.type).toBe('paragraph');
  });

  it('falls back to the file name', () => {
    expect(readMarkdown('just some words.\n\nBody.', 'my-notes_2024.markdown').metadata.title).toBe(
      'My notes 2024',
    );
  });

  it('leaves a block between rules that is not key-value lines as Markdown', () => {
    const { metadata, blocks } = readMarkdown('---\nNot front matter at all\n---\n\nBody.', 'n.md');
    expect(metadata.title).toBe('N');
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 2, text: 'Not front matter at all' });
  });

  it('reads a right-to-left language from front matter', () => {
    expect(readMarkdown('---\nlang: ar\n---\n\nنص المقال.', 'n.md').metadata.dir).toBe('rtl');
  });
});
