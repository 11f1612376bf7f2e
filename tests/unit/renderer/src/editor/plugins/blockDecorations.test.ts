import fc from 'fast-check';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import {
  annotationPieces,
  buildDecorations,
} from '../../../../../../renderer/src/editor/plugins/annotationDecorations';
import { BlockDecorations } from '../../../../../../renderer/src/editor/plugins/blockDecorations';
import { offsetToPosition } from '../../../../../../renderer/src/editor/schema/articleSchema';
import { articleToDoc } from '../../../../../../renderer/src/editor/schema/articleToDoc';
import { anchorAt, placeBlocks } from '../../../../../../shared/anchoring';
import type { Annotation } from '../../../../../../shared/model';

const { text, blocks } = placeBlocks(
  ['A heading', 'First paragraph here.', 'Second one, longer than the first.', 'x', 'Last words.'].map(
    (paragraph, index) =>
      index === 0
        ? { type: 'heading' as const, level: 1, text: paragraph, marks: [] }
        : { type: 'paragraph' as const, text: paragraph, marks: [] },
  ),
);
const doc = articleToDoc({ blocks });

function annotation(id: number, start: number, end: number): Annotation {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    documentId: '00000000-0000-4000-8000-000000000000',
    tag: 'claim',
    start,
    end,
    ...anchorAt(text, start, end),
    attributes: {},
    comments: [],
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
  };
}

/** Each block's decorations as [block, from, to, id], from the view's point of view (`forChild`). */
function asSeenByTheView(set: DecorationSet): [number, number, number, string][] {
  const seen: [number, number, number, string][] = [];
  let index = 0;
  doc.forEach((node, position) => {
    // ProseMirror may answer with a group of sets (passages crossing blocks are cut on the fly).
    set.forChild(position, node).forEachSet((child) => {
      for (const decoration of child.find()) {
        seen.push([index, decoration.from, decoration.to, (decoration.spec as { id: string }).id]);
      }
    });
    index += 1;
  });
  return seen.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : 1));
}

/** The same annotations as one ProseMirror DecorationSet over the whole document. */
function prosemirrorReference(annotations: readonly Annotation[]): DecorationSet {
  return DecorationSet.create(
    doc,
    annotations.map((item) =>
      Decoration.inline(offsetToPosition(item.start), offsetToPosition(item.end), {}, { id: item.id }),
    ),
  );
}

const ranges = fc
  .array(
    fc
      .tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: 40 }))
      .map(([start, length]) => [start, Math.min(text.length, start + length)] as const),
    { maxLength: 25 },
  )
  .map((pairs) => pairs.map(([start, end], index) => annotation(index + 1, start, end)));

describe('BlockDecorations', () => {
  it('gives the view the same pieces per block as one ProseMirror set over the whole document', () => {
    fc.assert(
      fc.property(ranges, (annotations) => {
        const ours = buildDecorations(BlockDecorations.none(doc), annotations, new Map(), null);
        expect(asSeenByTheView(ours)).toEqual(asSeenByTheView(prosemirrorReference(annotations)));
      }),
      { numRuns: 300 },
    );
  });

  it('splits a passage over a block separator into one piece per block', () => {
    const second = blocks[2]!;
    const across = annotation(1, blocks[1]!.end - 5, second.start + 6);
    const pieces = annotationPieces(BlockDecorations.none(doc), across, 0, false);
    expect(pieces.map((piece) => [piece.block, piece.decoration.from, piece.decoration.to])).toEqual([
      [1, blocks[1]!.text.length - 5, blocks[1]!.text.length],
      [2, 0, 6],
    ]);
  });

  it('changes only the sets of the blocks a change touches', () => {
    const before = buildDecorations(
      BlockDecorations.none(doc),
      [
        annotation(1, blocks[1]!.start, blocks[1]!.start + 5),
        annotation(2, blocks[4]!.start, blocks[4]!.start + 4),
      ],
      new Map(),
      null,
    );
    const added = annotation(3, blocks[2]!.start, blocks[2]!.start + 6);
    const after = before.change([], annotationPieces(before, added, 0, false));
    const setOf = (set: BlockDecorations, index: number) => {
      let found: unknown;
      let at = 0;
      doc.forEach((node, position) => {
        if (at++ === index) found = set.forChild(position, node);
      });
      return found;
    };
    expect(setOf(after, 1)).toBe(setOf(before, 1));
    expect(setOf(after, 4)).toBe(setOf(before, 4));
    expect(setOf(after, 2)).not.toBe(setOf(before, 2));
    expect(after.eq(before)).toBe(false);
    expect(
      after
        .find()
        .map((decoration) => (decoration.spec as { id: string }).id)
        .sort(),
    ).toEqual([1, 2, 3].map((id) => annotation(id, 0, 1).id));
  });

  it('gives the view only the shown blocks, and the rest as they are shown', () => {
    const annotations = blocks.map((block, index) => annotation(index + 1, block.start, block.start + 1));
    // The first blocks holding 12 characters: the heading (9) and the first paragraph.
    const partly = buildDecorations(BlockDecorations.none(doc, 12), annotations, new Map(), null);
    const whole = buildDecorations(BlockDecorations.none(doc), annotations, new Map(), null);
    const seenBlocks = (set: DecorationSet) => [...new Set(asSeenByTheView(set).map(([block]) => block))];
    expect(seenBlocks(whole)).toEqual([0, 1, 2, 3, 4]);
    expect(seenBlocks(partly)).toEqual([0, 1]);
    expect([0, 1, 2].map((index) => partly.isShown(index))).toEqual([true, true, false]);
    expect(partly.nextHidden(0)).toBe(2);
    // Finding and changing work on every block, shown or not.
    expect(partly.find()).toHaveLength(5);
    expect(partly.findIn(4)).toHaveLength(1);

    const more = partly.show(3, 5);
    expect(seenBlocks(more)).toEqual([0, 1, 3, 4]);
    expect(more.nextHidden(0)).toBe(2);
    expect(more.show(3, 5)).toBe(more);
    const all = more.show(2, 3);
    expect(seenBlocks(all)).toEqual([0, 1, 2, 3, 4]);
    expect(all.nextHidden(0)).toBe(-1);
    expect(asSeenByTheView(all)).toEqual(asSeenByTheView(whole));
    // A change to a hidden block lands, and shows once the block is shown.
    const added = annotation(9, blocks[3]!.start, blocks[3]!.end);
    const changed = partly.change([], annotationPieces(partly, added, 0, false));
    expect(seenBlocks(changed)).toEqual([0, 1]);
    expect(changed.findIn(3)).toHaveLength(2);
    expect(asSeenByTheView(changed.show(0, 5))).toEqual(
      asSeenByTheView(buildDecorations(BlockDecorations.none(doc), [...annotations, added], new Map(), null)),
    );
  });

  it('shows everything at once when the first characters cover the whole document', () => {
    const set = BlockDecorations.none(doc, text.length);
    expect(set.nextHidden(0)).toBe(-1);
    expect(set.show(0, 2)).toBe(set);
  });
});
