import MarkdownIt, { type Token } from 'markdown-it';
import { ApiError } from '../../../shared/api/errors';
import type { BlockDraft } from '../../../shared/model';
import type { ArticleDraft } from './articleDraft';
import { titleFromFileName } from './fileName';
import { splitFrontMatter } from './frontMatter';
import { InlineText } from './inlineText';
import { looksLikeTitle } from './looksLikeTitle';
import { appendMarkdownInline } from './markdownInline';
import { textDirectionOf } from './textDirection';

// Raw HTML is shown as the text it is, never interpreted: an article file must not carry markup in.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

type Container =
  | { kind: 'blockquote' }
  | { kind: 'listItem'; ordered: boolean; number: number | undefined; hasBlock: boolean };

/**
 * Reads decoded Markdown. The title comes from front matter, else the first level-1 heading,
 * else an opening paragraph that looks like a title, else the file name.
 */
export function readMarkdown(source: string, fileName: string): ArticleDraft {
  const { fields, body } = splitFrontMatter(source);
  const tokens = markdown.parse(body, {});
  checkNesting(tokens);
  const { blocks, firstParagraphLines } = markdownBlocks(tokens);
  const first = blocks[0];
  const openingTitle =
    first?.type === 'paragraph' && looksLikeTitle(first.text, firstParagraphLines, blocks.length > 1)
      ? first.text
      : undefined;
  const title =
    fields.get('title') ??
    blocks.find((block) => block.type === 'heading' && block.level === 1)?.text ??
    openingTitle ??
    titleFromFileName(fileName);
  const lang = fields.get('lang') ?? fields.get('language') ?? null;
  return {
    metadata: {
      title,
      byline: fields.get('author') ?? null,
      siteName: null,
      source: fileName,
      publishedAt: fields.get('date') ?? null,
      lang,
      dir: textDirectionOf([fields.get('dir')], lang),
      format: 'markdown',
    },
    blocks,
  };
}

/**
 * Refuses Markdown that reaches markdown-it's nesting limit: past it, the parser silently drops the
 * rest of the innermost quote or list item, so reading on would lose text without a word.
 */
function checkNesting(tokens: readonly Token[]): void {
  // The typings leave the option out; 100 is the default preset's value.
  const { maxNesting = 100 } = markdown.options as { maxNesting?: number };
  const deepest = maxNesting - 1;
  const isTooDeep = tokens.some(
    (token) =>
      (token.type === 'blockquote_open' || token.type === 'list_item_open') && token.level >= deepest,
  );
  if (isTooDeep) {
    throw new ApiError(
      'not-an-article',
      'This Markdown file nests quotes or lists too deeply to read as an article; save the article text as a .txt file and open that.',
    );
  }
}

/** Maps markdown-it's block tokens to blocks; also says how many source lines the opening paragraph spans. */
function markdownBlocks(tokens: readonly Token[]): { blocks: BlockDraft[]; firstParagraphLines: number } {
  const blocks: BlockDraft[] = [];
  const inline = new InlineText();
  const containers: Container[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let firstParagraphLines = 0;
  let heading: number | null = null;

  const push = (
    shape: Omit<BlockDraft, 'text' | 'marks'>,
    mode: 'trimmed' | 'preformatted' = 'trimmed',
  ): void => {
    const content = inline.take(mode);
    if (content !== null) blocks.push({ ...shape, ...content });
  };

  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        heading = Number(token.tag.slice(1));
        break;
      case 'heading_close':
        push({ type: 'heading', level: heading ?? 1 });
        heading = null;
        break;
      case 'paragraph_open':
        if (blocks.length === 0 && token.map) firstParagraphLines = token.map[1] - token.map[0];
        break;
      case 'paragraph_close':
        push(paragraphShape(containers[containers.length - 1]));
        break;
      case 'inline':
        appendMarkdownInline(inline, token.children ?? []);
        break;
      case 'blockquote_open':
        containers.push({ kind: 'blockquote' });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const start = Number(token.attrGet('start') ?? 1);
        lists.push({
          ordered: token.type === 'ordered_list_open',
          next: Number.isSafeInteger(start) ? start : 1,
        });
        break;
      }
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        const number = list?.ordered ? list.next++ : undefined;
        containers.push({ kind: 'listItem', ordered: list?.ordered ?? false, number, hasBlock: false });
        break;
      }
      case 'blockquote_close':
      case 'list_item_close':
        containers.pop();
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'fence':
      case 'code_block':
        inline.appendVerbatim(token.content);
        push({ type: 'preformatted' }, 'preformatted');
        break;
      case 'th_open':
      case 'td_open':
        inline.requestGap(' | ');
        break;
      case 'tr_close':
        push({ type: 'paragraph' });
        break;
    }
  }
  return { blocks, firstParagraphLines };
}

/** What a paragraph becomes inside its innermost container: the first one in a list item is the item. */
function paragraphShape(container: Container | undefined): Omit<BlockDraft, 'text' | 'marks'> {
  if (container?.kind === 'blockquote') return { type: 'blockquote' };
  if (container?.kind !== 'listItem' || container.hasBlock) return { type: 'paragraph' };
  container.hasBlock = true;
  return container.number === undefined
    ? { type: 'listItem', ordered: container.ordered }
    : { type: 'listItem', ordered: container.ordered, number: container.number };
}
