const MAX_TITLE_LENGTH = 120;
const MAX_TITLE_WORDS = 20;

/**
 * Whether an opening paragraph reads as the article's title rather than its first sentence. Only
 * single lines qualify, since wrapped text is prose; sentence punctuation at the end or a
 * lower-case start means the text runs on.
 */
export function looksLikeTitle(paragraph: string, lineCount: number, hasMoreBlocks: boolean): boolean {
  if (!hasMoreBlocks || lineCount !== 1) return false;
  if (paragraph.length === 0 || paragraph.length > MAX_TITLE_LENGTH) return false;
  if (paragraph.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  if (/[.,;:]$/.test(paragraph)) return false;
  return !/^\p{Ll}/u.test(paragraph);
}
