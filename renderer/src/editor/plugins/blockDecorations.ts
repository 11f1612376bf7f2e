import type { Node } from 'prosemirror-model';
import type { Mapping } from 'prosemirror-transform';
import { type Decoration, DecorationSet } from 'prosemirror-view';

/** DecorationSet's constructor, which its type declarations leave out: a subclass must call it. */
const DecorationSetBase = DecorationSet as unknown as new (
  local: readonly Decoration[],
  children: readonly unknown[],
) => DecorationSet;

/** Where a block of the flat article document sits: its node's position and size. */
interface Slot {
  /** The position before the block's node; its text starts one further. */
  position: number;
  node: Node;
}

/**
 * Inline decorations kept per block of a flat document, as the view asks for them: one
 * DecorationSet for each block that has any, built over that block alone.
 *
 * `DecorationSet.create` and `add` on the whole document look at every block for every
 * decoration, which takes about a second for 50,000 highlights over 8,000 blocks. Here building
 * is linear, and a change rebuilds only the sets of the blocks it touches; the sets of the other
 * blocks stay the same objects, so the view redraws nothing else. A subclass of DecorationSet, so
 * the view can group it with other plugins' sets; it answers for its blocks through `forChild`.
 *
 * The article's text is never edited in this view, so the structure is built for one document;
 * when a document changes, build a new one.
 */
export class BlockDecorations extends DecorationSetBase {
  private constructor(
    private readonly slots: readonly Slot[],
    private readonly sets: readonly (DecorationSet | undefined)[],
  ) {
    super([], []);
  }

  /** No decorations yet, over the blocks of `doc`; `change` adds them. */
  static none(doc: Node): BlockDecorations {
    return new BlockDecorations(slotsOf(doc), []);
  }

  /** The number of blocks. */
  get blockCount(): number {
    return this.slots.length;
  }

  /** The index of the last block whose text starts at or before text offset `offset`. */
  blockAt(offset: number): number {
    // A block node's position equals the text offset where its text starts: positions run one
    // ahead of offsets inside a block, and the node opens one position before its text.
    let low = 0;
    let high = this.slots.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.slots[middle]!.position <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Where block `index`'s text starts, as a text offset. */
  blockStart(index: number): number {
    return this.slots[index]!.position;
  }

  /** Where block `index`'s text ends, as a text offset. */
  blockEnd(index: number): number {
    const slot = this.slots[index]!;
    return slot.position + slot.node.content.size;
  }

  /** The decorations in block `index` matching `predicate`, with positions inside the block. */
  findIn(index: number, from?: number, to?: number, predicate?: (spec: unknown) => boolean): Decoration[] {
    return this.sets[index]?.find(from, to, predicate) ?? [];
  }

  /**
   * A copy with these decorations removed from and these pieces added to their blocks. Only the
   * touched blocks' sets change; each is built from that block alone.
   */
  change(
    removed: readonly { block: number; decorations: Decoration[] }[],
    added: readonly BlockPiece[],
  ): BlockDecorations {
    const sets = this.sets.slice();
    for (const { block, decorations } of removed) {
      if (decorations.length > 0) sets[block] = emptyToUndefined(sets[block]?.remove(decorations));
    }
    const byBlock = new Map<number, Decoration[]>();
    for (const piece of added) {
      const list = byBlock.get(piece.block);
      if (list) list.push(piece.decoration);
      else byBlock.set(piece.block, [piece.decoration]);
    }
    for (const [block, decorations] of byBlock) {
      sets[block] = (sets[block] ?? DecorationSet.empty).add(this.slots[block]!.node, decorations);
    }
    return new BlockDecorations(this.slots, sets);
  }

  override forChild(offset: number, child: Node): DecorationSet {
    const index = this.blockAt(offset);
    const slot = this.slots[index];
    return slot && slot.position === offset && slot.node === child
      ? (this.sets[index] ?? DecorationSet.empty)
      : DecorationSet.empty;
  }

  eq(other: DecorationSet): boolean {
    return other === this;
  }

  override map(mapping: Mapping): DecorationSet {
    if (mapping.maps.length === 0) return this;
    throw new Error('BlockDecorations are built for one document; build them again after it changes.');
  }

  override find(start?: number, end?: number, predicate?: (spec: unknown) => boolean): Decoration[] {
    const found: Decoration[] = [];
    this.sets.forEach((set, index) => {
      if (!set) return;
      const position = this.slots[index]!.position + 1;
      for (const decoration of set.find(
        start === undefined ? undefined : start - position,
        end === undefined ? undefined : end - position,
        predicate,
      )) {
        found.push(decoration);
      }
    });
    return found;
  }

  override forEachSet(f: (set: DecorationSet) => void): void {
    for (const set of this.sets) if (set) f(set);
  }
}

/** A decoration placed in one block, its positions counted from the start of that block's text. */
export interface BlockPiece {
  block: number;
  decoration: Decoration;
}

function slotsOf(doc: Node): Slot[] {
  const slots: Slot[] = [];
  doc.forEach((node, position) => {
    slots.push({ position, node });
  });
  return slots;
}

function emptyToUndefined(set: DecorationSet | undefined): DecorationSet | undefined {
  return set === undefined || set === DecorationSet.empty ? undefined : set;
}
