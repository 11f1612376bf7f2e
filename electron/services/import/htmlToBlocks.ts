import type { BlockDraft } from '../../../shared/model';
import {
  CONTAINER_ELEMENTS,
  HEADING_LEVELS,
  HTML_NAMESPACE,
  INLINE_ELEMENTS,
  LAYOUT_ROW_CONTENT,
} from './htmlElements';
import { type EdgeMode, InlineText } from './inlineText';
import { safeHref } from './safeHref';
import { type ExitNode, walkTree } from './walkTree';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** What text found directly inside the innermost open block element becomes. */
type BlockContext =
  | { kind: 'heading'; level: number }
  | { kind: 'blockquote' }
  | { kind: 'listItem'; ordered: boolean; number: number | undefined; hasBlock: boolean }
  | { kind: 'preformatted' }
  | { kind: 'row' };

interface ListState {
  ordered: boolean;
  next: number;
}

/**
 * Turns sanitised article markup into blocks. It is an allow-list: only the text of known content
 * elements and the emphasis, strong and link marks survive; any other element (script, style,
 * svg, iframe, form controls, unknown tags) is skipped with everything inside it, and no attribute
 * is read except a link's href and an ordered list's start. Links keep only http(s) and mailto
 * addresses, resolved against `baseUrl` when the page's address is known.
 */
export function htmlToBlocks(root: Node, baseUrl: string | null): BlockDraft[] {
  const blocks: BlockDraft[] = [];
  const inline = new InlineText();
  const contexts: BlockContext[] = [];
  const lists: ListState[] = [];
  // Inside a data table row or a <pre>, nested elements add to the one block being built.
  let flatDepth = 0;

  const flush = (): void => {
    const context = contexts[contexts.length - 1];
    const mode: EdgeMode = context?.kind === 'preformatted' ? 'preformatted' : 'trimmed';
    const content = inline.take(mode);
    if (content === null) return;
    blocks.push({ ...blockShape(context), ...content });
  };

  const openBlock = (context: BlockContext | null): ExitNode => {
    flush();
    if (context === null) return flush;
    contexts.push(context);
    if (context.kind === 'row' || context.kind === 'preformatted') flatDepth += 1;
    return () => {
      flush();
      contexts.pop();
      if (context.kind === 'row' || context.kind === 'preformatted') flatDepth -= 1;
    };
  };

  const enterElement = (element: Element): ExitNode | boolean => {
    if (element.namespaceURI !== HTML_NAMESPACE) return false;
    const name = element.localName;
    const isPreformatted = contexts[contexts.length - 1]?.kind === 'preformatted';
    if (name === 'br') {
      if (isPreformatted) inline.appendVerbatim('\n');
      else if (flatDepth > 0) inline.requestGap(' ');
      // Two line breaks in a row are how many pages separate paragraphs.
      else if (inline.endsWithLineBreak) flush();
      else inline.lineBreak();
      return true;
    }
    if (INLINE_ELEMENTS.has(name)) return enterInline(element, name);
    const isBlockElement =
      CONTAINER_ELEMENTS.has(name) ||
      HEADING_LEVELS.has(name) ||
      name === 'blockquote' ||
      name === 'ul' ||
      name === 'ol' ||
      name === 'li' ||
      name === 'pre' ||
      name === 'hr';
    if (!isBlockElement) return false;
    if (flatDepth > 0) {
      if (isPreformatted) return true;
      inline.requestGap(name === 'td' || name === 'th' ? ' | ' : ' ');
      return () => inline.requestGap(' ');
    }
    const level = HEADING_LEVELS.get(name);
    if (level !== undefined) return openBlock({ kind: 'heading', level });
    switch (name) {
      case 'blockquote':
        return openBlock({ kind: 'blockquote' });
      case 'pre':
        return openBlock({ kind: 'preformatted' });
      case 'ul':
      case 'ol':
        return enterList(name === 'ol', element);
      case 'li': {
        const list = lists[lists.length - 1];
        const ordered = list?.ordered ?? false;
        const number = list?.ordered ? list.next++ : undefined;
        return openBlock({ kind: 'listItem', ordered, number, hasBlock: false });
      }
      case 'tr':
        return element.querySelector(LAYOUT_ROW_CONTENT) === null
          ? openBlock({ kind: 'row' })
          : openBlock(null);
      default:
        return openBlock(null);
    }
  };

  const enterList = (ordered: boolean, element: Element): ExitNode => {
    const start = ordered ? Number.parseInt(element.getAttribute('start') ?? '', 10) : Number.NaN;
    lists.push({ ordered, next: Number.isSafeInteger(start) ? start : 1 });
    const exitBlock = openBlock(null);
    return () => {
      exitBlock();
      lists.pop();
    };
  };

  const enterInline = (element: Element, name: string): ExitNode | boolean => {
    const type =
      name === 'em' || name === 'i'
        ? 'emphasis'
        : name === 'strong' || name === 'b'
          ? 'strong'
          : name === 'a'
            ? 'link'
            : null;
    if (type === null) return true;
    let href: string | undefined;
    if (type === 'link') {
      const address = safeHref(element.getAttribute('href'), baseUrl);
      if (address === null) return true;
      href = address;
    }
    const mark = inline.openMark(type, href);
    return () => inline.closeMark(mark);
  };

  walkTree(root, (node) => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue ?? '';
      if (contexts[contexts.length - 1]?.kind === 'preformatted') inline.appendVerbatim(text);
      else inline.appendCollapsible(text);
      return false;
    }
    return node.nodeType === ELEMENT_NODE ? enterElement(node as Element) : false;
  });
  flush();
  return blocks;
}

function blockShape(context: BlockContext | undefined): Omit<BlockDraft, 'text' | 'marks'> {
  switch (context?.kind) {
    case 'heading':
      return { type: 'heading', level: context.level };
    case 'blockquote':
      return { type: 'blockquote' };
    case 'preformatted':
      return { type: 'preformatted' };
    case 'listItem':
      if (context.hasBlock) return { type: 'paragraph' };
      context.hasBlock = true;
      return context.number === undefined
        ? { type: 'listItem', ordered: context.ordered }
        : { type: 'listItem', ordered: context.ordered, number: context.number };
    default:
      return { type: 'paragraph' };
  }
}
