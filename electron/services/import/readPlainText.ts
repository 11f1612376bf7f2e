import type { BlockDraft } from '../../../shared/model';
import type { ArticleDraft } from './articleDraft';
import { titleFromFileName } from './fileName';
import { looksLikeTitle } from './looksLikeTitle';

/** A paragraph of a plain text file: its text and how many lines it spanned. */
export interface TextParagraph {
  text: string;
  lineCount: number;
}

/**
 * Splits plain text into paragraphs at blank lines (lines of only whitespace count as blank).
 * A paragraph's lines are joined with one space and its ends trimmed; all else is kept as is.
 */
export function splitParagraphs(source: string): TextParagraph[] {
  const paragraphs: TextParagraph[] = [];
  let lines: string[] = [];
  const close = (): void => {
    if (lines.length > 0) paragraphs.push({ text: lines.join(' ').trim(), lineCount: lines.length });
    lines = [];
  };
  for (const line of source.split(/\r\n?|\n/)) {
    if (line.trim() === '') close();
    else lines.push(line);
  }
  close();
  return paragraphs;
}

/**
 * Reads decoded plain text. An opening line that looks like a title becomes the title and a
 * level-1 heading; otherwise the title comes from the file name.
 */
export function readPlainText(source: string, fileName: string): ArticleDraft {
  const paragraphs = splitParagraphs(source);
  const first = paragraphs[0];
  const hasTitle = first !== undefined && looksLikeTitle(first.text, first.lineCount, paragraphs.length > 1);
  const blocks = paragraphs.map(
    ({ text }, index): BlockDraft =>
      index === 0 && hasTitle
        ? { type: 'heading', level: 1, text, marks: [] }
        : { type: 'paragraph', text, marks: [] },
  );
  return {
    metadata: {
      title: hasTitle && first !== undefined ? first.text : titleFromFileName(fileName),
      byline: null,
      siteName: null,
      source: fileName,
      publishedAt: null,
      lang: null,
      dir: 'ltr',
      format: 'text',
    },
    blocks,
  };
}
