import type { Annotation, Comment, EvidenceLink } from '../model';
import type { ReportInput } from './reportInput';
import { sortAnnotations } from './sortAnnotations';

/** What the CSV export includes beyond the fixed columns. */
export interface CsvOptions {
  /** Whether a `comments` column carries each annotation's threads, flattened into one cell. */
  includeComments: boolean;
}

/** A value of an annotation attribute; the model exports only its schema. */
type AttributeValue = Annotation['attributes'][string];

/** The columns before the attributes, and the ones after them, in order. */
const LEADING_COLUMNS = [
  'document_id',
  'document_title',
  'document_source',
  'annotation_id',
  'tag',
  'tag_label',
  'quote',
  'start',
  'end',
];
const COMMENTS_COLUMN = 'comments';
const TRAILING_COLUMNS = ['created_at', 'updated_at'];

/** RFC 4180: the record separator, and the characters that make a field need quotes. */
const RECORD_SEPARATOR = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;
/**
 * A cell a spreadsheet would read as a formula (OWASP "CSV injection"): it starts with = + - @ TAB
 * or CR, possibly after apostrophes (see `renderCsv` for why those are included).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** Marks a reply in the comments cell, once per level of nesting. */
const REPLY_MARKER = '↳ ';

/**
 * The annotations of one or more documents as CSV, one record per annotation: documents in input
 * order, annotations in text order. Columns: document_id, document_title, document_source,
 * annotation_id, tag, tag_label (empty when the tag is not in that document's codebook), quote,
 * start, end, one column per attribute, `comments` (only with `includeComments`), created_at,
 * updated_at.
 *
 * Attribute columns are the union of the attributes the tags declare, in codebook order (first
 * input first), then keys found on annotations but declared by no tag, sorted. The header is the
 * attribute's key, not its label: keys are stable identifiers (the ones the JSON report uses, so
 * the two exports join), while labels are edited, translated and may repeat across tags. A key that
 * collides with a fixed column (an attribute named `quote`, say) is headed `attribute:KEY`.
 * Evidence links become one "url (note)" per line of the cell (a note-less link is just its url):
 * spreadsheets show one link per line, and " | " could occur in a note. The cell is for reading; a
 * pipeline that needs the links' structure reads the JSON report.
 *
 * The comments cell lists each comment, then its replies, as "Author (createdAt): body" (a blank
 * author reads "Anonymous"), replies marked "↳ " once per level, entries separated by a blank line.
 *
 * Format (RFC 4180): a UTF-8 BOM first, so spreadsheet programs pick UTF-8; fields separated by
 * ",", records ended by CRLF (the last one too); a field is quoted only when it holds `,`, `"`, CR
 * or LF, with `"` doubled inside. Line breaks inside fields are written as they are.
 *
 * Formula injection: spreadsheet programs run a cell that starts with `=`, `+`, `-`, `@`, TAB or CR
 * as a formula, so such a text cell (a quote, a comment, an attribute, a header) gets a leading
 * apostrophe, which shows it as text. This changes the cell's text. So that a pipeline can undo it
 * exactly, a cell that starts with apostrophes followed by one of those characters gets one too
 * (`'=x` is written `''=x`): the prefix is added exactly when the text matches `/^'*[=+\-@\t\r]/`,
 * and removing one leading apostrophe from every cell matching `/^'+[=+\-@\t\r]/` restores the
 * original. Numbers written by us (start, end, numeric attributes) are never prefixed.
 */
export function renderCsv(inputs: readonly ReportInput[], options: CsvOptions): string {
  const attributeKeys = attributeColumns(inputs);
  const header = [
    ...LEADING_COLUMNS,
    ...attributeHeaders(attributeKeys),
    ...(options.includeComments ? [COMMENTS_COLUMN] : []),
    ...TRAILING_COLUMNS,
  ];
  const records = [header.map(textCell).join(',')];
  for (const input of inputs) {
    const labels = new Map(input.tags.map((tag) => [tag.key, tag.label]));
    const documentCells = [input.article.id, input.article.title, input.article.source].map(textCell);
    for (const annotation of sortAnnotations(input.annotations)) {
      const cells = [
        ...documentCells,
        textCell(annotation.id),
        textCell(annotation.tag),
        textCell(labels.get(annotation.tag) ?? ''),
        textCell(annotation.quote),
        String(annotation.start),
        String(annotation.end),
      ];
      for (const key of attributeKeys) cells.push(attributeCell(annotation.attributes[key]));
      if (options.includeComments) cells.push(textCell(commentsText(annotation.comments)));
      cells.push(textCell(annotation.createdAt), textCell(annotation.updatedAt));
      records.push(cells.join(','));
    }
  }
  return `\uFEFF${records.join(RECORD_SEPARATOR)}${RECORD_SEPARATOR}`;
}

/** The attribute keys, declared ones in codebook order, then undeclared ones found on annotations, sorted. */
function attributeColumns(inputs: readonly ReportInput[]): string[] {
  const declared = new Set<string>();
  for (const input of inputs) {
    for (const tag of input.tags) {
      for (const definition of tag.attributes) declared.add(definition.key);
    }
  }
  const undeclared = new Set<string>();
  for (const input of inputs) {
    for (const annotation of input.annotations) {
      for (const key of Object.keys(annotation.attributes)) {
        if (!declared.has(key)) undeclared.add(key);
      }
    }
  }
  return [...declared, ...[...undeclared].sort()];
}

/** Each key as its column header, renamed when it would repeat a fixed column's header. */
function attributeHeaders(keys: readonly string[]): string[] {
  const taken = new Set([...LEADING_COLUMNS, COMMENTS_COLUMN, ...TRAILING_COLUMNS, ...keys]);
  return keys.map((key) => {
    if (!LEADING_COLUMNS.includes(key) && key !== COMMENTS_COLUMN && !TRAILING_COLUMNS.includes(key)) {
      return key;
    }
    let header = `attribute:${key}`;
    for (let suffix = 2; taken.has(header); suffix += 1) header = `attribute:${key}:${suffix}`;
    taken.add(header);
    return header;
  });
}

/** A text field: prefixed when a spreadsheet would run it, quoted when RFC 4180 asks. */
function textCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function attributeCell(value: AttributeValue | undefined): string {
  if (value === undefined || value === null) return '';
  // Finite numbers are ours to write and read back as numbers; NaN and Infinity only as text.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : textCell(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return textCell(linksText(value));
  return textCell(value);
}

function linksText(links: readonly EvidenceLink[]): string {
  return links.map((link) => (link.note === '' ? link.url : `${link.url} (${link.note})`)).join('\n');
}

function commentsText(comments: readonly Comment[]): string {
  const entries: string[] = [];
  const visit = (thread: readonly Comment[], depth: number): void => {
    for (const comment of thread) {
      const author = comment.author.trim() === '' ? 'Anonymous' : comment.author;
      entries.push(`${REPLY_MARKER.repeat(depth)}${author} (${comment.createdAt}): ${comment.body}`);
      visit(comment.replies, depth + 1);
    }
  };
  visit(comments, 0);
  return entries.join('\n\n');
}
