import type { Mark, Node } from 'prosemirror-model';
import type { Article, Block } from '../../../../shared/model';
import { safeHref } from '../../../../shared/report';
import { articleSchema } from './articleSchema';

/** Builds the editor document of an article: one textblock per block, inline marks as marks. */
export function articleToDoc(article: Pick<Article, 'blocks'>): Node {
  return articleSchema.node('doc', null, article.blocks.map(blockToNode));
}

function blockToNode(block: Block): Node {
  const content = block.type === 'preformatted' ? [articleSchema.text(block.text)] : inlineContent(block);
  switch (block.type) {
    case 'heading':
      return articleSchema.node('heading', { level: block.level ?? 2 }, content);
    case 'blockquote':
      return articleSchema.node('blockquote', null, content);
    case 'listItem':
      return articleSchema.node(
        'listItem',
        { marker: block.ordered ? `${block.number ?? 1}.` : '•' },
        content,
      );
    case 'preformatted':
      return articleSchema.node('preformatted', null, content);
    default:
      return articleSchema.node('paragraph', null, content);
  }
}

/** Splits a block's text at every mark edge and gives each piece the marks covering it. */
function inlineContent(block: Block): Node[] {
  const edges = new Set<number>([0, block.text.length]);
  for (const mark of block.marks) {
    edges.add(Math.max(0, Math.min(block.text.length, mark.start)));
    edges.add(Math.max(0, Math.min(block.text.length, mark.end)));
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const nodes: Node[] = [];
  for (let index = 0; index + 1 < sorted.length; index++) {
    const from = sorted[index]!;
    const to = sorted[index + 1]!;
    if (from === to) continue;
    const marks: Mark[] = [];
    for (const mark of block.marks) {
      // Importers keep only web and e-mail links, but a merged report's blocks come as the report
      // wrote them: like the HTML report, the editor checks again before a browser sees the address.
      const href = mark.type === 'link' ? safeHref(mark.href) : null;
      if (mark.type === 'link' && href === null) continue;
      if (mark.start <= from && mark.end >= to) {
        marks.push(
          href !== null
            ? articleSchema.marks.link.create({ href })
            : articleSchema.marks[mark.type]!.create(),
        );
      }
    }
    nodes.push(articleSchema.text(block.text.slice(from, to), marks));
  }
  return nodes;
}
