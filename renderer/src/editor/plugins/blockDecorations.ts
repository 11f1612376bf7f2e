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
 * The view may be given only some blocks' decorations (`shown`): drawing every highlight of a
 * long article is most of the work of opening it, and only the blocks on screen need them at
 * first. The others answer with no decorations until `show` adds them; everything else (finding,
 * changing) works on all blocks alike.
 *
 * The article's text is never edited in this view, so the structure is built for one document;
 * when a document changes, build a new one.
 */
export class BlockDecorations extends DecorationSetBase {
  private constructor(
    private readonly slots: readonly Slot[],
    /**
     * Each block's set, or the decorations it will be built from when first asked for: most
     * blocks of a long article are not looked at for a while, so their sets wait.
     */
    private readonly sets: readonly (DecorationSet | Pending | undefined)[],
    /** 1 for each block whose decorations the view is given; null when it is given all of them. */
    private readonly shown: Uint8Array | null,
  ) {
    super([], []);
  }

  /**
   * No decorations yet, over the blocks of `doc`; `change` adds them. With `shownChars`, the view
   * is given the decorations of the first blocks only, as many as hold that many characters (at
   * least one block), and the rest as `show` adds them.
   */
  static none(doc: Node, shownChars?: number): BlockDecorations {
    const slots = slotsOf(doc);
    if (shownChars === undefined || slots.length === 0) return new BlockDecorations(slots, [], null);
    const shown = new Uint8Array(slots.length);
    let block = 0;
    do shown[block] = 1;
    while (++block < slots.length && slots[block]!.position < shownChars);
    return new BlockDecorations(slots, [], block === slots.length ? null : shown);
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

  /** Whether the view is given block `index`'s decorations. */
  isShown(index: number): boolean {
    return this.shown === null || this.shown[index] === 1;
  }

  /** The first block at or after `index` whose decorations the view is not given yet, or -1. */
  nextHidden(index: number): number {
    if (this.shown === null) return -1;
    return this.shown.indexOf(0, Math.max(0, index));
  }

  /**
   * A copy that gives the view the decorations of blocks `from` to `to` (exclusive) too; this
   * same object when they all are already.
   */
  show(from: number, to: number): BlockDecorations {
    const shown = this.shown;
    if (shown === null) return this;
    const start = Math.max(0, from);
    const end = Math.min(shown.length, to);
    let hidden = shown.indexOf(0, start);
    if (hidden === -1 || hidden >= end) return this;
    const next = shown.slice();
    next.fill(1, hidden, end);
    hidden = next.indexOf(0);
    return new BlockDecorations(this.slots, this.sets, hidden === -1 ? null : next);
  }

  /** The decorations in block `index` matching `predicate`, with positions inside the block. */
  findIn(index: number, from?: number, to?: number, predicate?: (spec: unknown) => boolean): Decoration[] {
    return this.setOf(index)?.find(from, to, predicate) ?? [];
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
      if (decorations.length > 0) sets[block] = emptyToUndefined(this.setOf(block)?.remove(decorations));
    }
    const byBlock = new Map<number, Decoration[]>();
    for (const piece of added) {
      const list = byBlock.get(piece.block);
      if (list) list.push(piece.decoration);
      else byBlock.set(piece.block, [piece.decoration]);
    }
    for (const [block, decorations] of byBlock) {
      const current = sets[block];
      sets[block] =
        current === undefined
          ? new Pending(decorations)
          : current instanceof Pending && !current.set
            ? new Pending([...current.decorations, ...decorations])
            : setOf(current, this.slots[block]!.node)!.add(this.slots[block]!.node, decorations);
    }
    return new BlockDecorations(this.slots, sets, this.shown);
  }

  override forChild(offset: number, child: Node): DecorationSet {
    const index = this.blockAt(offset);
    const slot = this.slots[index];
    return slot && slot.position === offset && slot.node === child && this.isShown(index)
      ? (this.setOf(index) ?? DecorationSet.empty)
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
    this.sets.forEach((_, index) => {
      const set = this.setOf(index);
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
    this.sets.forEach((_, index) => {
      const set = this.setOf(index);
      if (set) f(set);
    });
  }

  /** Block `index`'s set, built now if it was waiting. */
  private setOf(index: number): DecorationSet | undefined {
    return setOf(this.sets[index], this.slots[index]!.node);
  }
}

/** A decoration placed in one block, its positions counted from the start of that block's text. */
export interface BlockPiece {
  block: number;
  decoration: Decoration;
}

/**
 * A block's decorations whose set is built when first asked for. Copies of a BlockDecorations
 * share it, so the set is built once and stays the same object for all of them, and the view
 * sees an unchanged block as unchanged.
 */
class Pending {
  set: DecorationSet | undefined;
  constructor(readonly decorations: readonly Decoration[]) {}
}

function setOf(entry: DecorationSet | Pending | undefined, node: Node): DecorationSet | undefined {
  if (!(entry instanceof Pending)) return entry;
  entry.set ??= DecorationSet.create(node, entry.decorations as Decoration[]);
  return entry.set;
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
