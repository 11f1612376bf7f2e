import type { Token } from 'markdown-it';
import type { InlineText, MarkHandle } from './inlineText';
import { safeHref } from './safeHref';

const MARK_TYPES = { em: 'emphasis', strong: 'strong', link: 'link' } as const;

/**
 * Appends a Markdown inline token list to `inline`: emphasis, strong and absolute http(s) or
 * mailto links become marks; inline code is plain text; a soft break is a space and a hard break
 * a line break; an image is its alt text. Raw HTML (never parsed, as `html` is off) stays text.
 */
export function appendMarkdownInline(inline: InlineText, tokens: readonly Token[]): void {
  const open: Array<MarkHandle | null> = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
      case 'html_inline':
        inline.appendVerbatim(token.content);
        break;
      case 'softbreak':
        inline.appendVerbatim(' ');
        break;
      case 'hardbreak':
        inline.lineBreak();
        break;
      case 'image':
        inline.appendVerbatim(plainText(token.children ?? []));
        break;
      case 'em_open':
      case 'strong_open':
        open.push(inline.openMark(MARK_TYPES[token.tag === 'em' ? 'em' : 'strong']));
        break;
      case 'link_open': {
        const address = token.attrGet('href');
        const href = safeHref(typeof address === 'string' ? address : null, null);
        open.push(href === null ? null : inline.openMark(MARK_TYPES.link, href));
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 'link_close': {
        const mark = open.pop();
        if (mark) inline.closeMark(mark);
        break;
      }
    }
  }
}

/** The plain text of inline tokens, as an image's alt text is read. */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) =>
      token.type === 'softbreak' || token.type === 'hardbreak'
        ? ' '
        : token.children
          ? plainText(token.children)
          : token.content,
    )
    .join('');
}
