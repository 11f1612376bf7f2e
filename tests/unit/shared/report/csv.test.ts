import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation, Article, Comment, Tag } from '../../../../shared/model';
import type { ReportInput } from '../../../../shared/report';
import { renderCsv } from '../../../../shared/report/csv';
import {
  annotationAt,
  comment,
  HOSTILE_ATTRIBUTE,
  HOSTILE_SCRIPT,
  referenceArticle,
  sampleReportInput,
  sampleTags,
} from './sampleReportInput';

/** Strict RFC 4180 parsing, as the brief asks: no relaxed quotes, same column count everywhere. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_quotes: false });
}

/** The records as objects keyed by header, for readable checks. */
function rowsOf(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new Error('No header');
  return records.map((record) =>
    Object.fromEntries(header.map((name, index) => [name, record[index] ?? ''])),
  );
}

/** What a pipeline does to undo the formula prefix (documented on renderCsv). */
function unprefix(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** What renderCsv is documented to write for a text: the prefix exactly when the text needs it. */
function prefixed(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** An article made of the given passages, separated by " ¶ ", with one annotation per passage. */
function inputOf(
  passages: readonly string[],
  options: { id?: string; title?: string; tags?: Tag[]; extras?: Parameters<typeof annotationAt>[4][] } = {},
): ReportInput {
  const text = passages.join(' ¶ ');
  const article: Article = {
    ...referenceArticle(),
    id: options.id ?? '00000000-0000-4000-8000-0000000000aa',
    title: options.title ?? 'Hostile passages',
    source: 'hostile.txt',
    text,
  };
  let offset = 0;
  const annotations = passages.map((passage, index) => {
    const annotation = annotationAt(article, 'claim', offset, offset + passage.length, {
      id: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
      ...options.extras?.[index],
    });
    offset += passage.length + ' ¶ '.length;
    return annotation;
  });
  return {
    article,
    tags: options.tags ?? sampleTags,
    annotations,
    generatedAt: '2025-03-14T10:00:00.000Z',
    generator: 'Margin 0.1.0',
  };
}

const HOSTILE_QUOTES = [
  'one, two, three',
  'she said "no" and "yes"',
  'line one\nline two',
  'windows\r\nline',
  'lone\rcarriage return',
  'paragraph\u2028separator',
  'rtl \u202Eevil\u202C override',
  HOSTILE_SCRIPT,
  HOSTILE_ATTRIBUTE,
  '"starts with a quote',
  ' leading and trailing spaces ',
  'emoji 🕵️‍♀️ and زبان',
];

describe('renderCsv', () => {
  const { input, annotations } = sampleReportInput();
  const text = renderCsv([input], { includeComments: true });

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted fields, every line break is a CRLF record separator.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted).not.toMatch(/[^\r]\n|\r[^\n]/);
    expect(unquoted.split('\r\n')).toHaveLength(1 + input.annotations.length + 1);
    // The same records when CRLF is the only record delimiter csv-parse accepts.
    expect(parse(text, { bom: true, record_delimiter: '\r\n' })).toEqual(parseCsv(text));
    // And the bytes as a spreadsheet reads them from a file.
    expect(parse(Buffer.from(text, 'utf8'), { bom: true })).toEqual(parseCsv(text));
  });

  it('writes the header: fixed columns, declared attributes in codebook order, then the others sorted', () => {
    expect(parseCsv(text)[0]).toEqual([
      'document_id',
      'document_title',
      'document_source',
      'annotation_id',
      'tag',
      'tag_label',
      'quote',
      'start',
      'end',
      'verdict',
      'evidence',
      'checked',
      'confidence',
      'holder',
      'source',
      'speaker',
      'comments',
      'created_at',
      'updated_at',
    ]);
  });

  it('writes one record per annotation, in text order, every record as wide as the header', () => {
    const records = parseCsv(text);
    expect(records).toHaveLength(1 + input.annotations.length);
    for (const record of records) expect(record).toHaveLength(records[0]!.length);
    const rows = rowsOf(text);
    const sorted = [...input.annotations].sort((first, second) => first.start - second.start);
    expect(rows.map((row) => Number(row.start))).toEqual(sorted.map((annotation) => annotation.start));
    for (const row of rows) {
      expect(row.document_id).toBe(input.article.id);
      expect(row.document_title).toBe(input.article.title);
      expect(row.document_source).toBe(input.article.source);
      expect(input.article.text.slice(Number(row.start), Number(row.end))).toBe(unprefix(row.quote!));
    }
  });

  it('puts attributes in their columns: text, numbers, booleans, empty for null or absent, links one per line', () => {
    const rows = rowsOf(text);
    const casualties = rows.find((row) => row.annotation_id === annotations.casualties.id)!;
    expect(casualties.tag).toBe('claim');
    expect(casualties.tag_label).toBe('Claim');
    expect(casualties.verdict).toBe('disputed <b>');
    expect(casualties.confidence).toBe('0.7');
    expect(casualties.checked).toBe('true');
    expect(casualties.source).toBe('');
    expect(casualties.speaker).toBe('');
    expect(casualties.evidence).toBe(
      'https://airwars.org/?a=1&b="2" (Counts <b>1,200</b>)\nfile:///etc/hosts',
    );
    const quote = rows.find((row) => row.annotation_id === annotations.quranQuote.id)!;
    expect(quote.speaker).toBe('European Counter Terrorism Centre');
    expect(quote.tag_label).toBe('Quote');
    const unknown = rows.find((row) => row.annotation_id === annotations.unknownTag.id)!;
    expect(unknown.tag).toBe('source-check');
    expect(unknown.tag_label).toBe('');
  });

  it('flattens comment threads in order, replies marked, separated by blank lines', () => {
    const rows = rowsOf(text);
    const countries = rows.find((row) => row.annotation_id === annotations.countries.id)!;
    const thread = annotations.countries.comments[0]!;
    const reply = thread.replies[0]!;
    expect(countries.comments).toBe(
      `Eve "<b>" (${thread.createdAt}): ${thread.body}\n\n↳ Mallory (${reply.createdAt}): ${reply.body}`,
    );
    const quote = rows.find((row) => row.annotation_id === annotations.quranQuote.id)!;
    expect(quote.comments).toBe('');
    expect(countries.created_at).toBe(annotations.countries.createdAt);
    expect(countries.updated_at).toBe(annotations.countries.updatedAt);
  });

  it('leaves the comments column out without includeComments', () => {
    const without = renderCsv([input], { includeComments: false });
    const [header, ...records] = parseCsv(without);
    expect(header).not.toContain('comments');
    expect(header?.slice(-2)).toEqual(['created_at', 'updated_at']);
    expect(records).toHaveLength(input.annotations.length);
    expect(without).not.toContain('Mallory');
  });

  it('round-trips quotes with commas, quotes, line breaks, U+2028, RTL overrides and markup exactly', () => {
    const hostile = inputOf(HOSTILE_QUOTES);
    const rows = rowsOf(renderCsv([hostile], { includeComments: false }));
    expect(rows.map((row) => row.quote)).toEqual(HOSTILE_QUOTES);
  });

  it('round-trips a 10,000-character comment with every special character', () => {
    // Ten UTF-16 code units, the emoji whole, repeated to exactly 10,000.
    const body = 'a,"\n\r\u2028\u202E<😀'.repeat(1000);
    expect(body).toHaveLength(10_000);
    const long = inputOf(['passage'], {
      extras: [{ comments: [comment('Ann, "the checker"', body, [comment('Bob', 'ok')])] }],
    });
    const [row] = rowsOf(renderCsv([long], { includeComments: true }));
    const created = long.annotations[0]!.comments[0]!.createdAt;
    expect(row?.comments).toBe(`Ann, "the checker" (${created}): ${body}\n\n↳ Bob (${created}): ok`);
  });

  it('prefixes cells a spreadsheet would run as formulas, and only those', () => {
    const formulas = ['=SUM(A1)', '+1', '-2', '@cmd', '\tTAB', '\rCR', "'=already quoted", "''+twice"];
    const plain = ['a=b', "'plain apostrophe", 'SUM(A1)', ' =spaced', '1+1', '—dash'];
    const hostile = inputOf([...formulas, ...plain], {
      extras: [{ attributes: { verdict: '=HYPERLINK("http://evil")', confidence: -2 } }],
    });
    const csv = renderCsv([hostile], { includeComments: false });
    const rows = rowsOf(csv);
    const quotes = rows.map((row) => row.quote!);
    expect(quotes).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2",
      "'@cmd",
      "'\tTAB",
      "'\rCR",
      "''=already quoted",
      "'''+twice",
      ...plain,
    ]);
    // The documented undo restores every original text.
    expect(quotes.map(unprefix)).toEqual([...formulas, ...plain]);
    // Text attributes are protected; numbers we write are not.
    expect(rows[0]?.verdict).toBe('\'=HYPERLINK("http://evil")');
    expect(rows[0]?.confidence).toBe('-2');
    expect(rows[0]?.start).toBe('0');
  });

  it('protects the comments cell and the headers of undeclared attributes too', () => {
    const hostile = inputOf(['passage'], {
      extras: [{ attributes: { '=cmd': 'x' }, comments: [comment('=HYPERLINK("x")', 'hi')] }],
    });
    const [header, record] = parseCsv(renderCsv([hostile], { includeComments: true }));
    expect(header).toContain("'=cmd");
    expect(record?.[header!.indexOf('comments')]).toMatch(/^'=HYPERLINK\("x"\) \(/);
  });

  it('renames an attribute column that would repeat a fixed column', () => {
    const tags: Tag[] = [
      {
        ...sampleTags[0]!,
        attributes: [
          { key: 'quote', label: 'Quote', type: 'text' },
          { key: 'end', label: 'End', type: 'number' },
        ],
      },
    ];
    const colliding = inputOf(['passage'], { tags, extras: [{ attributes: { quote: 'theirs', end: 3 } }] });
    const [row] = rowsOf(renderCsv([colliding], { includeComments: true }));
    expect(row?.quote).toBe('passage');
    expect(row?.end).toBe('7');
    expect(row?.['attribute:quote']).toBe('theirs');
    expect(row?.['attribute:end']).toBe('3');
  });

  it('writes several documents in input order, with the union of their codebooks', () => {
    const opinionTag: Tag = {
      ...sampleTags[2]!,
      attributes: [
        { key: 'holder', label: 'Holder', type: 'choice', options: ['author'] },
        { key: 'target', label: 'Target', type: 'text' },
      ],
    };
    const first = inputOf(['first b', 'first a'], {
      id: '00000000-0000-4000-8000-000000000001',
      title: 'One',
    });
    const second = inputOf(['second'], {
      id: '00000000-0000-4000-8000-000000000002',
      title: 'Two',
      tags: [sampleTags[0]!, opinionTag],
      extras: [{ attributes: { target: 'the reader', zeta: 'z' } }],
    });
    const csv = renderCsv([second, first], { includeComments: false });
    const [header] = parseCsv(csv);
    expect(header?.slice(9, -2)).toEqual(['verdict', 'evidence', 'holder', 'target', 'zeta']);
    const rows = rowsOf(csv);
    expect(rows.map((row) => [row.document_title, row.quote])).toEqual([
      ['Two', 'second'],
      ['One', 'first b'],
      ['One', 'first a'],
    ]);
    expect(rows[0]?.target).toBe('the reader');
    expect(rows[1]?.target).toBe('');
  });

  it('writes only the header when there is nothing to export', () => {
    expect(renderCsv([], { includeComments: true })).toBe(
      '\uFEFFdocument_id,document_title,document_source,annotation_id,tag,tag_label,quote,start,end,comments,created_at,updated_at\r\n',
    );
  });

  it('round-trips any quote, attribute and comment, apart from the documented prefix', () => {
    const tricky = fc.string({
      unit: fc.constantFrom(
        ',',
        '"',
        '\r',
        '\n',
        '=',
        '+',
        '-',
        '@',
        '\t',
        "'",
        ' ',
        'a',
        '\u2028',
        '\u202E',
        '😀',
      ),
      minLength: 1,
    });
    const anything = fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anything, anything, anything), { minLength: 1, maxLength: 5 }),
        (cases) => {
          const input = inputOf(
            cases.map(([quote]) => quote),
            {
              extras: cases.map(([, verdict, body]) => ({
                attributes: { verdict },
                comments: [comment('', body)],
              })),
            },
          );
          const rows = rowsOf(renderCsv([input], { includeComments: true }));
          expect(rows).toHaveLength(cases.length);
          rows.forEach((row, index) => {
            const [quote, verdict, body] = cases[index]!;
            expect(row.quote).toBe(prefixed(quote));
            expect(unprefix(row.quote!)).toBe(quote);
            expect(row.verdict).toBe(prefixed(verdict));
            expect(row.comments).toBe(`Anonymous (${input.annotations[index]!.createdAt}): ${body}`);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes 10,000 annotations as 10,000 records', () => {
    const article = referenceArticle();
    const big: Annotation[] = Array.from({ length: 10_000 }, (_, index) => {
      const start = (index * 37) % (article.text.length - 200);
      const thread: Comment[] = index % 10 === 0 ? [comment('Ann', 'Check, "this"\nplease')] : [];
      return annotationAt(article, index % 3 === 0 ? 'claim' : 'quote', start, start + 80, {
        attributes: { verdict: 'true', evidence: [{ url: 'https://example.org', note: 'n' }] },
        comments: thread,
      });
    });
    const bigInput: ReportInput = { ...input, article, annotations: big };
    expect(parseCsv(renderCsv([bigInput], { includeComments: true }))).toHaveLength(10_001);
  });
});
