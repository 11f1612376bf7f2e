import { BLOCK_SEPARATOR, type Block, type BlockDraft } from '../model';

/** The canonical text of a list of blocks and the blocks placed in it. */
export interface PlacedBlocks {
  text: string;
  blocks: Block[];
}

/**
 * Places blocks in the canonical text: their texts joined by "\n\n", each block given the
 * `start` and `end` of its text there. Every importer ends with this, so the rule lives once.
 */
export function placeBlocks(drafts: readonly BlockDraft[]): PlacedBlocks {
  const blocks: Block[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const draft of drafts) {
    if (blocks.length > 0) offset += BLOCK_SEPARATOR.length;
    const block: Block = { ...draft, start: offset, end: offset + draft.text.length };
    blocks.push(block);
    parts.push(draft.text);
    offset = block.end;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blocks };
}
