import { type DOMOutputSpec, type Mark, type Node, Schema } from 'prosemirror-model';

const textblock = { content: 'text*', marks: '_', defining: true } as const;

/**
 * The schema of an article as the editor shows it: a flat list of textblocks, one per block of
 * the article. Keeping it flat makes a position in the editor the canonical text offset plus one
 * (each "\n\n" separator stands where one block closes and the next opens), so mapping between
 * the two never needs a lookup.
 */
export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { ...textblock, group: 'block', toDOM: (): DOMOutputSpec => ['p', 0] },
    heading: {
      ...textblock,
      group: 'block',
      attrs: { level: { default: 2 } },
      toDOM: (node: Node): DOMOutputSpec => [`h${Math.min(6, Math.max(1, node.attrs.level as number))}`, 0],
    },
    blockquote: { ...textblock, group: 'block', toDOM: (): DOMOutputSpec => ['blockquote', ['p', 0]] },
    listItem: {
      ...textblock,
      group: 'block',
      attrs: { marker: { default: '•' } },
      toDOM: (node: Node): DOMOutputSpec => [
        'p',
        { class: 'list-item', 'data-marker': node.attrs.marker as string },
        0,
      ],
    },
    preformatted: {
      ...textblock,
      marks: '',
      group: 'block',
      code: true,
      toDOM: (): DOMOutputSpec => ['pre', ['code', 0]],
    },
    text: {},
  },
  marks: {
    emphasis: { toDOM: (): DOMOutputSpec => ['em', 0] },
    strong: { toDOM: (): DOMOutputSpec => ['strong', 0] },
    link: {
      attrs: { href: {} },
      inclusive: false,
      toDOM: (mark: Mark): DOMOutputSpec => [
        'a',
        { href: mark.attrs.href as string, rel: 'noopener noreferrer nofollow', target: '_blank' },
        0,
      ],
    },
  },
});

/** The editor position of a canonical text offset. */
export function offsetToPosition(offset: number): number {
  return offset + 1;
}

/** The canonical text offset of an editor position inside a textblock. */
export function positionToOffset(position: number): number {
  return position - 1;
}
