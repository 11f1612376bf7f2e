import type { ArticleMetadata, BlockDraft } from '../../../shared/model';

/** What a reader makes of a file: its metadata and its blocks, before they are placed in the text. */
export interface ArticleDraft {
  metadata: ArticleMetadata;
  blocks: BlockDraft[];
}
