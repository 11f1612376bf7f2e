import type { Node } from 'prosemirror-model';
import type { BlockDraft, InlineMark } from '../../../../shared/model';

/** The article a corrected document holds, and where an editor position falls in its text. */
export interface CorrectedArticle {
  blocks: BlockDraft[];
  /** The canonical text offset of a position inside a block, or null where no text is kept. */
  offsetOf(position: number): number | null;
}

/**
 * Reads the article back out of the editor's document: one block per textblock (empty ones, left
 * by deleting all their text, are dropped), inline marks as offsets into each block's text. The
 * canonical text is those blocks joined by "\\n\\n", so a position maps to an offset once the
 * dropped blocks before it are counted out.
 */
export function docToBlocks(doc: Node): CorrectedArticle {
  const blocks: BlockDraft[] = [];
  const starts: { position: number; offset: number; size: number }[] = [];
  let offset = 0;
  doc.forEach((node, position) => {
    if (node.textContent === '') return;
    if (blocks.length > 0) offset += 2;
    blocks.push(blockOf(node));
    starts.push({ position: position + 1, offset, size: node.content.size });
    offset += node.textContent.length;
  });
  return {
    blocks,
    offsetOf(position) {
      for (const start of starts) {
        if (position >= start.position && position <= start.position + start.size) {
          return start.offset + (position - start.position);
        }
      }
      return null;
    },
  };
}

function blockOf(node: Node): BlockDraft {
  const text = node.textContent;
  const marks = marksOf(node);
  switch (node.type.name) {
    case 'heading':
      return { type: 'heading', level: node.attrs.level as number, text, marks };
    case 'blockquote':
      return { type: 'blockquote', text, marks };
    case 'preformatted':
      return { type: 'preformatted', text, marks: [] };
    case 'listItem': {
      const marker = String(node.attrs.marker);
      const number = Number.parseInt(marker, 10);
      return Number.isNaN(number)
        ? { type: 'listItem', ordered: false, text, marks }
        : { type: 'listItem', ordered: true, number, text, marks };
    }
    default:
      return { type: 'paragraph', text, marks };
  }
}

/** Inline marks as ranges of the block's text, a mark over neighbouring text nodes made one. */
function marksOf(node: Node): InlineMark[] {
  const marks: InlineMark[] = [];
  node.forEach((child, offset) => {
    for (const mark of child.marks) {
      const type = mark.type.name as InlineMark['type'];
      const href = type === 'link' ? String(mark.attrs.href) : undefined;
      const last = marks.findLast((candidate) => candidate.type === type && candidate.href === href);
      if (last && last.end === offset) {
        last.end = offset + child.nodeSize;
        continue;
      }
      marks.push(
        href === undefined
          ? { type, start: offset, end: offset + child.nodeSize }
          : { type, start: offset, end: offset + child.nodeSize, href },
      );
    }
  });
  return marks;
}
